// Promise to delivery over HTTP against the real server and store: totals computed two ways agree,
// late deliveries, implementation overrides, coalition roadmaps and who may set a fair-share key.
import { testBackends } from '@compact/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './serve.js';
import { apiCaller, openShippedServer } from './test-server.js';

const COORDINATOR = 'coordinator';
const flows = [
  // Test records on shipped commitments (not facts): an allocation delivered late, and one overdue.
  { id: 'test-de-alloc', commitmentId: 'de-ua-2024-1', stage: 'allocated', on: '2024-04-01', dueOn: '2024-09-30', money: { amount: '500000000', currency: 'EUR' } },
  { id: 'test-de-delivered', commitmentId: 'de-ua-2024-1', stage: 'delivered', on: '2024-11-15', restatesFlowId: 'test-de-alloc', money: { amount: '500000000', currency: 'EUR' } },
  { id: 'test-gb-alloc', commitmentId: 'gb-ua-2024-1', stage: 'allocated', on: '2024-03-01', dueOn: '2024-12-31', money: { amount: '100000000', currency: 'GBP' } },
  { id: 'test-gb-delivered', commitmentId: 'gb-ua-2024-1', stage: 'delivered', on: '2024-06-01', restatesFlowId: 'test-gb-alloc', money: { amount: '40000000', currency: 'GBP' } },
  { id: 'test-gb-secret', commitmentId: 'gb-ua-2024-1', stage: 'delivered', on: '2024-07-01', money: { amount: '10000000', currency: 'GBP' }, classification: 'confidential' },
];

describe.each(testBackends)('promise to delivery over HTTP on $name', (backend) => {
  let server: RunningServer;
  let close: () => Promise<void>;
  const call = apiCaller(() => server);

  beforeAll(async () => {
    ({ server, close } = await openShippedServer(backend));
    for (const flow of flows) {
      const created = await call('/api/flows', { method: 'POST', viewer: COORDINATOR, body: JSON.stringify(flow) });
      expect(created.status, created.text).toBe(201);
    }
  });
  afterAll(() => close());

  it('gives each partner committed and delivered totals equal to the sum of its ledger', async () => {
    const totals = await call('/api/delivery?asOf=2025-01-31&by=provider', { viewer: COORDINATOR });
    expect(totals.status).toBe(200);
    for (const partner of ['DE', 'GB', 'FR']) {
      const row = totals.body.rows.find((entry: { provider: string }) => entry.provider === partner);
      const ledger = await call(`/api/delivery/ledger?asOf=2025-01-31&provider=${partner}`, { viewer: COORDINATOR });
      const sum = (stage: string) =>
        ledger.body.items
          .filter((entry: { stage: string; value: string | null }) => entry.stage === stage && entry.value !== null)
          .reduce((cents: bigint, entry: { value: string }) => cents + BigInt(Math.round(Number(entry.value) * 100)), 0n);
      expect(BigInt(Math.round(Number(row.committed) * 100))).toBe(sum('pledge'));
      expect(BigInt(Math.round(Number(row.delivered) * 100))).toBe(sum('delivered'));
    }
    const germany = totals.body.rows.find((entry: { provider: string }) => entry.provider === 'DE');
    expect(germany).toMatchObject({ allocated: '500000000', delivered: '500000000' });
  });

  it('shows the public only public flows', async () => {
    const coordinator = await call('/api/delivery/ledger?asOf=2025-01-31&provider=GB', { viewer: COORDINATOR });
    const anyone = await call('/api/delivery/ledger?asOf=2025-01-31&provider=GB');
    expect(coordinator.body.items.map((entry: { id: string }) => entry.id)).toContain('test-gb-secret');
    expect(anyone.body.items.map((entry: { id: string }) => entry.id)).not.toContain('test-gb-secret');
  });

  it('lists late deliveries: delivered after the due day, or overdue', async () => {
    const { body } = await call('/api/delivery?asOf=2025-01-31', { viewer: COORDINATOR });
    expect(body.late).toEqual([
      expect.objectContaining({ allocationId: 'test-de-alloc', status: 'delivered-late', daysLate: 46, completedOn: '2024-11-15' }),
      // GBP 40m of GBP 100m delivered, converted with the 2024 rate: still overdue.
      expect.objectContaining({ allocationId: 'test-gb-alloc', status: 'overdue', daysLate: 31, completedOn: null }),
    ]);
  });

  it('rejects an unknown grouping and names the parameter', async () => {
    const response = await call('/api/delivery?by=colour');
    expect(response.status).toBe(400);
    expect(response.body.error.path).toBe('query.by');
  });

  it('scores implementation from flows and keeps a person’s override with its note and author', async () => {
    const before = await call('/api/implementation?asOf=2025-01-31', { viewer: COORDINATOR });
    const germany = before.body.commitments.find((entry: { commitmentId: string }) => entry.commitmentId === 'de-ua-2024-1');
    expect(germany.overall).toMatchObject({ basis: 'flows', derived: 1 });
    const override = await call('/api/commitments/de-ua-2024-1/implementation', { method: 'POST', viewer: COORDINATOR, body: JSON.stringify({ score: 2, note: 'test override: ministry report' }) });
    expect(override.status, override.text).toBe(201);
    const after = await call('/api/implementation?asOf=2025-01-31', { viewer: COORDINATOR });
    const scored = after.body.commitments.find((entry: { commitmentId: string }) => entry.commitmentId === 'de-ua-2024-1');
    expect(scored.overall).toMatchObject({ score: 2, derived: 1, basis: 'override', override: { note: 'test override: ministry report', by: expect.stringContaining(COORDINATOR) } });
    const refused = await call('/api/commitments/de-ua-2024-1/implementation', { method: 'POST', viewer: COORDINATOR, body: JSON.stringify({ score: 5, note: 'x' }) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.path).toMatch(/score/);
  });

  it('serves a coalition roadmap, and lets its lead (only) set the fair-share key', async () => {
    const roadmap = await call('/api/coalitions/drone/roadmap?asOf=2025-01-31');
    expect(roadmap.status).toBe(200);
    expect(roadmap.body.members.filter((member: { role: string }) => member.role === 'lead').map((member: { partner: string }) => member.partner)).toEqual(['GB', 'LV']);
    const { body: coalition } = await call('/api/coalitions/drone');
    const key = { kind: 'agreed', shares: { LV: '1', GB: '3' }, version: coalition.version };
    const stranger = await call('/api/coalitions/drone/fair-share-key', { method: 'PUT', viewer: 'partner-officer:DE', body: JSON.stringify(key) });
    expect(stranger.status).toBe(403);
    const otherLead = await call('/api/coalitions/drone/fair-share-key', { method: 'PUT', viewer: 'coalition-lead:artillery', body: JSON.stringify(key) });
    expect(otherLead.status).toBe(403);
    const lead = await call('/api/coalitions/drone/fair-share-key', { method: 'PUT', viewer: 'partner-officer:LV', body: JSON.stringify(key) });
    expect(lead.status, lead.text).toBe(200);
    expect(lead.body.fairShareKey).toMatchObject({ kind: 'agreed', shares: { LV: '1', GB: '3' }, enteredBy: expect.any(String) });
    const after = await call('/api/coalitions/drone/roadmap?asOf=2025-01-31');
    expect(after.body.shares.map((share: { partner: string; share: string }) => [share.partner, share.share])).toEqual([
      ['GB', '0.750000'],
      ['LV', '0.250000'],
    ]);
  });
});
