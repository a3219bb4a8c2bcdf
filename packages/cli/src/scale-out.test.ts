import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SYSTEM_VIEWER } from '@compact/core';
import { openStore } from '@compact/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Two real server processes on one PostgreSQL database, as Compact scales out. Runs when
// DATABASE_URL is set (CI starts a throwaway server: scripts/with-postgres.sh).
const databaseUrl = process.env.DATABASE_URL;
const bin = fileURLToPath(new URL('../bin/compact.js', import.meta.url));
const SECRET = 'scale-out-test-secret';

const DATA = {
  format: 'compact/1',
  partners: [
    { code: 'UA', name: 'Ukraine' },
    { code: 'GB', name: 'United Kingdom' },
    { code: 'US', name: 'United States' },
  ],
  agreements: [
    { id: 'gb-ua', title: 'GB', parties: ['GB', 'UA'], beneficiary: 'UA', kind: 'bilateral', legalForm: 'political-commitment', status: [{ status: 'signed', on: '2024-01-12' }], consultation: { trigger: 'armed-attack', withinHours: 24 }, sources: [{ title: 'test' }] },
    { id: 'us-ua', title: 'US', parties: ['US', 'UA'], beneficiary: 'UA', kind: 'bilateral', legalForm: 'executive-agreement', status: [{ status: 'signed', on: '2024-06-13' }], consultation: { trigger: 'armed-attack-or-threat', withinHours: 24, bestEffort: true }, sources: [{ title: 'test' }] },
  ],
};

async function startProcess(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--no-seed'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    lines.on('line', (line) => {
      const parsed = JSON.parse(line) as { url?: string };
      if (parsed.url) resolve(parsed.url);
    });
  });
  return { url, child };
}

async function openLive(url: string, events: string[]): Promise<AbortController> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/live`, { headers: { 'x-compact-viewer': 'coordinator' }, signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        for (const match of value.matchAll(/^data: (.*)$/gm)) events.push(match[1] ?? '');
      }
    } catch {
      // closed
    }
  })();
  await expect.poll(() => events.some((event) => event.includes('"at"'))).toBe(true);
  return controller;
}

describe.runIf(databaseUrl)('two server processes on one PostgreSQL database', () => {
  const schema = `scale_${process.pid}_${Date.now().toString(36)}`;
  const received: Array<{ delivery: string; body: string }> = [];
  let receiver: Server;
  let a: { url: string; child: ChildProcess };
  let b: { url: string; child: ChildProcess };

  beforeAll(async () => {
    const store = await openStore({ databaseUrl: databaseUrl!, pgSchema: schema });
    await store.importPackage(DATA, SYSTEM_VIEWER);
    await store.close();
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ delivery: String(req.headers['compact-delivery']), body });
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const env = {
      DATABASE_URL: databaseUrl!,
      COMPACT_PG_SCHEMA: schema,
      COMPACT_TRUST_VIEWER_HEADER: '1',
      COMPACT_WEBHOOK_URLS: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      COMPACT_WEBHOOK_SECRET: SECRET,
      COMPACT_SCHEDULER_INTERVAL_MS: '50',
      LOG_LEVEL: 'info',
    };
    [a, b] = await Promise.all([startProcess(env), startProcess(env)]);
  }, 60_000);

  afterAll(async () => {
    for (const server of [a, b]) server?.child.kill('SIGTERM');
    await new Promise((resolve) => receiver?.close(resolve));
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });

  const post = async (url: string, path: string, body: unknown, viewer = 'coordinator') => {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-compact-viewer': viewer }, body: JSON.stringify(body) });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as Record<string, any>;
  };

  it('fires every escalation and webhook once, and both live views see every offer', async () => {
    const liveA: string[] = [];
    const liveB: string[] = [];
    const streams = [await openLive(a.url, liveA), await openLive(b.url, liveB)];

    // Declared 25 hours after the attack: both consultations are overdue at once and both processes race for them.
    const occurredAt = new Date(Date.now() - 25 * 3_600_000).toISOString();
    const { event } = await post(a.url, '/api/crisis/events', { type: 'armed-attack', occurredAt, title: 'Strike' });
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // time for a duplicate to show up, if there were one
    expect(received).toHaveLength(2);
    expect(new Set(received.map((r) => r.delivery)).size).toBe(2);
    expect(received.map((r) => (JSON.parse(r.body) as { consultation: { partner: string } }).consultation.partner).sort()).toEqual(['GB', 'US']);
    const notifications = (await (await fetch(`${b.url}/api/notifications`, { headers: { 'x-compact-viewer': 'coordinator' } })).json()) as { items: unknown[] };
    expect(notifications.items).toHaveLength(2);

    const request = await post(b.url, '/api/crisis/requests', { eventId: event.id, title: 'Interceptors', capabilityArea: 'air-defence', lines: [{ item: 'interceptor', quantity: 4, neededBy: '2030-01-01' }] });
    await post(a.url, `/api/crisis/requests/${request.id}/transitions`, { action: 'submit' });
    await post(b.url, `/api/crisis/requests/${request.id}/transitions`, { action: 'consult' });
    const fromA = await post(a.url, `/api/crisis/requests/${request.id}/offers`, { partner: 'GB', item: 'interceptor', quantity: 2, earliestDelivery: '2029-06-01' }, 'partner-officer:GB');
    const fromB = await post(b.url, `/api/crisis/requests/${request.id}/offers`, { partner: 'US', item: 'interceptor', quantity: 3, earliestDelivery: '2029-07-01' }, 'partner-officer:US');
    for (const live of [liveA, liveB]) {
      await expect.poll(() => [fromA.id, fromB.id].every((id) => live.some((event) => event.includes(`"offer.received"`) && event.includes(id))), { timeout: 5_000 }).toBe(true);
    }
    for (const stream of streams) stream.abort();
  }, 60_000);
});
