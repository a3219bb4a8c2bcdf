import { sql, type Kysely, type Transaction } from 'kysely';
import {
  CompactError,
  Flow,
  canSee,
  canWrite,
  formatPath,
  issuesFromZod,
  parseFlowFast,
  validationError,
  type Classification,
  type ValidationIssue,
  type Viewer,
} from '@compact/core';
import { appendAudit } from './audit.js';
import type { Store } from './store.js';
import type { FlowRow, Tables } from './schema.js';

export interface FlowImportOptions {
  /** What the flows came from (a file name, a tracker release): recorded in the audit log. */
  readonly label: string;
  /** Called after each written batch, for a progress bar. */
  readonly onProgress?: (written: number, total: number) => void;
  /**
   * Further writes that belong to the same import (a tracker's GDP figures on partners), run in
   * its transaction after the flows: if they throw, no flow is written either.
   */
  readonly alsoWrite?: (trx: Transaction<Tables>) => Promise<void>;
}

export interface FlowImportSummary {
  readonly created: number;
  readonly updated: number;
}

/** Rows per INSERT: 9 parameters each stays far below SQLite's and PostgreSQL's limits. */
const BATCH = 500;
/** The same upsert as the Kysely path below, for SQLite's reused prepared statement. */
const SQLITE_UPSERT = `insert into flows (id, version, classification, owner_partner, doc, created_at, updated_at, commitment_id)
  values (?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (id) do update set version = flows.version + 1, classification = excluded.classification,
    owner_partner = excluded.owner_partner, doc = excluded.doc, updated_at = excluded.updated_at, commitment_id = excluded.commitment_id`;
const RANK: Readonly<Record<Classification, number>> = { public: 0, restricted: 1, confidential: 2 };

/** At most this many problems are reported; the first ones are what a person fixes first. */
const MAX_ISSUES = 200;

/**
 * Writes many flows at once (a tracker import of 100,000 rows): validated and reference-checked
 * as a whole first, then inserted in multi-row statements inside one transaction, so a bad row
 * changes nothing. Records whose id exists are replaced (a re-import of the same release). The
 * audit log gets one entry for the import, naming its label and counts, rather than one per row.
 */
