import type { z } from 'zod';
import { Agreement, Clause, Coalition, Commitment, Flow, Partner, Requirement } from '../schema/entities.js';

/**
 * The registry's editable entities: one description each, shared by the store (tables), the API
 * (routes) and the package format (keys). Adding an entity starts here.
 */
export const ENTITY_KINDS = ['partners', 'agreements', 'clauses', 'commitments', 'coalitions', 'requirements', 'flows'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface EntityRecordTypes {
  partners: Partner;
  agreements: Agreement;
  clauses: Clause;
  commitments: Commitment;
  coalitions: Coalition;
  requirements: Requirement;
  flows: Flow;
}

export const ENTITY_SCHEMAS: { readonly [K in EntityKind]: z.ZodType<EntityRecordTypes[K], unknown> } = {
  partners: Partner,
  agreements: Agreement,
  clauses: Clause,
  commitments: Commitment,
  coalitions: Coalition,
  requirements: Requirement,
  flows: Flow,
};

/** Singular names for messages ("agreement gb-ua-2024 not found"). */
export const ENTITY_NOUNS: { readonly [K in EntityKind]: string } = {
  partners: 'partner',
  agreements: 'agreement',
  clauses: 'clause',
  commitments: 'commitment',
  coalitions: 'coalition',
  requirements: 'requirement',
  flows: 'flow',
};

/** A clause's id is its agreement and reference unless one is given. */
export function clauseId(clause: Pick<Clause, 'id' | 'agreementId' | 'ref'>): string {
  return clause.id ?? `${clause.agreementId}:${clause.ref}`;
}

/** The key a record is stored and addressed under. */
export function recordId<K extends EntityKind>(kind: K, record: EntityRecordTypes[K]): string {
  if (kind === 'partners') return (record as Partner).code;
  if (kind === 'clauses') return clauseId(record as Clause);
  return (record as { id: string }).id;
}

/**
 * The partner that owns a record for access control: a commitment's provider, an agreement's
 * partner (the party that is not the beneficiary, when there is exactly one). Clauses and flows
 * inherit from their agreement or commitment; the store resolves those links.
 */
export function directOwner<K extends EntityKind>(kind: K, record: EntityRecordTypes[K]): string | null {
  switch (kind) {
    case 'partners':
      return (record as Partner).code;
    case 'agreements': {
      const agreement = record as Agreement;
      const others = agreement.parties.filter((party) => party !== agreement.beneficiary);
      return others.length === 1 ? (others[0] ?? null) : null;
    }
    case 'commitments':
      return (record as Commitment).provider;
    case 'requirements':
      return (record as Requirement).beneficiary;
    case 'flows':
      // A linked flow takes its commitment's owner (the store reads it); an unlinked one its provider.
      return (record as Flow).provider ?? null;
    default:
      return null;
  }
}
