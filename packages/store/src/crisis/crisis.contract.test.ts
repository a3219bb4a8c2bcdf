import { CompactError, SYSTEM_VIEWER, analyseAgreementText, type Viewer } from '@compact/core';
import { AgreementTexts } from '../agreement-texts.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type StoreOptions } from '../open-store.js';
import type { Store } from '../store.js';
import { testBackends } from '../test-backends.js';
import { CrisisDesk } from './desk.js';
import { escalateDue, listNotifications } from './escalation.js';
import type { LiveEvent } from './feed.js';
import { WebhookOutbox } from './outbox.js';
import { CRISIS_TEST_DATA as DATA } from './test-data.js';

const coordinator: Viewer = { role: 'coordinator', actor: 'kyiv-coordinator' };
const gbOfficer: Viewer = { role: 'partner-officer', partner: 'GB', actor: 'gb-officer' };
const frOfficer: Viewer = { role: 'partner-officer', partner: 'FR', actor: 'fr-officer' };
const analyst: Viewer = { role: 'analyst', actor: 'analyst' };
const publicViewer: Viewer = { role: 'public' };


const EVENT_AT = '2026-03-01T04:30:00.000Z';
const HOUR = 3_600_000;

/** A clock the test moves by hand. */
function manualClock(start: string) {
  let now = new Date(start).getTime();
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms), set: (instant: string) => (now = new Date(instant).getTime()) };
}

function requestInput(eventId: string, classification = 'restricted') {
  return {
    eventId,
    title: 'Air defence interceptors after the strike on Kharkiv',
    capabilityArea: 'air-defence',
    priority: 'critical',
    classification,
    lines: [
      { item: 'interceptor missile', unit: 'missiles', quantity: 40, neededBy: '2026-03-15', priority: 'critical' },
      { id: 'radar', item: 'radar', quantity: 2, neededBy: '2026-04-01', priority: 'high', region: 'UA-63' },
    ],
  };
}

async function expectCode(work: Promise<unknown>, code: string, message?: RegExp): Promise<CompactError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CompactError);
  expect((error as CompactError).code).toBe(code);
  if (message) expect((error as CompactError).message).toMatch(message);
  return error as CompactError;
}

