import { Migrator, type Kysely, type Transaction } from 'kysely';
import {
  CompactError,
  DataPackage,
  ENTITY_NOUNS,
  ENTITY_SCHEMAS,
  ExchangeRateRecord,
  Meeting,
  PACKAGE_FORMAT,
  PeaceFormulaPoint,
  canSee,
  canWrite,
  directOwner,
  issuesFromZod,
  recordId,
  referencesOf,
  validatePackage,
  validationError,
  type Classification,
  type EntityKind,
  type EntityRecordTypes,
  type KnownIds,
  type ReferenceTarget,
  type ValidationIssue,
  type Viewer,
  formatPath,
  PUBLIC_VIEWER,
} from '@compact/core';
import { LocalFeed, type ChangeFeed } from './crisis/feed.js';
import { appendAudit, verifyAuditChain, type AuditVerification } from './audit.js';
import { FILTER_COLUMNS, IMPORT_ORDER, inheritedOwner, linkColumns, type ListFilters } from './entities.js';
import { mapDatabaseError } from './database-errors.js';
import { migrationProvider } from './migrations/index.js';
import type { RecordRow, Tables } from './schema.js';
import { visibleTo } from './visibility.js';

export type Stored<K extends EntityKind> = EntityRecordTypes[K] & { version: number };

export interface ImportSummary {
  readonly created: Record<string, number>;
  readonly updated: Record<string, number>;
}

export type Backend = 'sqlite' | 'postgres';

/** One change of the public registry, as the changelog shows it. */
export interface PublicChange {
  readonly at: string;
  readonly change: 'created' | 'updated' | 'deleted';
  readonly entity: EntityKind;
  readonly id: string;
  /** The record as it is now (absent for a deletion). */
  readonly record?: unknown;
}

/**
 * A right a route grants beyond the owner rule, decided on the stored record and the new one
 * (a coalition's lead may set its fair-share key). The write is still audited under the viewer.
 */
export type WriteGrant<K extends EntityKind> = (current: EntityRecordTypes[K], next: EntityRecordTypes[K]) => boolean;

/** What bulk imports need of better-sqlite3's Database: prepared statements to run and to read. */
export interface SqliteHandle {
  prepare(source: string): { run(...parameters: unknown[]): unknown; all(...parameters: unknown[]): unknown[] };
}

type Db = Kysely<Tables> | Transaction<Tables>;

const PACKAGE_EXTRAS_KEY = 'package-extras';

const CLASSIFICATION_RANK: Readonly<Record<Classification, number>> = { public: 0, restricted: 1, confidential: 2 };

/** Crisis tables, children first, so that a reset can empty them in order. */
const CRISIS_TABLES = ['webhook_attempts', 'webhook_deliveries', 'notifications', 'allocations', 'offers', 'crisis_requests', 'consultations', 'crisis_events'] as const;

/** Tables typed alike, so generic code can address any registry table. */
type RecordTables = { t: RecordRow };

function now(): string {
  return new Date().toISOString();
}

function fromRow<K extends EntityKind>(row: Pick<RecordRow, 'doc' | 'version'>): Stored<K> {
  return { ...(JSON.parse(row.doc) as EntityRecordTypes[K]), version: Number(row.version) };
}

/** The document kept in the database: the validated record without the store-managed version. */
function toDoc(record: object): string {
  const { version: _version, ...rest } = record as { version?: unknown };
  return JSON.stringify(rest);
}

/**
 * The registry's persistence: one implementation over Kysely for SQLite and PostgreSQL. Every
 * read takes a viewer and filters by classification inside the query; every write is one
 * transaction that also appends to the hash-chained audit log.
 */
export class Store {
  constructor(
    readonly db: Kysely<Tables>,
    readonly backend: Backend,
    /** Where changes are announced to live views, in this process and (on PostgreSQL) the others. */
    readonly feed: ChangeFeed = new LocalFeed(),
    /**
     * The embedded database's own handle, for bulk writes inside a transaction already open on it
     * (one reused prepared statement instead of a query built per batch); absent on PostgreSQL.
     */
    readonly sqlite?: SqliteHandle,
    /**
     * The PostgreSQL schema the store lives in, when not the default. The migrator must be told:
     * it looks for its own tables by name in any schema, and would find another store's.
     */
    readonly pgSchema?: string,
  ) {}

