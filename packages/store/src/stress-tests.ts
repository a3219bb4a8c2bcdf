// Stored stress-test runs. A run is computed from what its requester may see, so it is readable
// only by viewers who see at least that much: the requester's visibility is kept as a scope, and
// every read filters on the scopes the reader covers (in SQL, like visibility.ts).
import { randomUUID } from 'node:crypto';
import type { Viewer } from '@compact/core';
import type { Selectable } from 'kysely';
import { appendAudit } from './audit.js';
import type { StressTestRow } from './schema.js';
import type { Store } from './store.js';

export type StressTestStatus = 'queued' | 'running' | 'done' | 'failed';

export interface StressTestRun {
  id: string;
  status: StressTestStatus;
  params: unknown;
  progress: { done: number; total: number };
  /** The result, once done (omitted in lists). */
  result?: unknown;
  error?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

/** What a viewer sees of the registry, as one scope key (see core's `canSee`). */
export function scopeOf(viewer: Viewer): string {
  switch (viewer.role) {
    case 'system':
    case 'coordinator':
      return 'all';
    case 'public':
      return 'public';
    case 'partner-officer':
      return `partner:${viewer.partner ?? ''}`;
    default:
      return 'restricted';
  }
}

/** The scopes whose runs a viewer may read (null: all), i.e. runs computed from no more than the viewer sees. */
export function readableScopes(viewer: Viewer): string[] | null {
  switch (viewer.role) {
    case 'system':
    case 'coordinator':
      return null;
    case 'public':
      return ['public'];
    case 'partner-officer':
      return ['public', 'restricted', `partner:${viewer.partner ?? ''}`];
    default:
      return ['public', 'restricted'];
  }
}

function toRun(row: Selectable<StressTestRow>, withResult: boolean): StressTestRun {
  return {
    id: row.id,
    status: row.status as StressTestStatus,
    params: JSON.parse(row.params) as unknown,
    progress: { done: Number(row.progress_done), total: Number(row.progress_total) },
    ...(withResult && row.result !== null ? { result: JSON.parse(row.result) as unknown } : {}),
    ...(row.error !== null ? { error: row.error } : {}),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.finished_at !== null ? { finishedAt: row.finished_at } : {}),
  };
}

export class StressTests {
  constructor(private readonly store: Store) {}

  private select(viewer: Viewer) {
    let query = this.store.db.selectFrom('stress_tests');
    const scopes = readableScopes(viewer);
    if (scopes) query = query.where('scope', 'in', scopes);
    return query;
  }

  /** Records a queued run for `viewer`; the caller computes it and reports progress and the end. */
  async create(params: unknown, total: number, viewer: Viewer): Promise<StressTestRun> {
    const at = new Date().toISOString();
    const row: StressTestRow = {
      id: randomUUID(),
      status: 'queued',
      params: JSON.stringify(params),
      progress_done: 0,
      progress_total: total,
      result: null,
      error: null,
      scope: scopeOf(viewer),
      created_by: viewer.actor ?? viewer.role,
      created_at: at,
      updated_at: at,
      finished_at: null,
    };
    // Who ran which scenario is part of the record, like every other write.
    await this.store.transaction(async (trx) => {
      await trx.insertInto('stress_tests').values(row).execute();
      await appendAudit(trx, viewer, { action: 'create', entity: 'stress-test', entityId: row.id, before: null, after: { params, scope: row.scope } }, at);
    });
    return toRun(row, false);
  }

  async progress(id: string, done: number, total: number): Promise<void> {
    await this.store.db
      .updateTable('stress_tests')
      .set({ status: 'running', progress_done: done, progress_total: total, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .execute();
  }

  async finish(id: string, result: unknown): Promise<void> {
    const at = new Date().toISOString();
    await this.store.db
      .updateTable('stress_tests')
      .set((eb) => ({ status: 'done', result: JSON.stringify(result), progress_done: eb.ref('progress_total'), updated_at: at, finished_at: at }))
      .where('id', '=', id)
      .execute();
  }

  async fail(id: string, message: string): Promise<void> {
    const at = new Date().toISOString();
    await this.store.db.updateTable('stress_tests').set({ status: 'failed', error: message, updated_at: at, finished_at: at }).where('id', '=', id).execute();
  }

  /** A run the viewer may read, with its result; null when there is none or it is hidden. */
  async get(id: string, viewer: Viewer): Promise<StressTestRun | null> {
    const row = await this.select(viewer).selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRun(row, true) : null;
  }

  /** The viewer's readable runs, newest first, without results. */
  async list(viewer: Viewer, limit = 50): Promise<StressTestRun[]> {
    const rows = await this.select(viewer)
      .select(['id', 'status', 'params', 'progress_done', 'progress_total', 'error', 'scope', 'created_by', 'created_at', 'updated_at', 'finished_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => toRun({ ...row, result: null }, false));
  }
}
