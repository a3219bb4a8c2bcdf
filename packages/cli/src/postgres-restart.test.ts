import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '@compact/store/postgres-cluster';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeProcess, type ServeProcess } from './testing/serve-process.js';

// PostgreSQL restarted under a running `compact serve`: while it is down every request gets a
// quick 503 with a JSON error and no stack trace; once it is back the same process serves again.
// Needs PostgreSQL's server binaries (CI has them) to stop and start a server of its own.
const binaries = postgresBinaries();

const COORDINATOR = { 'x-compact-viewer': 'coordinator', 'content-type': 'application/json' };

function pledge(id: string) {
  return { id, agreementId: 'gb-ua', provider: 'GB', beneficiary: 'UA', category: 'equipment', firmness: 'pledged', money: { amount: '1000', currency: 'EUR' }, description: 'restart test record, not a fact' };
}

/** Reads a server-sent event stream in the background, collecting its event names. */
async function openLive(url: string): Promise<{ topics: string[]; close: () => void }> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/live`, { headers: COORDINATOR, signal: controller.signal });
  const topics: string[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        for (const match of value.matchAll(/^event: (.*)$/gm)) topics.push(match[1] ?? '');
      }
    } catch {
      // closed by the test
    }
  })();
  await expect.poll(() => topics.includes('ready')).toBe(true);
  return { topics, close: () => controller.abort() };
}

async function timed(url: string, init?: RequestInit) {
  const started = performance.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started, type: response.headers.get('content-type') ?? '' };
}

describe.skipIf(!binaries)('PostgreSQL restarted under a running server', { timeout: 90_000 }, () => {
  let postgres: ThrowawayPostgres;
  let server: ServeProcess;

  beforeAll(async () => {
    postgres = await startThrowawayPostgres(binaries);
    server = await startServeProcess({ env: { DATABASE_URL: postgres.url, COMPACT_PG_SCHEMA: 'restart_test', COMPACT_SCHEDULER_INTERVAL_MS: '200' }, seed: false });
    const seed = { format: 'compact/1', partners: [{ code: 'UA', name: 'Ukraine' }, { code: 'GB', name: 'United Kingdom' }], agreements: [{ id: 'gb-ua', title: 'GB', parties: ['GB', 'UA'], beneficiary: 'UA', kind: 'bilateral', legalForm: 'political-commitment', status: [{ status: 'signed', on: '2024-01-12' }], sources: [{ title: 'test' }] }] };
    expect((await timed(`${server.url}/api/packages`, { method: 'POST', headers: COORDINATOR, body: JSON.stringify(seed) })).status).toBe(200);
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await postgres?.destroy();
  });

  it('answers 503 with a clear JSON error while the database is down, then recovers without a restart', async () => {
    const pid = server.child.pid;
    const live = await openLive(server.url);
    const declare = (title: string) => timed(`${server.url}/api/crisis/events`, { method: 'POST', headers: COORDINATOR, body: JSON.stringify({ type: 'armed-attack', occurredAt: '2026-03-01T04:30:00Z', title }) });
    expect((await declare('before the restart (test, not a fact)')).status).toBe(201);
    await expect.poll(() => live.topics.filter((topic) => topic === 'event.declared').length).toBe(1);
    expect((await timed(`${server.url}/api/agreements`)).status).toBe(200);
    expect((await timed(`${server.url}/api/commitments`, { method: 'POST', headers: COORDINATOR, body: JSON.stringify(pledge('before-restart')) })).status).toBe(201);

    await postgres.stop();
    // Reads and writes, several times over: pooled connections the server ended, then refused ones.
    for (let round = 0; round < 3; round++) {
      const answers = [
        await timed(`${server.url}/api/agreements`),
        await timed(`${server.url}/api/commitments/before-restart`),
        await timed(`${server.url}/api/commitments`, { method: 'POST', headers: COORDINATOR, body: JSON.stringify(pledge(`while-down-${round}`)) }),
      ];
      for (const answer of answers) {
        expect(answer.status, answer.text).toBe(503);
        expect(answer.type).toContain('application/json');
        expect(JSON.parse(answer.text)).toEqual({ error: { code: 'UNAVAILABLE', message: expect.stringMatching(/database/) } });
        expect(answer.text).not.toMatch(/ at |node_modules|ECONNREFUSED|stack/);
        expect(answer.ms).toBeLessThan(5_000);
      }
    }
    // The service itself still answers: health needs no database.
    expect(server.child.exitCode, server.stderr()).toBeNull();
    expect((await timed(`${server.url}/api/health`)).status).toBe(200);

    await postgres.start();
    await expect.poll(async () => (await timed(`${server.url}/api/agreements`)).status, { timeout: 15_000, interval: 250 }).toBe(200);
    const written = await timed(`${server.url}/api/commitments`, { method: 'POST', headers: COORDINATOR, body: JSON.stringify(pledge('after-restart')) });
    expect(written.status, written.text).toBe(201);
    const listed = JSON.parse((await timed(`${server.url}/api/commitments`, { headers: COORDINATOR })).text) as { items: Array<{ id: string }> };
    // Nothing refused while the database was down was written after all.
    expect(listed.items.map((item) => item.id).sort()).toEqual(['after-restart', 'before-restart']);
    // The live stream opened before the restart hears changes again: the listening connection came back.
    await expect
      .poll(
        async () => {
          expect((await declare('after the restart (test, not a fact)')).status).toBe(201);
          return live.topics.filter((topic) => topic === 'event.declared').length;
        },
        { timeout: 15_000, interval: 1_000 },
      )
      .toBeGreaterThan(1);
    live.close();
    expect(server.child.pid).toBe(pid);
    expect(server.child.exitCode).toBeNull();
    // Failures are logged for the operator, not sent to clients; the process did not crash.
    expect(server.stderr()).not.toMatch(/uncaught|unhandled 'error' event/i);
  });
});