  async migrate(): Promise<void> {
    // Unordered: branches add migrations in parallel (003 crisis requests, 004 stress tests), and a
    // database that ran 004 first must still accept 003 when it arrives.
    const { error, results } = await new Migrator({ db: this.db, provider: migrationProvider, allowUnorderedMigrations: true, ...(this.pgSchema ? { migrationTableSchema: this.pgSchema } : {}) }).migrateToLatest();
    const failed = results?.find((result) => result.status === 'Error');
    if (error || failed) {
      throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
    }
  }

  async close(): Promise<void> {
    await this.feed.close();
    await this.db.destroy();
  }

  private table(db: Db, kind: EntityKind) {
    // Every registry table shares RecordRow's columns; the alias gives generic code one name.
    return (db as unknown as Kysely<RecordTables>).selectFrom(`${kind} as t` as 't');
  }

  async list<K extends EntityKind>(kind: K, viewer: Viewer, filters: ListFilters = {}): Promise<Stored<K>[]> {
    let query = this.table(this.db, kind).select(['t.doc', 't.version']).where(visibleTo(viewer));
    for (const [name, column] of Object.entries(FILTER_COLUMNS[kind])) {
      const value = filters[name as keyof ListFilters];
      if (value !== undefined) query = query.where(`t.${column}` as 't.id', '=', value);
    }
    const rows = await query.orderBy('t.id').execute();
    return rows.map((row) => fromRow<K>(row));
  }

  async get<K extends EntityKind>(kind: K, id: string, viewer: Viewer): Promise<Stored<K>> {
    const row = await this.table(this.db, kind)
      .select(['t.doc', 't.version'])
      .where('t.id', '=', id)
      .where(visibleTo(viewer))
      .executeTakeFirst();
    // A record the viewer may not see is reported as absent, so its existence does not leak.
    if (!row) throw new CompactError('NOT_FOUND', `${ENTITY_NOUNS[kind]} "${id}" not found`);
    return fromRow<K>(row);
  }

  /**
   * Reads a record inside a transaction (SQLite has one connection: reading outside the open
   * transaction would wait for it forever). Without a viewer no filter applies: callers have
   * checked access already.
   */
  async getIn<K extends EntityKind>(trx: Transaction<Tables>, kind: K, id: string, viewer?: Viewer): Promise<Stored<K> | undefined> {
    let query = this.table(trx, kind).select(['t.doc', 't.version']).where('t.id', '=', id);
    if (viewer) query = query.where(visibleTo(viewer));
    const row = await query.executeTakeFirst();
    return row ? fromRow<K>(row) : undefined;
  }

  async create<K extends EntityKind>(kind: K, input: unknown, viewer: Viewer): Promise<Stored<K>> {
    return this.transaction((trx) => this.createIn(trx, kind, input, viewer));
  }

  /** Creates a record inside the caller's transaction (used where one step writes several records). */
  async createIn<K extends EntityKind>(trx: Transaction<Tables>, kind: K, input: unknown, viewer: Viewer): Promise<Stored<K>> {
    const record = this.parse(kind, input);
    const id = recordId(kind, record);
    // References, ownership and the right to write first, over what the viewer may see: a record
    // hidden from the writer must answer as if it were not there. (Only a writer who may create
    // the record learns that its id is taken, by the ALREADY_EXISTS below.)
    await this.checkStoredReferences(trx, kind, record, viewer);
    const owner = await this.ownerOf(trx, kind, record);
    this.assertWritable(viewer, kind, id, { classification: record.classification, ownerPartner: owner });
    const existing = await this.table(trx, kind).select('t.id').where('t.id', '=', id).executeTakeFirst();
    if (existing) throw new CompactError('ALREADY_EXISTS', `${ENTITY_NOUNS[kind]} "${id}" already exists`, '$.id');
    const at = now();
    await (trx as unknown as Kysely<Record<string, RecordRow>>)
      .insertInto(kind)
      .values({
        id,
        version: 1,
        classification: record.classification,
        owner_partner: owner,
        doc: toDoc(record),
        created_at: at,
        updated_at: at,
        ...linkColumns(kind, record),
      })
      .execute();
    await appendAudit(trx, viewer, { action: 'create', entity: kind, entityId: id, before: null, after: record }, at);
    return { ...record, version: 1 };
  }