export async function importFlows(store: Store, input: readonly unknown[], viewer: Viewer, options: FlowImportOptions): Promise<FlowImportSummary> {
  const issues: ValidationIssue[] = [];
  const flows: Flow[] = [];
  const seen = new Set<string>();
  input.forEach((raw, index) => {
    if (issues.length >= MAX_ISSUES) return;
    // Plain flows (a tracker's) are checked by hand, the rest by the schema: same rules, a fifth of the time.
    let flow = parseFlowFast(raw);
    if (!flow) {
      const parsed = Flow.safeParse(raw);
      if (!parsed.success) {
        issues.push(...issuesFromZod(parsed.error, ['flows', index]));
        return;
      }
      flow = parsed.data;
    }
    if (seen.has(flow.id)) {
      issues.push({ path: formatPath(['flows', index, 'id']), message: `flow "${flow.id}" appears twice`, code: 'DUPLICATE_ID' });
    }
    seen.add(flow.id);
    flows.push(flow);
  });
  if (issues.length > 0) throw validationError(issues.slice(0, MAX_ISSUES));

  const db = store.db;
  const ids = flows.map((flow) => flow.id);
  const existing = await rowsById(db, ids);
  const commitmentOwners = await ownersOf(db, [...new Set(flows.flatMap((flow) => (flow.commitmentId ? [flow.commitmentId] : [])))]);
  const partners = new Set((await db.selectFrom('partners').select('id').execute()).map((row) => row.id));
  const storedParents = await existingFlowIds(
    db,
    [...new Set(flows.flatMap((flow) => [flow.parentFlowId, flow.restatesFlowId]).filter((id): id is string => Boolean(id) && !seen.has(id as string)))],
  );

  const owners: Array<string | null> = [];
  flows.forEach((flow, index) => {
    const reference = (field: string, target: string, ok: boolean, id: string) => {
      if (!ok && issues.length < MAX_ISSUES) {
        issues.push({ path: formatPath(['flows', index, field]), message: `refers to ${target} "${id}", which does not exist`, code: 'UNKNOWN_REFERENCE' });
      }
    };
    if (flow.commitmentId) reference('commitmentId', 'commitment', commitmentOwners.has(flow.commitmentId), flow.commitmentId);
    if (flow.provider) reference('provider', 'partner', partners.has(flow.provider), flow.provider);
    if (flow.beneficiary) reference('beneficiary', 'partner', partners.has(flow.beneficiary), flow.beneficiary);
    for (const field of ['parentFlowId', 'restatesFlowId'] as const) {
      const id = flow[field];
      if (id) reference(field, 'flow', seen.has(id) || storedParents.has(id), id);
    }
    const parent = flow.commitmentId ? commitmentOwners.get(flow.commitmentId) : undefined;
    const owner = flow.commitmentId ? (parent?.owner ?? null) : (flow.provider ?? null);
    if (parent && RANK[flow.classification] < (RANK[parent.classification as Classification] ?? 0) && issues.length < MAX_ISSUES) {
      issues.push({
        path: formatPath(['flows', index, 'classification']),
        message: `is ${flow.classification}, but its commitment "${flow.commitmentId}" is ${parent.classification}: a record may not be more visible than the one it belongs to`,
        code: 'CLASSIFICATION_BELOW_PARENT',
      });
    }
    owners.push(owner);
    const path = formatPath(['flows', index]);
    assertWritable(viewer, flow.id, { classification: flow.classification, ownerPartner: owner }, path);
    const current = existing.get(flow.id);
    if (current) assertWritable(viewer, flow.id, { classification: current.classification as 'public', ownerPartner: current.owner_partner }, path);
  });
  if (issues.length > 0) throw validationError(issues);

  const at = new Date().toISOString();
  let created = 0;
  const rowOf = (flow: Flow, index: number) => {
    if (!existing.has(flow.id)) created++;
    return {
      id: flow.id,
      version: 1,
      classification: flow.classification,
      owner_partner: owners[index] ?? null,
      doc: JSON.stringify(withoutVersion(flow)),
      created_at: at,
      updated_at: at,
      commitment_id: flow.commitmentId ?? null,
    };
  };
  await store.transaction(async (trx) => {
    if (store.sqlite) {
      // SQLite: one prepared single-row upsert, reused. Kysely would build and SQLite prepare a
      // 500-row statement per batch, which cost about as much as running it. The transaction is
      // open on this same connection, so these rows are part of it.
      const upsert = store.sqlite.prepare(SQLITE_UPSERT);
      for (let index = 0; index < flows.length; index++) {
        const row = rowOf(flows[index] as Flow, index);
        upsert.run(row.id, row.version, row.classification, row.owner_partner, row.doc, row.created_at, row.updated_at, row.commitment_id);
        if ((index + 1) % BATCH === 0 || index + 1 === flows.length) options.onProgress?.(index + 1, flows.length);
      }
    } else {
      for (let start = 0; start < flows.length; start += BATCH) {
        const values = flows.slice(start, start + BATCH).map((flow, offset) => rowOf(flow, start + offset));
        await trx
          .insertInto('flows')
          .values(values)
          .onConflict((conflict) =>
            conflict.column('id').doUpdateSet((eb) => ({
              version: sql<number>`flows.version + 1`,
              classification: eb.ref('excluded.classification'),
              owner_partner: eb.ref('excluded.owner_partner'),
              doc: eb.ref('excluded.doc'),
              updated_at: eb.ref('excluded.updated_at'),
              commitment_id: eb.ref('excluded.commitment_id'),
            })),
          )
          .execute();
        options.onProgress?.(Math.min(start + BATCH, flows.length), flows.length);
      }
    }
    await options.alsoWrite?.(trx);
    await appendAudit(
      trx,
      viewer,
      { action: 'import', entity: 'flows', entityId: options.label, before: null, after: { count: flows.length, created, updated: flows.length - created } },
      at,
    );
  });
  if (flows.length === 0) options.onProgress?.(0, 0);
  return { created, updated: flows.length - created };
}

/** The version is the store's to assign; the fields are copied away from it only when it is there. */
function withoutVersion(flow: Flow): object {
  if (flow.version === undefined) return flow;
  const { version: _version, ...record } = flow;
  return record;
}

function assertWritable(viewer: Viewer, id: string, record: Parameters<typeof canWrite>[1], path: string): void {
  if (canWrite(viewer, record)) return;
  throw new CompactError(
    viewer.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
    `${viewer.role === 'public' ? 'sign in to change' : 'you may not change'} flow "${canSee(viewer, record) ? id : '(hidden)'}"`,
    path,
  );
}

/** Looks ids up in slices, so a long list never exceeds a statement's parameter limit. */
async function inSlices<T>(ids: readonly string[], look: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < ids.length; start += 5000) out.push(...(await look(ids.slice(start, start + 5000))));
  return out;
}

async function rowsById(db: Kysely<Tables>, ids: readonly string[]): Promise<Map<string, Pick<FlowRow, 'classification' | 'owner_partner'>>> {
  const rows = await inSlices(ids, (slice) => db.selectFrom('flows').select(['id', 'classification', 'owner_partner']).where('id', 'in', slice).execute());
  return new Map(rows.map((row) => [row.id, row]));
}

async function ownersOf(db: Kysely<Tables>, commitmentIds: readonly string[]): Promise<Map<string, { owner: string | null; classification: string }>> {
  const rows = await inSlices(commitmentIds, (slice) => db.selectFrom('commitments').select(['id', 'owner_partner', 'classification']).where('id', 'in', slice).execute());
  return new Map(rows.map((row) => [row.id, { owner: row.owner_partner, classification: row.classification }]));
}

async function existingFlowIds(db: Kysely<Tables>, ids: readonly string[]): Promise<Set<string>> {
  const rows = await inSlices(ids, (slice) => db.selectFrom('flows').select('id').where('id', 'in', slice).execute());
  return new Set(rows.map((row) => row.id));
}
