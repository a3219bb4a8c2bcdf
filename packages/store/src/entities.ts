import type { Clause, Commitment, EntityKind, EntityRecordTypes, Flow } from '@compact/core';

/** Filters a list may take, by kind, mapped to indexed columns. */
export interface ListFilters {
  agreementId?: string | undefined;
  provider?: string | undefined;
  coalitionId?: string | undefined;
  commitmentId?: string | undefined;
}

type FilterColumn = 'agreement_id' | 'owner_partner' | 'coalition_id' | 'commitment_id';

/** Which filters each kind accepts and the column each reads. */
export const FILTER_COLUMNS: { readonly [K in EntityKind]: Partial<Record<keyof ListFilters, FilterColumn>> } = {
  partners: {},
  agreements: {},
  clauses: { agreementId: 'agreement_id' },
  commitments: { agreementId: 'agreement_id', provider: 'owner_partner', coalitionId: 'coalition_id' },
  coalitions: {},
  requirements: {},
  flows: { commitmentId: 'commitment_id', provider: 'owner_partner' },
};

/** The link columns a kind's table has beyond the shared record columns. */
export function linkColumns<K extends EntityKind>(kind: K, record: EntityRecordTypes[K]): Record<string, string | null> {
  switch (kind) {
    case 'clauses':
      return { agreement_id: (record as Clause).agreementId };
    case 'commitments': {
      const commitment = record as Commitment;
      return { agreement_id: commitment.agreementId ?? null, coalition_id: commitment.coalitionId ?? null };
    }
    case 'flows':
      return { commitment_id: (record as Flow).commitmentId ?? null };
    default:
      return {};
  }
}

/** Kinds whose owner comes from a parent record: a clause from its agreement, a linked flow from its commitment. */
export function inheritedOwner<K extends EntityKind>(
  kind: K,
  record: EntityRecordTypes[K],
): { table: 'agreements' | 'commitments'; id: string } | undefined {
  if (kind === 'clauses') return { table: 'agreements', id: (record as Clause).agreementId };
  const commitmentId = kind === 'flows' ? (record as Flow).commitmentId : undefined;
  if (commitmentId) return { table: 'commitments', id: commitmentId };
  return undefined;
}

/** Order of writes in an import, parents before children, so foreign keys hold at every step. */
export const IMPORT_ORDER: readonly EntityKind[] = [
  'partners',
  'agreements',
  'coalitions',
  'clauses',
  'commitments',
  'requirements',
  'flows',
];
