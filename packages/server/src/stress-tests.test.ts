// Stress tests over HTTP against the real server: a background run with progress as server-sent
// events, the stored result, and results that use only what the requesting viewer may see.
import { runStress } from '@compact/core';
import type { Store } from '@compact/store';
import { testBackends } from '@compact/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './serve.js';
import { apiCaller, openShippedServer } from './test-server.js';
import { VIEWER_HEADER } from './viewer.js';

describe.each(testBackends)('stress tests over HTTP on $name', (backend) => {
  let server: RunningServer;
  let store: Store;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, store, close } = await openShippedServer(backend, { withConfidentialPledge: true, stressWorkers: 2 }));
  });
  afterAll(() => close());

  const call = apiCaller(() => server);

  /** Reads the run's event stream to its end: the events in order. */
  const events = async (id: string, viewer: string) => {
    const response = await fetch(`${server.url}/api/stress-tests/${id}/events`, { headers: { [VIEWER_HEADER]: viewer } });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await response.text();
    return text
      .split('\n\n')
      .filter((block) => block.trim() !== '')
      .map((block) => {
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null';
        return { event, data: JSON.parse(data) };
      });
  };

  const settings = { asOf: '2025-11-30', trials: 4000, seed: 21 };

  it('runs in the background, streams progress, stores the result', async () => {
    const started = await call('/api/stress-tests', { method: 'POST', viewer: 'coordinator', body: JSON.stringify({ ...settings, scenario: { name: 'hold', shocks: [{ type: 'funding-hold', partner: 'GB', months: 6 }] } }) });
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/api/stress-tests/${started.body.id}`);
    expect(started.body).toMatchObject({ status: 'queued', progress: { done: 0, total: 8000 } });
    const stream = await events(started.body.id, 'coordinator');
    const last = stream.at(-1);
    expect(last).toMatchObject({ event: 'done', data: { status: 'done', progress: { done: 8000, total: 8000 } } });
    for (const event of stream.slice(0, -1)) expect(event.event).toBe('progress');
    const run = await call(`/api/stress-tests/${started.body.id}`, { viewer: 'coordinator' });
    expect(run.status).toBe(200);
    expect(run.body.result.model).toMatchObject({ trials: 4000, seed: 21 });
    expect(run.body.result.scenario.name).toBe('hold');
    // Events of a finished run: just the end.
    expect((await events(started.body.id, 'coordinator')).map((e) => e.event)).toEqual(['done']);
    const listed = await call('/api/stress-tests', { viewer: 'coordinator' });
    expect(listed.body.items.some((item: any) => item.id === started.body.id && item.result === undefined)).toBe(true);
  });

  it('computes from what the viewer may see, and shows a run only to who may read it', async () => {
    const asCoordinator = await call('/api/stress-tests', { method: 'POST', viewer: 'coordinator', body: JSON.stringify(settings) });
    const asAnalyst = await call('/api/stress-tests', { method: 'POST', viewer: 'analyst', body: JSON.stringify(settings) });
    await events(asCoordinator.body.id, 'coordinator');
    await events(asAnalyst.body.id, 'analyst');
    const airDefence2025 = (body: any) => body.result.baseline.cells.find((cell: any) => cell.capabilityArea === 'air-defence' && cell.year === 2025);
    const coordinatorRun = await call(`/api/stress-tests/${asCoordinator.body.id}`, { viewer: 'coordinator' });
    const analystRun = await call(`/api/stress-tests/${asAnalyst.body.id}`, { viewer: 'analyst' });
    expect(airDefence2025(coordinatorRun.body).certain).toBe('1000000');
    expect(airDefence2025(analystRun.body).certain).toBe('0');
    expect(JSON.stringify(analystRun.body.result)).not.toContain('gb-confidential-air-defence');
    // The same seed and inputs give the same numbers as core on one thread.
    const expected = runStress(await store.exportPackage({ role: 'analyst' }), settings);
    expect(analystRun.body.result).toEqual(JSON.parse(JSON.stringify(expected)));
    // The analyst may not read the coordinator's run, nor follow it.
    expect((await call(`/api/stress-tests/${asCoordinator.body.id}`, { viewer: 'analyst' })).status).toBe(404);
    expect((await call(`/api/stress-tests/${asCoordinator.body.id}/events`, { viewer: 'analyst' })).status).toBe(404);
    expect((await call('/api/stress-tests', { viewer: 'analyst' })).body.items.some((item: any) => item.id === asCoordinator.body.id)).toBe(false);
    expect((await call(`/api/stress-tests/${asAnalyst.body.id}`, { viewer: 'coordinator' })).status).toBe(200);
  });

  it('refuses the public and bad requests', async () => {
    expect((await call('/api/stress-tests', { method: 'POST', body: JSON.stringify(settings) })).status).toBe(401);
    const bad = await call('/api/stress-tests', { method: 'POST', viewer: 'analyst', body: JSON.stringify({ ...settings, trials: 0 }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION');
    const badScenario = await call('/api/stress-tests', { method: 'POST', viewer: 'analyst', body: JSON.stringify({ ...settings, scenario: { changes: [{ type: 'teleport' }] } }) });
    expect(badScenario.status).toBe(400);
    expect((await call('/api/stress-tests/no-such-run', { viewer: 'coordinator' })).status).toBe(404);
    const openapi = await call('/api/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/stress-tests', '/api/stress-tests/{id}', '/api/stress-tests/{id}/events']));
  });
});
