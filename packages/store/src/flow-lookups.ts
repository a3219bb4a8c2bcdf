// What a bulk flow import needs to know of stored rows before it writes: which of its ids exist
// (and who owns them), the owners of the commitments it names, which flows it refers to. On
// SQLite the ids go in as one JSON array, read by one prepared statement with `json_each`:
// Kysely built and compiled a 5,000-parameter query per slice, which at 100,000 ids took longer
// than the lookups themselves. PostgreSQL keeps the sliced Kysely queries.
import type { Kysely } from 'kysely';
import type { SqliteHandle } from './store.js';
import type { FlowRow, Tables } from './schema.js';

export type StoredFlowAccess = Pick<FlowRow, 'classification' | 'owner_partner'>;
export interface CommitmentAccess {
  readonly owner: string | null;
  readonly classification: string;
}

/** Only the backend handles are needed; a Store satisfies this. */
export interface LookupSource {
  readonly db: Kysely<Tables>;
  readonly sqlite?: SqliteHandle | undefined;
}

// A join from the list (`cross join` keeps the list the outer loop), not `id in (select value
// from json_each(?))`: for that SQLite first builds a temporary index of the list, ten times the
// cost of the lookups.
const SQLITE_FLOWS = 'select f.id, f.classification, f.owner_partner from json_each(?) ids cross join flows f on f.id = ids.value';
const SQLITE_COMMITMENTS = 'select c.id, c.owner_partner, c.classification from json_each(?) ids cross join commitments c on c.id = ids.value';

/** Rows per PostgreSQL lookup: far below its parameter limit. */
const SLICE = 5000;

export async function storedFlows(source: LookupSource, ids: readonly string[]): Promise<Map<string, StoredFlowAccess>> {
  const rows = source.sqlite
    ? (source.sqlite.prepare(SQLITE_FLOWS).all(JSON.stringify(ids)) as Array<Pick<FlowRow, 'id' | 'classification' | 'owner_partner'>>)
    : await inSlices(ids, (slice) => source.db.selectFrom('flows').select(['id', 'classification', 'owner_partner']).where('id', 'in', slice).execute());
  return new Map(rows.map((row) => [row.id, { classification: row.classification, owner_partner: row.owner_partner }]));
}

export async function commitmentOwners(source: LookupSource, ids: readonly string[]): Promise<Map<string, CommitmentAccess>> {
  if (ids.length === 0) return new Map();
  const rows = source.sqlite
    ? (source.sqlite.prepare(SQLITE_COMMITMENTS).all(JSON.stringify(ids)) as Array<{ id: string; owner_partner: string | null; classification: string }>)
    : await inSlices(ids, (slice) => source.db.selectFrom('commitments').select(['id', 'owner_partner', 'classification']).where('id', 'in', slice).execute());
  return new Map(rows.map((row) => [row.id, { owner: row.owner_partner, classification: row.classification }]));
}

export async function existingFlowIds(source: LookupSource, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await storedFlows(source, ids)).keys());
}

/** Looks ids up in slices, so a long list never exceeds a statement's parameter limit. */
async function inSlices<T>(ids: readonly string[], look: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < ids.length; start += SLICE) out.push(...(await look(ids.slice(start, start + SLICE))));
  return out;
}