  /**
   * Replaces a record if `expectedVersion` is still current. A stale version is refused with
   * VERSION_CONFLICT and the current record, so an editor sees what changed instead of
   * silently overwriting it.
   */
  async update<K extends EntityKind>(
    kind: K,
    id: string,
    input: unknown,
    viewer: Viewer,
    expectedVersion?: number,
    grant?: WriteGrant<K>,
  ): Promise<Stored<K>> {
    const version = expectedVersion ?? (input as { version?: unknown } | null)?.version;
    if (typeof version !== 'number' || !Number.isInteger(version)) {
      throw new CompactError('VALIDATION', 'an update needs the version it was based on', '$.version');
    }
    const withId = this.withId(kind, id, input);
    const record = this.parse(kind, withId);
    if (recordId(kind, record) !== id) {
      throw new CompactError('VALIDATION', `the record's id does not match "${id}"`, kind === 'partners' ? '$.code' : '$.id');
    }
    return this.transaction((trx) => this.updateIn(trx, kind, id, record, viewer, version, grant));
  }

  /** Replaces a record inside the caller's transaction; see `update`. */
  async updateIn<K extends EntityKind>(
    trx: Transaction<Tables>,
    kind: K,
    id: string,
    record: EntityRecordTypes[K],
    viewer: Viewer,
    version: number,
    grant?: WriteGrant<K>,
  ): Promise<Stored<K>> {
    {
      const current = await this.table(trx, kind)
        .select(['t.doc', 't.version', 't.classification', 't.owner_partner'])
        .where('t.id', '=', id)
        .where(visibleTo(viewer))
        .executeTakeFirst();
      if (!current) throw new CompactError('NOT_FOUND', `${ENTITY_NOUNS[kind]} "${id}" not found`);
      const granted = grant?.(JSON.parse(current.doc) as EntityRecordTypes[K], record) === true;
      if (!granted) this.assertWritable(viewer, kind, id, { classification: current.classification as 'public', ownerPartner: current.owner_partner });
      await this.checkStoredReferences(trx, kind, record, viewer);
      const owner = await this.ownerOf(trx, kind, record);
      if (!granted) this.assertWritable(viewer, kind, id, { classification: record.classification, ownerPartner: owner });
      const at = now();
      const result = await (trx as unknown as Kysely<Record<string, RecordRow>>)
        .updateTable(kind as string)
        .set({
          version: version + 1,
          classification: record.classification,
          owner_partner: owner,
          doc: toDoc(record),
          updated_at: at,
          ...linkColumns(kind, record),
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw await this.conflict(trx, kind, id, version);
      await appendAudit(trx, viewer, { action: 'update', entity: kind, entityId: id, before: JSON.parse(current.doc), after: record }, at);
      return { ...record, version: version + 1 };
    }
  }

  async remove(kind: EntityKind, id: string, viewer: Viewer, expectedVersion: number): Promise<void> {
    await this.transaction(async (trx) => {
      const current = await this.table(trx, kind)
        .select(['t.doc', 't.version', 't.classification', 't.owner_partner'])
        .where('t.id', '=', id)
        .where(visibleTo(viewer))
        .executeTakeFirst();
      if (!current) throw new CompactError('NOT_FOUND', `${ENTITY_NOUNS[kind]} "${id}" not found`);
      this.assertWritable(viewer, kind, id, { classification: current.classification as 'public', ownerPartner: current.owner_partner });
      const result = await (trx as unknown as Kysely<Record<string, RecordRow>>)
        .deleteFrom(kind as string)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) !== 1) throw await this.conflict(trx, kind, id, expectedVersion);
      await appendAudit(trx, viewer, { action: 'delete', entity: kind, entityId: id, before: JSON.parse(current.doc), after: null }, now());
    });
  }

