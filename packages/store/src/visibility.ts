import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import type { Viewer } from '@compact/core';
import type { RecordRow } from './schema.js';

type RecordTable = { t: RecordRow };

/**
 * The visibility rule of core's `canSee`, as a WHERE condition, so that hidden rows never leave the
 * database: public to all; restricted to any logged-in role; confidential to coordinators and
 * to the officers of the owning partner.
 */
export function visibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<RecordTable, 't'>): ExpressionWrapper<RecordTable, 't', SqlBool> => {
    switch (viewer.role) {
      case 'system':
      case 'coordinator':
        return eb.lit(true);
      case 'public':
        return eb('t.classification', '=', 'public');
      case 'partner-officer':
        return eb.or([
          eb('t.classification', 'in', ['public', 'restricted']),
          eb.and([eb('t.classification', '=', 'confidential'), eb('t.owner_partner', '=', viewer.partner ?? '')]),
        ]);
      default:
        return eb('t.classification', 'in', ['public', 'restricted']);
    }
  };
}
