import { sql, type Kysely } from 'kysely';
import { CompactError } from '@compact/core';
import { verifyAuditChain, type AuditVerification } from './audit.js';
import type { Store } from './store.js';
import type { Tables } from './schema.js';

export const BACKUP_FORMAT = 'compact-backup/1';

/**
 * Every table a backup holds, in the order a restore writes them: parents before the rows that
 * refer to them. A test compares this list with the database's tables, so a migration that adds
 * a table cannot be forgotten here.
 */
export const BACKUP_TABLES = [
  'partners',
  'agreements',
  'coalitions',
  'requirements',
  'clauses',
  'commitments',
  'flows',
  'exchange_rates',
  'peace_formula',
  'meetings',
  'packaged_crisis_requests',
  'meta',
  'documents',
  'proposals',
  'crisis_events',
  'consultations',
  'crisis_requests',
  'offers',
  'allocations',
  'notifications',
  'webhook_deliveries',
  'webhook_attempts',
  'stress_tests',
  'users',
  'api_tokens',
  'audit_log',
  'audit_head',
] as const;

/**
 * Tables a backup leaves out on purpose: sessions (a restore must not sign anyone in) and failed
 * sign-ins (a rate limit's short memory).
 */
export const TRANSIENT_TABLES = ['sessions', 'login_failures'] as const;

export type BackupTable = (typeof BACKUP_TABLES)[number];

/** A consistent snapshot of every row, as plain JSON: what `compact backup` writes. */
export interface Backup {
  readonly format: typeof BACKUP_FORMAT;
  readonly createdAt: string;
  readonly backend: Store['backend'];
  /** The migrations the database had run: a restore needs the same ones. */
  readonly migrations: readonly string[];
  readonly tables: Readonly<Record<BackupTable, ReadonlyArray<Record<string, unknown>>>>;
}

export interface RestoreSummary {
  readonly rows: number;
  readonly audit: AuditVerification;
}

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

async function migrationNames(db: Kysely<Tables>): Promise<string[]> {
  const rows = await (db as unknown as AnyDb).selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((row) => String(row.name));
}

/**
 * Reads every table inside one transaction, so the snapshot is consistent while writers go on:
 * SQLite's WAL gives a transaction one read snapshot; PostgreSQL needs REPEATABLE READ for that.
 */
export async function backupStore(store: Store): Promise<Backup> {
  return store.transaction(async (trx) => {
    if (store.backend === 'postgres') await sql`set transaction isolation level repeatable read`.execute(trx);
    const tables = {} as Record<BackupTable, Array<Record<string, unknown>>>;
    for (const table of BACKUP_TABLES) {
      tables[table] = await (trx as unknown as AnyDb).selectFrom(table).selectAll().execute();
    }
    return { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), backend: store.backend, migrations: await migrationNames(trx), tables };
  });
}

function isBackup(value: unknown): value is Backup {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Backup>;
  return candidate.format === BACKUP_FORMAT && Array.isArray(candidate.migrations) && typeof candidate.tables === 'object' && candidate.tables !== null;
}

/**
 * Writes a backup into an empty database (migrated, nothing written yet), all or nothing, and
 * checks the restored audit chain before committing: a backup whose chain does not verify is
 * refused rather than restored.
 */
export async function restoreStore(store: Store, input: unknown): Promise<RestoreSummary> {
  if (!isBackup(input)) throw new CompactError('VALIDATION', `not a Compact backup (expected "format": "${BACKUP_FORMAT}")`, '$.format');
  const theirs = [...input.migrations].sort();
  const ours = await migrationNames(store.db);
  const missing = theirs.filter((name) => !ours.includes(name));
  if (missing.length > 0) throw new CompactError('VALIDATION', `the backup comes from a newer version (migrations ${missing.join(', ')} are unknown here)`, '$.migrations');
  for (const table of BACKUP_TABLES) {
    if (!Array.isArray(input.tables[table])) throw new CompactError('VALIDATION', `the backup has no table "${table}"`, `$.tables.${table}`);
  }
  return store.transaction(async (trx) => {
    const db = trx as unknown as AnyDb;
    for (const table of BACKUP_TABLES) {
      if (table === 'audit_head') continue;
      const row = await db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
      if (row) throw new CompactError('ALREADY_EXISTS', `the database is not empty (table ${table} has rows): restore only into a new database, or run "compact reset --yes --empty" first`);
    }
    let rows = 0;
    await db.deleteFrom('audit_head').execute();
    for (const table of BACKUP_TABLES) {
      const records = input.tables[table];
      const columns = Object.keys(records[0] ?? {}).length || 1;
      // Stay far below both backends' limits on parameters per statement.
      const chunk = Math.max(1, Math.floor(5000 / columns));
      for (let start = 0; start < records.length; start += chunk) {
        await db.insertInto(table).values(records.slice(start, start + chunk)).execute();
      }
      rows += records.length;
    }
    const audit = await verifyAuditChain(trx);
    if (!audit.ok) throw new CompactError('VALIDATION', `the backup's audit log does not verify (first broken entry ${audit.ok ? '' : String(audit.firstBroken)}); nothing was restored`, '$.tables.audit_log');
    return { rows, audit };
  });
}