  /**
   * Loads a data package all-or-nothing: it is validated as a whole (against what is already
   * stored, too) and written in one transaction, so one bad record changes nothing.
   * Records whose id exists are replaced; the rest are created.
   */
  async importPackage(input: unknown, viewer: Viewer): Promise<ImportSummary> {
    const known = await this.knownIds(viewer);
    const validation = validatePackage(input, known);
    if (!validation.ok) throw validationError(validation.issues);
    const pkg = validation.package;
    const created: Record<string, number> = {};
    const updated: Record<string, number> = {};
    await this.transaction(async (trx) => {
      const at = now();
      for (const kind of IMPORT_ORDER) {
        const records = pkg[kind] as EntityRecordTypes[typeof kind][];
        for (const [index, record] of records.entries()) {
          const id = recordId(kind, record);
          const owner = await this.ownerOf(trx, kind, record, formatPath([kind, index]));
          const current = await this.table(trx, kind)
            .select(['t.doc', 't.version', 't.classification', 't.owner_partner'])
            .where('t.id', '=', id)
            .executeTakeFirst();
          const path = formatPath([kind, index]);
          this.assertWritable(viewer, kind, id, { classification: record.classification, ownerPartner: owner }, path);
          if (current) {
            this.assertWritable(viewer, kind, id, { classification: current.classification as 'public', ownerPartner: current.owner_partner }, path);
          }
          const table = trx as unknown as Kysely<Record<string, RecordRow>>;
          const columns = { classification: record.classification, owner_partner: owner, doc: toDoc(record), updated_at: at, ...linkColumns(kind, record) };
          if (current) {
            await table.updateTable(kind as string).set({ ...columns, version: Number(current.version) + 1 }).where('id', '=', id).execute();
            updated[kind] = (updated[kind] ?? 0) + 1;
          } else {
            await table.insertInto(kind).values({ id, version: 1, created_at: at, ...columns }).execute();
            created[kind] = (created[kind] ?? 0) + 1;
          }
        }
      }
      for (const rate of pkg.exchangeRates) {
        await trx.deleteFrom('exchange_rates').where('currency', '=', rate.currency).where('year', '=', rate.year).execute();
        await trx.insertInto('exchange_rates').values({ currency: rate.currency, year: rate.year, doc: JSON.stringify(rate) }).execute();
      }
      for (const point of pkg.peaceFormula) {
        await trx.deleteFrom('peace_formula').where('point', '=', point.point).execute();
        await trx.insertInto('peace_formula').values({ point: point.point, doc: JSON.stringify(point) }).execute();
      }
      for (const [table, records] of [['meetings', pkg.meetings], ['packaged_crisis_requests', pkg.crisisRequests]] as const) {
        for (const record of records) {
          await trx.deleteFrom(table).where('id', '=', record.id).execute();
          await trx.insertInto(table).values({ id: record.id, doc: JSON.stringify(record) }).execute();
        }
      }
      await this.mergePackageExtras(trx, pkg);
      const counts = Object.fromEntries(IMPORT_ORDER.map((kind) => [kind, pkg[kind].length]));
      await appendAudit(trx, viewer, { action: 'import', entity: 'package', entityId: pkg.title ?? PACKAGE_FORMAT, before: null, after: { counts, created, updated } }, at);
    });
    return { created, updated };
  }

  /** Everything the viewer may see, as a data package that `importPackage` reads back. */
  async exportPackage(viewer: Viewer): Promise<DataPackage> {
    const entities = Object.fromEntries(
      await Promise.all(IMPORT_ORDER.map(async (kind) => [kind, await this.list(kind, viewer)] as const)),
    );
    return DataPackage.parse({
      ...(await this.packageExtras()),
      format: PACKAGE_FORMAT,
      asOf: now().slice(0, 10),
      ...entities,
      exchangeRates: await this.listExchangeRates(),
      peaceFormula: await this.listPeaceFormula(),
      meetings: await this.listMeetings(),
      crisisRequests: viewer.role === 'public' ? [] : await this.listDocs('packaged_crisis_requests'),
    });
  }

  /**
   * A package's own top-level fields beyond the registry's (a dataset's notes, its requirement
   * baseline): kept so that export gives back what import was given. Later imports add to them.
   */
  async packageExtras(): Promise<Record<string, unknown>> {
    const row = await this.db.selectFrom('meta').select('value').where('key', '=', PACKAGE_EXTRAS_KEY).executeTakeFirst();
    return row ? (JSON.parse(row.value) as Record<string, unknown>) : {};
  }

  private async mergePackageExtras(trx: Transaction<Tables>, pkg: DataPackage): Promise<void> {
    const known = new Set<string>([...IMPORT_ORDER, 'exchangeRates', 'peaceFormula', 'meetings', 'crisisRequests', 'format', 'asOf']);
    const extras = Object.fromEntries(Object.entries(pkg).filter(([key]) => !known.has(key)));
    if (Object.keys(extras).length === 0) return;
    const row = await trx.selectFrom('meta').select('value').where('key', '=', PACKAGE_EXTRAS_KEY).executeTakeFirst();
    const merged = JSON.stringify({ ...(row ? (JSON.parse(row.value) as object) : {}), ...extras });
    if (row) await trx.updateTable('meta').set({ value: merged }).where('key', '=', PACKAGE_EXTRAS_KEY).execute();
    else await trx.insertInto('meta').values({ key: PACKAGE_EXTRAS_KEY, value: merged }).execute();
  }

