import { SYSTEM_VIEWER } from '@compact/core';
import { CrisisDesk, type Store } from '@compact/store';
import { CRISIS_TEST_DATA } from '@compact/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killWhen, postgresBackend, runCompact, runPausedInTransaction, sqliteBackend, type FaultBackend, type FaultDatabase } from './testing/fault-kit.js';

// `compact crisis allocate --decide` killed with SIGKILL mid-way, on SQLite and (when its binaries
// are here) PostgreSQL: after a restart the decision is all there (allocation decided, request
// allocated, both audit entries) or absent (request still collecting offers), the audit chain
// verifies, and deciding again then works.

const COORDINATOR = { role: 'coordinator' as const, actor: 'fault-test' };

/** An event, a request with three lines and offers from three partners, collecting offers. */
async function requestWithOffers(database: FaultDatabase): Promise<string> {
  const store = await database.open();
  try {
    await store.importPackage(CRISIS_TEST_DATA, SYSTEM_VIEWER);
    const desk = new CrisisDesk(store);
    const { event } = await desk.declareEvent({ type: 'armed-attack', occurredAt: '2026-03-01T04:30:00Z', title: 'fault test event (not a fact)' }, COORDINATOR);
    const lines = ['L1', 'L2', 'L3'].map((id, i) => ({ id, item: `item ${id}`, quantity: 5 + i, neededBy: '2026-03-20', priority: 'critical' }));
    const request = await desk.createRequest({ eventId: event.id, title: 'fault test request', capabilityArea: 'air-defence', lines }, COORDINATOR);
    await desk.transition(request.id, { action: 'submit' }, COORDINATOR);
    await desk.transition(request.id, { action: 'consult' }, COORDINATOR);
    for (const [i, partner] of ['GB', 'US', 'FR'].entries()) {
      for (const line of lines) {
        await desk.addOffer(request.id, { partner, lineId: line.id, item: line.item, quantity: 3 + i, earliestDelivery: '2026-03-15', unitCost: { amount: String(900_000 + i * 1000), currency: 'EUR' } }, COORDINATOR);
      }
    }
    return request.id;
  } finally {
    await store.close();
  }
}

interface Decision {
  decided: number;
  state: string;
  decideEntries: number;
  allocateTransitions: number;
}

async function decisionOf(store: Store, requestId: string): Promise<Decision> {
  const decided = await store.db.selectFrom('allocations').select('id').where('request_id', '=', requestId).where('decided_at', 'is not', null).execute();
  const request = await store.db.selectFrom('crisis_requests').select('state').where('id', '=', requestId).executeTakeFirstOrThrow();
  const audit = await store.db.selectFrom('audit_log').select(['action', 'entity', 'after_doc']).execute();
  return {
    decided: decided.length,
    state: request.state,
    decideEntries: audit.filter((entry) => entry.entity === 'allocation' && entry.action === 'decide').length,
    allocateTransitions: audit.filter((entry) => entry.entity === 'crisis-request' && (entry.after_doc ?? '').includes('"action":"allocate"')).length,
  };
}

const ABSENT: Decision = { decided: 0, state: 'offers', decideEntries: 0, allocateTransitions: 0 };
const COMPLETE: Decision = { decided: 1, state: 'allocated', decideEntries: 1, allocateTransitions: 1 };

/** Reopens the database as a restarted process would, reads the decision and verifies the audit chain. */
async function afterRestart(database: FaultDatabase, requestId: string): Promise<Decision> {
  const store = await database.open();
  try {
    expect((await store.verifyAudit()).ok).toBe(true);
    return await decisionOf(store, requestId);
  } finally {
    await store.close();
  }
}

const backends = [
  { name: 'SQLite', open: () => Promise.resolve<FaultBackend | undefined>(sqliteBackend()) },
  { name: 'PostgreSQL', open: postgresBackend },
];

describe.each(backends)('an allocation decision killed mid-way ($name)', ({ open }) => {
  let backend: FaultBackend | undefined;
  beforeAll(async () => {
    backend = await open();
  }, 60_000);
  afterAll(() => backend?.dispose());

  it('is absent when killed inside the decision, before its last audit entry; deciding again then works', { timeout: 90_000 }, async (context) => {
    if (!backend) return context.skip('PostgreSQL server binaries not found');
    const database = backend.fresh();
    const requestId = await requestWithOffers(database);
    // The decision writes the allocation, the request's state and two audit entries: stop before the second.
    const paused = await runPausedInTransaction(['decide', requestId, 'audit_log', '2'], database.env);
    await killWhen(paused, () => true);
    expect(await afterRestart(database, requestId)).toEqual(ABSENT);

    const again = runCompact(['crisis', 'allocate', requestId, '--decide'], database.env);
    expect(await again.exited, again.output()).toBe(0);
    expect(again.output()).toContain(`request ${requestId} is allocated`);
    expect(await afterRestart(database, requestId)).toEqual(COMPLETE);
  });

  it('is all there or absent when the real command is killed once its proposal is written', { timeout: 90_000 }, async (context) => {
    if (!backend) return context.skip('PostgreSQL server binaries not found');
    const database = backend.fresh();
    const requestId = await requestWithOffers(database);
    const watcher = await database.open();
    try {
      const child = runCompact(['crisis', 'allocate', requestId, '--decide'], database.env);
      // The proposal commits first; the decision follows at once: a kill now lands between or inside.
      const ended = await killWhen(child, async () => (await watcher.db.selectFrom('allocations').select('id').where('request_id', '=', requestId).execute()).length > 0);
      const decision = await afterRestart(database, requestId);
      expect([ABSENT, COMPLETE], `${ended}: ${JSON.stringify(decision)}`).toContainEqual(decision);
      console.info(`allocation killed after its proposal (${backend.name}, ${ended}): decision ${decision.decided ? 'complete' : 'absent'}`);
    } finally {
      await watcher.close();
    }
  });
});
