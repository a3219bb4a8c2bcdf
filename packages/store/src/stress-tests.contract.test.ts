// Stored stress-test runs on every backend: lifecycle, and that a run is readable only by viewers
// who see at least what its requester saw.
import type { Viewer } from '@compact/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './store.js';
import { StressTests } from './stress-tests.js';
import { testBackends } from './test-backends.js';

const coordinator: Viewer = { role: 'coordinator', actor: 'kyiv-coordinator' };
const publicViewer: Viewer = { role: 'public' };
const analyst: Viewer = { role: 'analyst', actor: 'an-analyst' };
const gbOfficer: Viewer = { role: 'partner-officer', partner: 'GB', actor: 'gb-officer' };
const frOfficer: Viewer = { role: 'partner-officer', partner: 'FR', actor: 'fr-officer' };

describe.each(testBackends)('stress-test runs on $name', (backend) => {
  let store: Store;
  let runs: StressTests;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    const opened = await backend.open();
    store = opened.store;
    dispose = opened.dispose;
    runs = new StressTests(store);
  });
  afterEach(async () => dispose());

  it('goes from queued through running to done, keeping params, progress and result', async () => {
    const run = await runs.create({ trials: 1000, seed: 3 }, 1000, coordinator);
    expect(run).toMatchObject({ status: 'queued', progress: { done: 0, total: 1000 }, createdBy: 'kyiv-coordinator' });
    await runs.progress(run.id, 400, 1000);
    expect(await runs.get(run.id, coordinator)).toMatchObject({ status: 'running', progress: { done: 400, total: 1000 } });
    await runs.finish(run.id, { baseline: { cells: [{ mean: 0.5 }] } });
    const done = await runs.get(run.id, coordinator);
    expect(done).toMatchObject({ status: 'done', params: { trials: 1000, seed: 3 }, progress: { done: 1000, total: 1000 }, result: { baseline: { cells: [{ mean: 0.5 }] } } });
    expect(done?.finishedAt).toBeDefined();
    // Progress arriving after the end does not reopen the run.
    await runs.progress(run.id, 10, 1000);
    expect((await runs.get(run.id, coordinator))?.status).toBe('done');
    const failed = await runs.create({}, 10, coordinator);
    await runs.fail(failed.id, 'no requirement cells');
    expect(await runs.get(failed.id, coordinator)).toMatchObject({ status: 'failed', error: 'no requirement cells' });
    const listed = await runs.list(coordinator);
    expect(listed.map((r) => r.id).sort()).toEqual([run.id, failed.id].sort());
    expect(listed.every((r) => r.result === undefined)).toBe(true);
    const audited = await store.auditEntries();
    expect(audited.filter((entry) => entry.entity === 'stress-test').map((entry) => entry.entity_id)).toEqual(expect.arrayContaining([run.id, failed.id]));
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
  });

  it('shows a run only to viewers who see at least what its requester saw', async () => {
    const byCoordinator = await runs.create({ who: 'coordinator' }, 1, coordinator);
    const byPublic = await runs.create({ who: 'public' }, 1, publicViewer);
    const byAnalyst = await runs.create({ who: 'analyst' }, 1, analyst);
    const byGb = await runs.create({ who: 'gb' }, 1, gbOfficer);
    const readable = async (viewer: Viewer) => (await runs.list(viewer)).map((r) => (r.params as { who: string }).who).sort();
    expect(await readable(coordinator)).toEqual(['analyst', 'coordinator', 'gb', 'public']);
    expect(await readable(publicViewer)).toEqual(['public']);
    expect(await readable(analyst)).toEqual(['analyst', 'public']);
    expect(await readable(gbOfficer)).toEqual(['analyst', 'gb', 'public']);
    expect(await readable(frOfficer)).toEqual(['analyst', 'public']);
    expect(await runs.get(byCoordinator.id, analyst)).toBeNull();
    expect(await runs.get(byGb.id, frOfficer)).toBeNull();
    expect(await runs.get(byGb.id, gbOfficer)).not.toBeNull();
    expect(await runs.get(byPublic.id, publicViewer)).not.toBeNull();
    expect(await runs.get(byAnalyst.id, publicViewer)).toBeNull();
  });
});
