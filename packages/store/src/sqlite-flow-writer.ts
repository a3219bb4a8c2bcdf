// SQLite's half of a bulk flow import: rows written through reused prepared statements on the
// connection whose transaction is open. New ids take a plain INSERT: an upsert searches the id
// index for a conflict before it inserts, and at 85,000 new rows that search cost about a
// third of SQLite's time. Ids the import found stored (and any id another writer stored since,
// reported by SQLite as a key conflict) take the upsert, so the result is the upsert's in every
// case: a replaced row keeps its place and counts its version up.
import type { SqliteHandle } from './store.js';

const COLUMNS = 'insert into flows (id, version, classification, owner_partner, doc, created_at, updated_at, commitment_id) values (?, ?, ?, ?, ?, ?, ?, ?)';
const INSERT = COLUMNS;
const UPSERT = `${COLUMNS}
  on conflict (id) do update set version = flows.version + 1, classification = excluded.classification,
    owner_partner = excluded.owner_partner, doc = excluded.doc, updated_at = excluded.updated_at, commitment_id = excluded.commitment_id`;

/** A key conflict on insert: another writer stored the id after the import looked it up. */
function isKeyConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export class SqliteFlowWriter {
  private readonly insert: ReturnType<SqliteHandle['prepare']>;
  private readonly upsert: ReturnType<SqliteHandle['prepare']>;

  constructor(
    sqlite: SqliteHandle,
    /** Ids stored before the import: these are replaced. */
    private readonly stored: ReadonlyMap<string, unknown>,
    /** created_at and updated_at of every row. */
    private readonly at: string,
  ) {
    this.insert = sqlite.prepare(INSERT);
    this.upsert = sqlite.prepare(UPSERT);
  }

  /** One flow's columns (as arguments, not an object: this runs once per row). */
  write(id: string, classification: string, owner: string | null, doc: string, commitmentId: string | null): void {
    if (this.stored.has(id)) {
      this.upsert.run(id, 1, classification, owner, doc, this.at, this.at, commitmentId);
      return;
    }
    try {
      this.insert.run(id, 1, classification, owner, doc, this.at, this.at, commitmentId);
    } catch (error) {
      // A failed statement undoes only itself in SQLite: the transaction goes on.
      if (!isKeyConflict(error)) throw error;
      this.upsert.run(id, 1, classification, owner, doc, this.at, this.at, commitmentId);
    }
  }
}