describe.each(testBackends)('crisis desk on $name', (backend) => {
  let store: Store;
  let options: StoreOptions;
  let dispose: () => Promise<void>;
  let time: ReturnType<typeof manualClock>;
  let desk: CrisisDesk;
  const others: Store[] = [];

  beforeEach(async () => {
    ({ store, options, dispose } = await backend.open());
    await store.importPackage(DATA, SYSTEM_VIEWER);
    time = manualClock('2026-03-01T05:00:00.000Z');
    desk = new CrisisDesk(store, { clock: time.clock });
  });

  afterEach(async () => {
    for (const other of others.splice(0)) await other.close().catch(() => undefined);
    await dispose();
  });

  async function reopen(): Promise<Store> {
    const other = await openStore(options);
    others.push(other);
    return other;
  }

  it('declaring an armed attack opens one clock per obliged partner and lists the others', async () => {
    const { event, consultations } = await desk.declareEvent({ type: 'armed-attack', occurredAt: '2026-03-01T06:30:00+02:00', title: 'Missile strike on Kharkiv' }, coordinator);
    expect(event.occurredAt).toBe(EVENT_AT);
    expect(consultations.map((c) => [c.partner, c.dueAt, c.basis])).toEqual([
      ['GB', '2026-03-02T04:30:00.000Z', 'stated'],
      ['US', '2026-03-02T04:30:00.000Z', 'best-effort'],
    ]);
    expect(event.notObliged).toEqual([{ partner: 'FR', reason: 'no-consultation-clause', agreementIds: ['fr-ua'] }]);
    const detail = await desk.getEvent(event.id, coordinator);
    expect(detail.consultations).toHaveLength(2);
    await expectCode(desk.declareEvent({ type: 'armed-attack', occurredAt: EVENT_AT, title: 'x' }, gbOfficer), 'FORBIDDEN', /coordinators only/);
    const invalid = await expectCode(desk.declareEvent({ type: 'invasion', occurredAt: 'yesterday', title: '' }, coordinator), 'VALIDATION');
    expect(invalid.issues?.map((issue) => issue.path)).toEqual(expect.arrayContaining(['$.type', '$.occurredAt', '$.title']));
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
  });

  it('a threat of attack reaches only the partner whose clause names threats', async () => {
    const { consultations, event } = await desk.declareEvent({ type: 'threat-of-attack', occurredAt: EVENT_AT, title: 'Troops massing' }, coordinator);
    expect(consultations.map((c) => c.partner)).toEqual(['US']);
    expect(event.notObliged.map((entry) => [entry.partner, entry.reason])).toEqual([
      ['FR', 'no-consultation-clause'],
      ['GB', 'trigger-not-met'],
    ]);
  });

  it('walks a request through its states, refusing illegal steps and taking offers only from their partner', async () => {
    const { event } = await desk.declareEvent({ type: 'armed-attack', occurredAt: EVENT_AT, title: 'Strike' }, coordinator);
    const draft = await desk.createRequest(requestInput(event.id), coordinator);
    expect(draft.lines.map((line) => line.id)).toEqual(['L1', 'radar']);
    await expectCode(desk.transition(draft.id, { action: 'allocate' }, coordinator), 'ILLEGAL_TRANSITION', /a request that is draft cannot allocate; allowed: submit, withdraw/);
    await expectCode(desk.addOffer(draft.id, { partner: 'GB', item: 'radar', quantity: 1, earliestDelivery: '2026-03-20' }, gbOfficer), 'ILLEGAL_TRANSITION', /this one is draft/);
    await desk.transition(draft.id, { action: 'submit' }, coordinator);
    await expectCode(desk.transition(draft.id, { action: 'consult' }, coordinator, 1), 'VERSION_CONFLICT');
    const consulting = await desk.transition(draft.id, { action: 'consult' }, coordinator, 2);
    expect(consulting.state).toBe('consulting');

    await expectCode(desk.addOffer(draft.id, { partner: 'GB', item: 'radar', quantity: 1, earliestDelivery: '2026-03-20' }, frOfficer), 'FORBIDDEN', /for GB/);
    await expectCode(desk.addOffer(draft.id, { partner: 'GB', lineId: 'nope', item: 'radar', quantity: 1, earliestDelivery: '2026-03-20' }, gbOfficer), 'VALIDATION', /no line "nope"/);
    const offer = await desk.addOffer(draft.id, { partner: 'GB', lineId: 'radar', item: 'radar', quantity: 1, earliestDelivery: '2026-03-20', unitCost: { amount: '15000000', currency: 'GBP' }, conditions: [{ type: 'geographic', text: 'not for use outside Ukraine', excludesRegions: ['RU'] }] }, gbOfficer);
    time.advance(60_000);
    await desk.addOffer(draft.id, { partner: 'US', item: 'interceptor missile', unit: 'missiles', quantity: 30, earliestDelivery: '2026-03-10' }, coordinator);
    const withOffers = await desk.getRequest(draft.id, coordinator);
    expect(withOffers.state).toBe('offers');
    expect(withOffers.history.map((step) => step.action)).toEqual(['create', 'submit', 'consult', 'receive-offers']);

    // Offers are confidential by default: the offering partner and the coordinator see them, others do not.
    expect((await desk.listOffers(draft.id, coordinator)).map((o) => o.partner)).toEqual(['GB', 'US']);
    expect((await desk.listOffers(draft.id, gbOfficer)).map((o) => o.id)).toEqual([offer.id]);
    expect(await desk.listOffers(draft.id, frOfficer)).toEqual([]);
    await expectCode(desk.listOffers(draft.id, publicViewer), 'NOT_FOUND');
    expect((await desk.listRequests(analyst)).map((r) => r.id)).toEqual([draft.id]);

    await desk.transition(draft.id, { action: 'withdraw', note: 'covered elsewhere' }, coordinator);
    await expectCode(desk.transition(draft.id, { action: 'submit' }, coordinator), 'ILLEGAL_TRANSITION', /it is final/);
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
  });

  it('a confidential request is seen by the coordinator and the consulted partners only', async () => {
    const { event } = await desk.declareEvent({ type: 'armed-attack', occurredAt: EVENT_AT, title: 'Strike', classification: 'confidential' }, coordinator);
    const request = await desk.createRequest(requestInput(event.id, 'confidential'), coordinator);
    expect((await desk.listRequests(gbOfficer)).map((r) => r.id)).toEqual([request.id]);
    expect(await desk.listRequests(frOfficer)).toEqual([]);
    expect(await desk.listRequests(analyst)).toEqual([]);
    expect((await desk.listEvents(gbOfficer)).map((e) => e.id)).toEqual([event.id]);
    expect(await desk.listEvents(frOfficer)).toEqual([]);
    expect((await desk.listConsultations(gbOfficer)).map((c) => c.partner)).toEqual(['GB']);
  });

  it('deadlines survive a restart and each escalation fires exactly once', async () => {
    const { event } = await desk.declareEvent({ type: 'armed-attack', occurredAt: EVENT_AT, title: 'Strike' }, coordinator);
    await desk.holdConsultation(`${event.id}:US`, { role: 'partner-officer', partner: 'US' }, 'call held at ministerial level');
    await store.close();

    // A new process, 23 hours after the attack: nothing is due yet.
    const restarted = await reopen();
    time.set('2026-03-02T03:30:00.000Z');
    const desk2 = new CrisisDesk(restarted, { clock: time.clock });
    expect(await escalateDue(desk2, { worker: 'b', webhookUrls: ['http://127.0.0.1:9/hook'] })).toEqual([]);

    // 25 hours: the UK's consultation is overdue; the US one was held in time.
    time.advance(2 * HOUR);
    const fired = await escalateDue(desk2, { worker: 'b', webhookUrls: ['http://127.0.0.1:9/hook', 'http://127.0.0.1:9/other'] });
    expect(fired.map((e) => [e.consultation.partner, e.consultation.status, e.deliveries])).toEqual([['GB', 'overdue', 2]]);
    expect(await escalateDue(desk2, { worker: 'b', webhookUrls: ['http://127.0.0.1:9/hook'] })).toEqual([]);
    await restarted.close();

    const again = await reopen();
    const desk3 = new CrisisDesk(again, { clock: time.clock });
    time.advance(HOUR);
    expect(await escalateDue(desk3, { worker: 'c', webhookUrls: ['http://127.0.0.1:9/hook'] })).toEqual([]);
    const notifications = await listNotifications(desk3, coordinator);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ partner: 'GB', kind: 'consultation-overdue' });
    expect(notifications[0]?.message).toContain('due 2026-03-02T04:30:00.000Z');
    expect(await listNotifications(desk3, { role: 'partner-officer', partner: 'US' })).toEqual([]);
    expect((await new WebhookOutbox(desk3).list()).map((d) => d.url).sort()).toEqual(['http://127.0.0.1:9/hook', 'http://127.0.0.1:9/other']);
    expect(await again.verifyAudit()).toMatchObject({ ok: true });
  });

  it('two processes escalating at once fire each escalation once', async () => {
    await desk.declareEvent({ type: 'armed-attack', occurredAt: EVENT_AT, title: 'Strike one' }, coordinator);
    await desk.declareEvent({ type: 'armed-attack', occurredAt: EVENT_AT, title: 'Strike two' }, coordinator);
    const second = await reopen();
    time.set('2026-03-03T00:00:00.000Z');
    const deskA = new CrisisDesk(store, { clock: time.clock });
    const deskB = new CrisisDesk(second, { clock: time.clock });
    // PostgreSQL: truly concurrent. SQLite serves one process (better-sqlite3 blocks its thread), so there the two run in turn.
    const run = (d: CrisisDesk, worker: string) => escalateDue(d, { worker, webhookUrls: ['http://127.0.0.1:9/hook'] });
    const [a, b] = backend.name === 'postgres' ? await Promise.all([run(deskA, 'a'), run(deskB, 'b')]) : [await run(deskA, 'a'), await run(deskB, 'b')];
    expect(a.length + b.length).toBe(4);
    expect(new Set([...a, ...b].map((e) => e.consultation.id)).size).toBe(4);
    expect(await listNotifications(deskA, coordinator)).toHaveLength(4);
    expect(await new WebhookOutbox(deskA).list()).toHaveLength(4);
  });

  it('webhook deliveries retry with backoff, stop after success, and are claimed by one process', async () => {
    await desk.declareEvent({ type: 'threat-of-attack', occurredAt: EVENT_AT, title: 'Threat' }, coordinator);
    time.set('2026-03-02T05:00:00.000Z');
    await escalateDue(desk, { worker: 'a', webhookUrls: ['http://127.0.0.1:9/hook'] });
    const policy = { baseDelayMs: 10_000, maxDelayMs: 60_000, maxAttempts: 3, leaseMs: 30_000 };
    const outbox = new WebhookOutbox(desk, policy);
    const second = new WebhookOutbox(new CrisisDesk(await reopen(), { clock: time.clock }), policy);

    const [mine, theirs] = await Promise.all([outbox.claimDue('a'), second.claimDue('b')]);
    expect(mine.length + theirs.length).toBe(1);
    const claimed = [...mine, ...theirs][0];
    if (!claimed) throw new Error('one claim expected');
    const worker = mine.length ? 'a' : 'b';
    expect(await outbox.record(claimed, worker, { statusCode: 503, error: null, durationMs: 12 })).toBe('pending');
    expect(await outbox.claimDue('a')).toEqual([]); // not before the backoff
    time.advance(10_000);
    const retry = await outbox.claimDue('a');
    expect(retry.map((d) => d.attempt)).toEqual([2]);
    expect(await outbox.record(retry[0] as never, 'a', { statusCode: 200, error: null, durationMs: 8 })).toBe('delivered');
    time.advance(3_600_000);
    expect(await outbox.claimDue('a')).toEqual([]);
    const [delivery] = await outbox.list();
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });
    expect(delivery?.history.map((h) => h.statusCode)).toEqual([503, 200]);
  });

  it('gives up after the last attempt and takes over an expired lease', async () => {
    await desk.declareEvent({ type: 'threat-of-attack', occurredAt: EVENT_AT, title: 'Threat' }, coordinator);
    time.set('2026-03-02T05:00:00.000Z');
    await escalateDue(desk, { worker: 'a', webhookUrls: ['http://127.0.0.1:9/hook'] });
    const outbox = new WebhookOutbox(desk, { baseDelayMs: 1_000, maxDelayMs: 1_000, maxAttempts: 2, leaseMs: 5_000 });
    const [first] = await outbox.claimDue('crashed');
    expect(first).toBeDefined();
    expect(await outbox.claimDue('b')).toEqual([]); // leased
    time.advance(6_000);
    const [takenOver] = await outbox.claimDue('b'); // the lease expired: the crashed process never recorded
    expect(takenOver?.attempt).toBe(1);
    expect(await outbox.record(takenOver as never, 'b', { statusCode: null, error: 'connect ECONNREFUSED', durationMs: 1 })).toBe('pending');
    time.advance(1_000);
    const [last] = await outbox.claimDue('b');
    expect(await outbox.record(last as never, 'b', { statusCode: 500, error: null, durationMs: 1 })).toBe('failed');
    time.advance(3_600_000);
    expect(await outbox.claimDue('b')).toEqual([]);
    expect((await outbox.list())[0]).toMatchObject({ status: 'failed', attempts: 2, lastError: 'HTTP 500' });
  });

  it('announces changes to live views, across processes on PostgreSQL', async () => {
    const heard: LiveEvent[] = [];
    const listenerStore = backend.name === 'postgres' ? await reopen() : store;
    const unsubscribe = listenerStore.feed.subscribe((event) => heard.push(event));
    if ('ready' in listenerStore.feed) await (listenerStore.feed as { ready(): Promise<void> }).ready();
    const { event } = await desk.declareEvent({ type: 'armed-attack', occurredAt: EVENT_AT, title: 'Strike' }, coordinator);
    const request = await desk.createRequest(requestInput(event.id), coordinator);
    await desk.transition(request.id, { action: 'submit' }, coordinator);
    await desk.transition(request.id, { action: 'consult' }, coordinator);
    const offer = await desk.addOffer(request.id, { partner: 'GB', item: 'radar', quantity: 1, earliestDelivery: '2026-03-20' }, gbOfficer);
    await expect.poll(() => heard.map((e) => e.topic), { timeout: 5_000 }).toContain('offer.received');
    expect(heard.find((e) => e.topic === 'offer.received')).toMatchObject({ id: offer.id, requestId: request.id, ownerPartner: 'GB', classification: 'confidential' });
    expect(heard.find((e) => e.topic === 'event.declared')).toMatchObject({ id: event.id, audience: ['GB', 'US'] });
    unsubscribe();
  });

  it('a reset empties everything: texts and proposals, crisis records, the outbox', async () => {
    const text = '1. The Participants will consult within 24 hours.\n\n2. The United Kingdom will provide GBP 2.5 billion in 2024.';
    await new AgreementTexts(store).importText(
      { agreementId: 'gb-ua', filename: 'gb.txt', format: 'txt', sha256: 'a'.repeat(64), bytes: text.length, original: new TextEncoder().encode(text), analysed: analyseAgreementText(text, { agreementId: 'gb-ua', provider: 'GB', beneficiary: 'UA' }) },
      coordinator,
    );
    const { event } = await desk.declareEvent({ type: 'armed-attack', occurredAt: EVENT_AT, title: 'Strike' }, coordinator);
    const request = await desk.createRequest(requestInput(event.id), coordinator);
    await desk.transition(request.id, { action: 'submit' }, coordinator);
    await desk.transition(request.id, { action: 'consult' }, coordinator);
    await desk.addOffer(request.id, { partner: 'GB', item: 'radar', quantity: 1, earliestDelivery: '2026-03-20' }, gbOfficer);
    time.set('2026-03-03T00:00:00.000Z');
    await escalateDue(desk, { worker: 'a', webhookUrls: ['http://127.0.0.1:9/hook'] });
    await store.reset();
    expect(await store.isEmpty()).toBe(true);
    expect(await desk.listEvents(coordinator)).toEqual([]);
    expect(await listNotifications(desk, coordinator)).toEqual([]);
    expect(await new WebhookOutbox(desk).list()).toEqual([]);
    expect(await store.db.selectFrom('documents').select('id').execute()).toEqual([]);
    expect(await store.verifyAudit()).toMatchObject({ ok: true, entries: 0 });
  });
});
