import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SYSTEM_VIEWER } from '@compact/core';
import { CrisisDesk, type Store } from '@compact/store';
import { CRISIS_TEST_DATA as DATA, testBackends } from '@compact/store/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrisisScheduler } from './crisis/scheduler.js';
import { SIGNATURE_HEADER, DELIVERY_HEADER, verifyWebhookSignature } from './crisis/webhooks.js';
import type { RunningServer } from './serve.js';
import { startTestServer } from './test-server.js';
import { VIEWER_HEADER } from './viewer.js';


const SECRET = 'test-secret-not-used-anywhere-else';
const COORDINATOR = 'coordinator';

interface LiveStream {
  events: Array<{ event: string; data: Record<string, unknown> }>;
  close(): void;
}

/** Reads a server-sent event stream into an array until closed. */
async function openLive(url: string, viewer: string): Promise<LiveStream> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/live`, { headers: { [VIEWER_HEADER]: viewer }, signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const events: LiveStream['events'] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name && data) events.push({ event: name, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    } catch {
      // aborted
    }
  })();
  await expect.poll(() => events.some((e) => e.event === 'ready')).toBe(true);
  return { events, close: () => controller.abort() };
}

describe.each(testBackends)('crisis requests over HTTP on $name', (backend) => {
  let server: RunningServer;
  let store: Store;
  let desk: CrisisDesk;
  let dispose: () => Promise<void>;
  let now = new Date('2026-03-01T05:00:00.000Z').getTime();

  beforeAll(async () => {
    ({ store, dispose } = await backend.open());
    await store.importPackage(DATA, SYSTEM_VIEWER);
    desk = new CrisisDesk(store, { clock: () => new Date(now) });
    server = await startTestServer(store, { desk });
  });
  afterAll(async () => {
    await server.close();
    await dispose();
  });

  const call = async (path: string, init: { method?: string; body?: unknown; viewer?: string } = {}) => {
    const headers = new Headers();
    if (init.viewer) headers.set(VIEWER_HEADER, init.viewer);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    const response = await fetch(`${server.url}${path}`, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type') ?? '', text, body: (response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : null) };
  };

  it('runs a request from declaration to a decided allocation, live', async () => {
    const gbLive = await openLive(server.url, 'partner-officer:GB');
    const frLive = await openLive(server.url, 'partner-officer:FR');

    expect((await call('/api/crisis/events', { body: { type: 'armed-attack', occurredAt: '2026-03-01T04:30:00Z', title: 'Strike' } })).status).toBe(401);
    const declared = await call('/api/crisis/events', { viewer: COORDINATOR, body: { type: 'armed-attack', occurredAt: '2026-03-01T06:30:00+02:00', title: 'Strike on Kharkiv' } });
    expect(declared.status).toBe(201);
    expect(declared.body.consultations.map((c: any) => [c.partner, c.dueAt])).toEqual([
      ['GB', '2026-03-02T04:30:00.000Z'],
      ['US', '2026-03-02T04:30:00.000Z'],
    ]);
    const eventId = declared.body.event.id as string;
    const bad = await call('/api/crisis/requests', { viewer: COORDINATOR, body: { eventId, title: 'x', capabilityArea: 'air-defence', lines: [{ item: 'radar', quantity: 1.5, neededBy: '2026-13-01' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((issue: any) => issue.path)).toEqual(expect.arrayContaining(['$.lines[0].quantity', '$.lines[0].neededBy']));

    const created = await call('/api/crisis/requests', {
      viewer: COORDINATOR,
      body: {
        eventId,
        title: 'Interceptors and radars',
        capabilityArea: 'air-defence',
        lines: [
          { id: 'missiles', item: 'interceptor', unit: 'missiles', quantity: 10, neededBy: '2026-03-15', priority: 'critical', useTags: ['cross-border'] },
          { id: 'radars', item: 'radar', quantity: 2, neededBy: '2026-04-01', priority: 'high' },
        ],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const illegal = await call(`/api/crisis/requests/${id}/transitions`, { viewer: COORDINATOR, body: { action: 'deliver' } });
    expect(illegal.status).toBe(409);
    expect(illegal.body.error).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: 'a request that is draft cannot deliver; allowed: submit, withdraw' });
    expect((await call(`/api/crisis/requests/${id}/transitions`, { viewer: COORDINATOR, body: { action: 'submit' } })).body.allowedActions).toEqual(['consult', 'withdraw']);
    expect((await call(`/api/crisis/requests/${id}/transitions`, { viewer: COORDINATOR, body: { action: 'consult' } })).body.state).toBe('consulting');

    const offer = (partner: string, body: Record<string, unknown>, viewer = `partner-officer:${partner}`) => call(`/api/crisis/requests/${id}/offers`, { viewer, body: { partner, ...body } });
    expect((await offer('GB', { item: 'radar', quantity: 1, earliestDelivery: '2026-03-20' }, 'partner-officer:FR')).status).toBe(403);
    const gbMissiles = await offer('GB', { item: 'interceptor', unit: 'missiles', quantity: 6, earliestDelivery: '2026-03-10', unitCost: { amount: '1000000', currency: 'GBP' }, conditions: [{ type: 'end-use', text: 'not for use beyond the border', excludesUseTags: ['cross-border'] }] });
    expect(gbMissiles.status).toBe(201);
    const usMissiles = await offer('US', { item: 'interceptor', unit: 'missiles', quantity: 8, earliestDelivery: '2026-03-12', unitCost: { amount: '1200000', currency: 'USD' } });
    const gbRadar = await offer('GB', { lineId: 'radars', item: 'radar', quantity: 2, earliestDelivery: '2026-04-10' });
    expect([usMissiles.status, gbRadar.status]).toEqual([201, 201]);

    // The GB officer hears of GB's confidential offers; France hears of the (restricted) request only.
    await expect.poll(() => gbLive.events.filter((e) => e.event === 'offer.received').length).toBe(2);
    await expect.poll(() => frLive.events.some((e) => e.event === 'request.changed' && e.data.requestId === id)).toBe(true);
    expect(frLive.events.filter((e) => e.event === 'offer.received')).toEqual([]);

    const solved = await call(`/api/crisis/requests/${id}/allocations`, { viewer: COORDINATOR, body: {} });
    expect(solved.status).toBe(201);
    expect(solved.body.result.status).toBe('optimal');
    // GB's missiles are excluded from the cross-border line by their end-use condition; the US fills 8 of 10 on time.
    expect(solved.body.result.excluded).toEqual([expect.objectContaining({ offerId: gbMissiles.body.id, lineId: 'missiles' })]);
    expect(solved.body.result.lines).toEqual([
      expect.objectContaining({ lineId: 'missiles', allocated: 8, onTime: 8, unfilled: 2 }),
      expect.objectContaining({ lineId: 'radars', allocated: 2, late: 2 }),
    ]);
    const excludedUs = await call(`/api/crisis/requests/${id}/allocations`, { viewer: COORDINATOR, body: { excludedOfferIds: [usMissiles.body.id] } });
    expect(excludedUs.body.result.lines[0]).toMatchObject({ allocated: 0, unfilled: 10 });
    const badPin = await call(`/api/crisis/requests/${id}/allocations`, { viewer: COORDINATOR, body: { pins: [{ offerId: 'nope', lineId: 'radars' }] } });
    expect(badPin.status).toBe(400);
    expect(badPin.body.error.path).toBe('$.pins[0].offerId');
    expect((await call(`/api/crisis/requests/${id}/allocations`, { viewer: 'partner-officer:GB', body: {} })).status).toBe(403);

    const decided = await call(`/api/crisis/requests/${id}/allocations/${solved.body.id}/decision`, { viewer: COORDINATOR, body: { note: 'agreed at the Ramstein call' } });
    expect(decided.status).toBe(200);
    expect(decided.body.request.state).toBe('allocated');
    expect((await call(`/api/crisis/requests/${id}/allocations/${excludedUs.body.id}/decision`, { viewer: COORDINATOR, body: {} })).status).toBe(409);
    const gbView = await call(`/api/crisis/requests/${id}/allocations`, { viewer: 'partner-officer:GB' });
    expect(gbView.body.items).toHaveLength(1);
    expect(gbView.body.items[0].result.assignments.every((a: any) => a.partner === 'GB')).toBe(true);

    const edxl = await call(`/api/crisis/requests/${id}/edxl`, { viewer: COORDINATOR });
    expect(edxl.body.messages.map((m: any) => m.name)).toEqual(['RequestResource', 'RequestInformation', 'ResponseToRequestResource', 'ResponseToRequestResource', 'ResponseToRequestResource', 'CommitResource']);
    const xml = await call(`/api/crisis/requests/${id}/edxl?format=xml`, { viewer: COORDINATOR });
    expect(xml.type).toContain('application/xml');
    expect(xml.text).toContain('<CommitResource xmlns="urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg">');
    gbLive.close();
    frLive.close();
  });

  it('escalates an overdue consultation once: notification, live event, signed webhook retried until it succeeds', async () => {
    const received: Array<{ delivery: string; valid: boolean; body: string }> = [];
    let failuresLeft = 2;
    const receiver: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ delivery: String(req.headers[DELIVERY_HEADER]), valid: verifyWebhookSignature(SECRET, body, req.headers[SIGNATURE_HEADER] as string, Math.floor(now / 1000)), body });
        res.statusCode = failuresLeft-- > 0 ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const scheduler = new CrisisScheduler({ desk, logger: pino({ level: 'silent' }), webhookUrls: [hook], webhookSecret: SECRET, retryPolicy: { baseDelayMs: 60_000, maxDelayMs: 600_000, maxAttempts: 5, leaseMs: 30_000 } });
    const live = await openLive(server.url, COORDINATOR);
    try {
      now = new Date('2026-06-01T00:00:00.000Z').getTime();
      await new CrisisScheduler({ desk, logger: pino({ level: 'silent' }) }).tick(); // the earlier test's clocks, without webhooks
      const declared = await call('/api/crisis/events', { viewer: COORDINATOR, body: { type: 'threat-of-attack', occurredAt: '2026-06-01T00:00:00Z', title: 'Threat' } });
      const consultationId = declared.body.consultations[0].id as string;

      now += 23 * 3_600_000;
      expect((await scheduler.tick()).escalations).toEqual([]);
      now += 2 * 3_600_000;
      const first = await scheduler.tick();
      expect(first.escalations.map((e) => e.consultation.id)).toEqual([consultationId]);
      expect(first.webhooks.map((w) => w.result)).toEqual(['pending']);
      expect((await scheduler.tick()).webhooks).toEqual([]); // backing off
      now += 60_000;
      expect((await scheduler.tick()).webhooks.map((w) => [w.attempt, w.result])).toEqual([[2, 'pending']]);
      now += 120_000;
      expect((await scheduler.tick()).webhooks.map((w) => [w.attempt, w.result])).toEqual([[3, 'delivered']]);
      now += 3_600_000;
      const later = await scheduler.tick();
      expect(later).toEqual({ escalations: [], webhooks: [] });

      expect(received).toHaveLength(3);
      expect(received.every((r) => r.valid && r.delivery === received[0]?.delivery)).toBe(true);
      expect(JSON.parse(received[0]!.body)).toMatchObject({ topic: 'consultation.overdue', consultation: { id: consultationId, partner: 'US' } });
      const notifications = await call('/api/notifications', { viewer: COORDINATOR });
      expect(notifications.body.items.filter((n: any) => n.consultationId === consultationId)).toHaveLength(1);
      await expect.poll(() => live.events.filter((e) => e.event === 'consultation.overdue' && e.data.id === consultationId).length).toBe(1);
      const deliveries = await call('/api/crisis/webhook-deliveries', { viewer: COORDINATOR });
      expect(deliveries.body.items[0]).toMatchObject({ status: 'delivered', attempts: 3 });
      expect(deliveries.body.items[0].history.map((h: any) => h.statusCode)).toEqual([503, 503, 204]);
      expect((await call('/api/crisis/webhook-deliveries', { viewer: 'analyst' })).status).toBe(403);
    } finally {
      live.close();
      await scheduler.stop();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('lets each role do exactly its part (a role × action matrix)', async () => {
    const { body: declared } = await call('/api/crisis/events', { viewer: COORDINATOR, body: { type: 'armed-attack', occurredAt: '2026-07-01T00:00:00Z', title: 'Matrix' } });
    const { body: request } = await call('/api/crisis/requests', { viewer: COORDINATOR, body: { eventId: declared.event.id, title: 'Matrix', capabilityArea: 'artillery', lines: [{ item: 'shell', quantity: 100, neededBy: '2026-08-01' }] } });
    await call(`/api/crisis/requests/${request.id}/transitions`, { viewer: COORDINATOR, body: { action: 'submit' } });
    await call(`/api/crisis/requests/${request.id}/transitions`, { viewer: COORDINATOR, body: { action: 'consult' } });
    const roles = ['public', 'analyst', 'partner-officer:GB', 'coalition-lead', 'administrator', COORDINATOR] as const;
    const actions: Record<string, (viewer: string) => Promise<number>> = {
      declare: async (viewer) => (await call('/api/crisis/events', { viewer, body: { type: 'armed-attack', occurredAt: '2026-07-01T00:00:00Z', title: 'x' } })).status,
      'raise request': async (viewer) => (await call('/api/crisis/requests', { viewer, body: { eventId: declared.event.id, title: 'x', capabilityArea: 'artillery', lines: [{ item: 'shell', quantity: 1, neededBy: '2026-08-01' }] } })).status,
      'offer for GB': async (viewer) => (await call(`/api/crisis/requests/${request.id}/offers`, { viewer, body: { partner: 'GB', item: 'shell', quantity: 1, earliestDelivery: '2026-07-20' } })).status,
      'read request': async (viewer) => (await call(`/api/crisis/requests/${request.id}`, { viewer })).status,
      'solve allocation': async (viewer) => (await call(`/api/crisis/requests/${request.id}/allocations`, { viewer, body: {} })).status,
      'webhook log': async (viewer) => (await call('/api/crisis/webhook-deliveries', { viewer })).status,
    };
    const matrix: Record<string, number[]> = {};
    for (const [name, action] of Object.entries(actions)) {
      matrix[name] = [];
      for (const role of roles) matrix[name].push(await action(role));
    }
    // roles:                  public analyst GB-officer lead admin coordinator
    expect(matrix).toEqual({
      declare: [401, 403, 403, 403, 403, 201],
      'raise request': [401, 403, 403, 403, 403, 201],
      'offer for GB': [401, 403, 201, 403, 403, 201],
      'read request': [404, 200, 200, 200, 200, 200],
      'solve allocation': [401, 403, 403, 403, 403, 201],
      'webhook log': [401, 403, 403, 403, 200, 200],
    });
  });
});