  async listExchangeRates(): Promise<ExchangeRateRecord[]> {
    const rows = await this.db.selectFrom('exchange_rates').select('doc').orderBy('year').orderBy('currency').execute();
    return rows.map((row) => ExchangeRateRecord.parse(JSON.parse(row.doc)));
  }

  async listPeaceFormula(): Promise<PeaceFormulaPoint[]> {
    const rows = await this.db.selectFrom('peace_formula').select('doc').orderBy('point').execute();
    return rows.map((row) => PeaceFormulaPoint.parse(JSON.parse(row.doc)));
  }

  async listMeetings(): Promise<Meeting[]> {
    const rows = await this.listDocs('meetings');
    return rows.map((row) => Meeting.parse(row)).sort((a, b) => a.on.localeCompare(b.on));
  }

  private async listDocs(table: 'meetings' | 'packaged_crisis_requests'): Promise<Array<{ id: string }>> {
    const rows = await this.db.selectFrom(table).select('doc').orderBy('id').execute();
    return rows.map((row) => JSON.parse(row.doc) as { id: string });
  }

  /** True when the registry holds no records at all (a new database). */
  async isEmpty(): Promise<boolean> {
    for (const kind of IMPORT_ORDER) {
      const row = await this.table(this.db, kind).select('t.id').limit(1).executeTakeFirst();
      if (row) return false;
    }
    return true;
  }

  /** Empties every table, the audit log included: the database is as new. */
  async reset(): Promise<void> {
    await this.transaction(async (trx) => {
      // Children before parents: texts and their proposals point at agreements; crisis rows at each other.
      for (const table of ['proposals', 'documents', 'stress_tests', 'sessions', 'api_tokens', 'login_failures', 'users'] as const) await trx.deleteFrom(table).execute();
      for (const table of CRISIS_TABLES) await trx.deleteFrom(table).execute();
      for (const kind of [...IMPORT_ORDER].reverse()) await trx.deleteFrom(kind).execute();
      for (const table of ['exchange_rates', 'peace_formula', 'meetings', 'packaged_crisis_requests', 'audit_log', 'meta'] as const) {
        await trx.deleteFrom(table).execute();
      }
      await trx.updateTable('audit_head').set({ seq: 0, hash: '0'.repeat(64) }).where('id', '=', 1).execute();
    });
  }

  /**
   * Which state the data is in: the audit log's last entry. Every write appends one in its own
   * transaction, so an unchanged number means nothing was written (public caches key on it).
   */
  async dataVersion(): Promise<{ seq: number; at: string | null }> {
    const head = await this.db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
    const seq = Number(head?.seq ?? 0);
    const last = seq > 0 ? await this.db.selectFrom('audit_log').select('at').where('seq', '=', seq).executeTakeFirst() : undefined;
    return { seq, at: last?.at ?? null };
  }

  /**
   * What changed in the public registry since a moment, oldest first: public records created or
   * changed since then (as they stand now), and public records deleted since then (from the audit
   * log). A record that was confidential shows only as it is now that it is public; one that
   * stopped being public is not mentioned (saying so would say it still exists).
   */
  async publicChanges(since: string): Promise<PublicChange[]> {
    const changes: PublicChange[] = [];
    for (const kind of IMPORT_ORDER) {
      const rows = await this.table(this.db, kind)
        .select(['t.id', 't.doc', 't.version', 't.created_at', 't.updated_at'])
        .where(visibleTo(PUBLIC_VIEWER))
        .where('t.updated_at', '>=', since)
        .execute();
      for (const row of rows) {
        changes.push({ at: row.updated_at, change: row.created_at >= since ? 'created' : 'updated', entity: kind, id: row.id, record: fromRow({ doc: row.doc, version: row.version }) });
      }
    }
    const deletions = await this.db
      .selectFrom('audit_log')
      .select(['at', 'entity', 'entity_id', 'before_doc'])
      .where('action', '=', 'delete')
      .where('at', '>=', since)
      .where('entity', 'in', [...IMPORT_ORDER])
      .execute();
    for (const row of deletions) {
      const before = row.before_doc === null ? null : (JSON.parse(row.before_doc) as { classification?: unknown } | null);
      if (before?.classification === 'public') changes.push({ at: row.at, change: 'deleted', entity: row.entity as EntityKind, id: row.entity_id });
    }
    return changes.sort((a, b) => a.at.localeCompare(b.at) || a.entity.localeCompare(b.entity) || a.id.localeCompare(b.id));
  }

  verifyAudit(): Promise<AuditVerification> {
    return verifyAuditChain(this.db);
  }

