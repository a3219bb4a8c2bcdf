import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { CompactError, type Viewer } from '@compact/core';

/**
 * Core's visibility rule for the crisis tables (aliased `t`), as SQL. A confidential event and its
 * requests are also visible to the officers of the partners consulted on that event: they are
 * asked to answer, so they must be able to read the question.
 */
export function crisisVisibility(viewer: Viewer, audience?: 't.id' | 't.event_id'): RawBuilder<SqlBool> {
  switch (viewer.role) {
    case 'system':
    case 'coordinator':
      return sql<SqlBool>`1 = 1`;
    case 'public':
      return sql<SqlBool>`t.classification = 'public'`;
    case 'partner-officer': {
      const partner = viewer.partner ?? '';
      const consulted = audience
        ? sql`or exists (select 1 from consultations c where c.event_id = ${sql.ref(audience)} and c.partner = ${partner})`
        : sql``;
      return sql<SqlBool>`(t.classification in ('public', 'restricted') or (t.classification = 'confidential' and (t.owner_partner = ${partner} ${consulted})))`;
    }
    default:
      return sql<SqlBool>`t.classification in ('public', 'restricted')`;
  }
}

export function refuse(viewer: Viewer, what: string): CompactError {
  return new CompactError(viewer.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', `you may not ${what}`);
}

/** Declaring events, raising requests and deciding allocations are the coordinator's. */
export function requireCoordinator(viewer: Viewer, what: string): void {
  if (viewer.role !== 'coordinator' && viewer.role !== 'system') throw refuse(viewer, `${what} (coordinators only)`);
}

/** A partner's officers act for that partner; the coordinator may record for any partner. */
export function requireActingFor(viewer: Viewer, partner: string, what: string): void {
  if (viewer.role === 'coordinator' || viewer.role === 'system') return;
  if (viewer.role === 'partner-officer' && viewer.partner === partner) return;
  throw refuse(viewer, `${what} for ${partner}`);
}

export function actorOf(viewer: Viewer): string {
  return viewer.actor ?? (viewer.partner ? `${viewer.role}:${viewer.partner}` : viewer.role);
}
