import { sql, type Transaction } from 'kysely';
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
import { commitmentOwners, existingFlowIds, storedFlows } from './flow-lookups.js';
import { SqliteFlowWriter } from './sqlite-flow-writer.js';
import type { Store } from './store.js';
import type { Tables } from './schema.js';

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

  // The ids each lookup needs, gathered in one pass (flatMap's small arrays cost at 100,000 flows).
  const commitmentIds = new Set<string>();
  const outsideFlowIds = new Set<string>();
  for (const flow of flows) {
    if (flow.commitmentId) commitmentIds.add(flow.commitmentId);
    if (flow.parentFlowId && !seen.has(flow.parentFlowId)) outsideFlowIds.add(flow.parentFlowId);
    if (flow.restatesFlowId && !seen.has(flow.restatesFlowId)) outsideFlowIds.add(flow.restatesFlowId);
  }
  const existing = await storedFlows(store, flows.map((flow) => flow.id));
  const commitments = await commitmentOwners(store, [...commitmentIds]);
  const partners = new Set((await store.db.selectFrom('partners').select('id').execute()).map((row) => row.id));
  const storedParents = await existingFlowIds(store, [...outsideFlowIds]);

  const owners: Array<string | null> = [];
  for (let index = 0; index < flows.length; index++) {
    const flow = flows[index] as Flow;
    // Paths are formatted only for problems: most rows have none, and 100,000 paths cost.
    const reference = (field: string, target: string, ok: boolean, id: string) => {
      if (!ok && issues.length < MAX_ISSUES) {
        issues.push({ path: formatPath(['flows', index, field]), message: `refers to ${target} "${id}", which does not exist`, code: 'UNKNOWN_REFERENCE' });
      }
    };
    if (flow.commitmentId) reference('commitmentId', 'commitment', commitments.has(flow.commitmentId), flow.commitmentId);
    if (flow.provider) reference('provider', 'partner', partners.has(flow.provider), flow.provider);
    if (flow.beneficiary) reference('beneficiary', 'partner', partners.has(flow.beneficiary), flow.beneficiary);
    if (flow.parentFlowId) reference('parentFlowId', 'flow', seen.has(flow.parentFlowId) || storedParents.has(flow.parentFlowId), flow.parentFlowId);
    if (flow.restatesFlowId) reference('restatesFlowId', 'flow', seen.has(flow.restatesFlowId) || storedParents.has(flow.restatesFlowId), flow.restatesFlowId);
    const parent = flow.commitmentId ? commitments.get(flow.commitmentId) : undefined;
    const owner = flow.commitmentId ? (parent?.owner ?? null) : (flow.provider ?? null);
    if (parent && RANK[flow.classification] < (RANK[parent.classification as Classification] ?? 0) && issues.length < MAX_ISSUES) {
      issues.push({
        path: formatPath(['flows', index, 'classification']),
        message: `is ${flow.classification}, but its commitment "${flow.commitmentId}" is ${parent.classification}: a record may not be more visible than the one it belongs to`,
        code: 'CLASSIFICATION_BELOW_PARENT',
      });
    }
    owners.push(owner);
    assertWritable(viewer, flow.id, { classification: flow.classification, ownerPartner: owner }, index);
    const current = existing.get(flow.id);
    if (current) assertWritable(viewer, flow.id, { classification: current.classification as 'public', ownerPartner: current.owner_partner }, index);
  }
  if (issues.length > 0) throw validationError(issues);

  const at = new Date().toISOString();
  let created = 0;
  for (const flow of flows) if (!existing.has(flow.id)) created++;
  await store.transaction(async (trx) => {
    if (store.sqlite) {
      // SQLite: prepared single-row statements, reused, their parameters bound straight from the
      // flow. Kysely would build and SQLite prepare a 500-row statement per batch, which cost
      // about as much as running it. The transaction is open on this same connection, so these
      // rows are part of it.
      const writer = new SqliteFlowWriter(store.sqlite, existing, at);
      for (let index = 0; index < flows.length; index++) {
        const flow = flows[index] as Flow;
        writer.write(flow.id, flow.classification, owners[index] ?? null, JSON.stringify(withoutVersion(flow)), flow.commitmentId ?? null);
        if ((index + 1) % BATCH === 0 || index + 1 === flows.length) options.onProgress?.(index + 1, flows.length);
      }
    } else {
      const rowOf = (flow: Flow, index: number) => ({
        id: flow.id,
        version: 1,
        classification: flow.classification,
        owner_partner: owners[index] ?? null,
        doc: JSON.stringify(withoutVersion(flow)),
        created_at: at,
        updated_at: at,
        commitment_id: flow.commitmentId ?? null,
      });
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

function assertWritable(viewer: Viewer, id: string, record: Parameters<typeof canWrite>[1], index: number): void {
  if (canWrite(viewer, record)) return;
  throw new CompactError(
    viewer.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
    `${viewer.role === 'public' ? 'sign in to change' : 'you may not change'} flow "${canSee(viewer, record) ? id : '(hidden)'}"`,
    formatPath(['flows', index]),
  );
}