  async auditEntries(limit = 100): Promise<Array<Record<string, unknown>>> {
    return this.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit).execute();
  }

  private parse<K extends EntityKind>(kind: K, input: unknown): EntityRecordTypes[K] {
    const parsed = ENTITY_SCHEMAS[kind].safeParse(input);
    if (!parsed.success) throw validationError(issuesFromZod(parsed.error));
    return parsed.data;
  }

  private withId(kind: EntityKind, id: string, input: unknown): unknown {
    if (typeof input !== 'object' || input === null) return input;
    const key = kind === 'partners' ? 'code' : 'id';
    return key in input ? input : { ...input, [key]: id };
  }

  private assertWritable(
    viewer: Viewer,
    kind: EntityKind,
    id: string,
    record: Parameters<typeof canWrite>[1],
    path?: string,
  ): void {
    if (canWrite(viewer, record)) return;
    const visible = canSee(viewer, record);
    throw new CompactError(
      viewer.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      `${viewer.role === 'public' ? 'sign in to change' : 'you may not change'} ${ENTITY_NOUNS[kind]} "${visible ? id : '(hidden)'}"`,
      path,
    );
  }

  /**
   * The partner that owns the record. A clause or linked flow takes its parent's owner, and may
   * not be more visible than its parent: a public flow on a confidential commitment would show
   * that the commitment exists and what it moved.
   */
  private async ownerOf<K extends EntityKind>(db: Db, kind: K, record: EntityRecordTypes[K], path = '$'): Promise<string | null> {
    const parent = inheritedOwner(kind, record);
    if (!parent) return directOwner(kind, record);
    const row = await this.table(db, parent.table).select(['t.owner_partner', 't.classification']).where('t.id', '=', parent.id).executeTakeFirst();
    if (row && CLASSIFICATION_RANK[record.classification] < CLASSIFICATION_RANK[row.classification as Classification]) {
      throw validationError([
        {
          path: `${path}.classification`,
          message: `is ${record.classification}, but its ${parent.table === 'commitments' ? 'commitment' : 'agreement'} "${parent.id}" is ${row.classification}: a record may not be more visible than the one it belongs to`,
          code: 'CLASSIFICATION_BELOW_PARENT',
        },
      ]);
    }
    return row?.owner_partner ?? null;
  }

  /**
   * The ids a single record refers to must exist (checked one by one, not by loading all ids), for
   * the writer: a record they may not see does not.
   */
  private async checkStoredReferences<K extends EntityKind>(db: Db, kind: K, record: EntityRecordTypes[K], viewer: Viewer): Promise<void> {
    const issues: ValidationIssue[] = [];
    for (const reference of referencesOf(kind, record)) {
      const row = await this.table(db, reference.target).select('t.id').where('t.id', '=', reference.id).where(visibleTo(viewer)).executeTakeFirst();
      if (!row) {
        issues.push({
          path: formatPath(reference.path),
          message: `refers to ${ENTITY_NOUNS[reference.target]} "${reference.id}", which does not exist`,
          code: 'UNKNOWN_REFERENCE',
        });
      }
    }
    if (issues.length > 0) throw validationError(issues);
  }

  /** The ids a package may refer to: those the importing viewer may see. */
  private async knownIds(viewer: Viewer): Promise<KnownIds> {
    const ids = async (target: ReferenceTarget) => (await this.table(this.db, target).select('t.id').where(visibleTo(viewer)).execute()).map((row) => row.id);
    return {
      partners: await ids('partners'),
      agreements: await ids('agreements'),
      commitments: await ids('commitments'),
      coalitions: await ids('coalitions'),
      flows: await ids('flows'),
    };
  }

  /** Re-reads the record after a lost race: a new statement sees what the other writer committed. */
  private async conflict(db: Db, kind: EntityKind, id: string, version: number): Promise<CompactError> {
    const row = await this.table(db, kind).select(['t.doc', 't.version']).where('t.id', '=', id).executeTakeFirst();
    if (!row) return new CompactError('NOT_FOUND', `${ENTITY_NOUNS[kind]} "${id}" was deleted by someone else`);
    const current = fromRow(row);
    return new CompactError(
      'VERSION_CONFLICT',
      `${ENTITY_NOUNS[kind]} "${id}" was changed by someone else (you had version ${version}, it is now ${current.version})`,
      '$.version',
      undefined,
      { current },
    );
  }

  async transaction<T>(work: (trx: Transaction<Tables>) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(work);
    } catch (error) {
      throw mapDatabaseError(error);
    }
  }
}
