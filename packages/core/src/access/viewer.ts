import type { Classification } from '../schema/common.js';

export const ROLES = ['public', 'analyst', 'partner-officer', 'coalition-lead', 'coordinator', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is reading or writing. Every store read takes one. `system` is the operator's own command
 * line (import, export, backup) and is never granted over HTTP.
 */
export interface Viewer {
  readonly role: Role | 'system';
  /** The partner an officer works for. */
  readonly partner?: string | undefined;
  /** Coalitions a lead is responsible for. */
  readonly coalitions?: readonly string[] | undefined;
  /** Who to name in the audit log. */
  readonly actor?: string | undefined;
  /** The signed-in account, when the viewer is one. */
  readonly userId?: string | undefined;
}

export const PUBLIC_VIEWER: Viewer = { role: 'public', actor: 'anonymous' };
export const SYSTEM_VIEWER: Viewer = { role: 'system', actor: 'system' };

/** A record as far as access control is concerned. */
export interface Guarded {
  readonly classification: Classification;
  /** The partner that owns the record (a commitment's provider), or null when none does. */
  readonly ownerPartner: string | null;
}

/**
 * The visibility rule: public to all; restricted to any logged-in role; confidential to
 * coordinators and to the officers of the owning partner only. The store applies the same rule
 * inside its SQL; this predicate is the reference the tests compare against.
 */
export function canSee(viewer: Viewer, record: Guarded): boolean {
  if (viewer.role === 'system') return true;
  switch (record.classification) {
    case 'public':
      return true;
    case 'restricted':
      return viewer.role !== 'public';
    case 'confidential':
      return (
        viewer.role === 'coordinator' ||
        (viewer.role === 'partner-officer' && viewer.partner !== undefined && viewer.partner === record.ownerPartner)
      );
  }
}

/**
 * Who may change a record: coordinators and administrators anything, a partner officer only
 * what their partner owns. Full role management arrives with authentication.
 */
export function canWrite(viewer: Viewer, record: Guarded): boolean {
  if (viewer.role === 'system' || viewer.role === 'coordinator' || viewer.role === 'administrator') {
    return viewer.role !== 'administrator' || record.classification !== 'confidential';
  }
  if (viewer.role === 'partner-officer') return viewer.partner !== undefined && viewer.partner === record.ownerPartner;
  return false;
}
