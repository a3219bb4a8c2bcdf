// Bulk flow import (tracker imports) on every backend: validation and references first, then one
// transaction, so a bad row or a failing extra write leaves the database as it was.
import { CompactError, Partner, SYSTEM_VIEWER, type Viewer } from '@compact/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFlows } from './flow-import.js';
import type { Store } from './store.js';
import { testBackends } from './test-backends.js';

const coordinator: Viewer = { role: 'coordinator', actor: 'kyiv-coordinator' };

function flow(i: number, extra: Record<string, unknown> = {}) {
  return {
    id: `kiel:test:${i}`,
    provider: i % 2 ? 'GB' : 'FR',
    beneficiary: 'UA',
    aidType: 'military',
    stage: 'allocated',
    on: '2024-03-01',
    onPrecision: 'month',
    money: { amount: String(1000 + i), currency: 'EUR' },
    sources: [{ title: 'test tracker' }],
    ...extra,
  };
}

const many = (count: number) => Array.from({ length: count }, (_, i) => flow(i));

describe.each(testBackends)('bulk flow import on $name', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    const opened = await backend.open();
    store = opened.store;
    dispose = opened.dispose;
    await store.importPackage(
      { format: 'compact/1', partners: [{ code: 'UA', name: 'Ukraine' }, { code: 'GB', name: 'United Kingdom' }, { code: 'FR', name: 'France' }] },
      SYSTEM_VIEWER,
    );
  });
  afterEach(async () => dispose());

  it('writes flows in batches with progress and one audit entry; a re-import replaces them', async () => {
    const progress: number[] = [];
    const input = [...many(1200), flow(5000, { stage: 'pledge', id: 'kiel:test:pledge' }), flow(5001, { restatesFlowId: 'kiel:test:pledge', extraField: { kept: true } })];
    const first = await importFlows(store, input, coordinator, { label: 'test.csv', onProgress: (written) => progress.push(written) });
    expect(first).toEqual({ created: 1202, updated: 0 });
    expect(progress).toEqual([500, 1000, 1202]);
    const stored = await store.list('flows', coordinator);
    expect(stored).toHaveLength(1202);
    expect(await store.get('flows', 'kiel:test:5001', coordinator)).toMatchObject({ restatesFlowId: 'kiel:test:pledge', extraField: { kept: true }, version: 1, newMoney: true });
    const [audit] = await store.auditEntries(1);
    expect(audit).toMatchObject({ action: 'import', entity: 'flows', entity_id: 'test.csv' });

    const changed = input.map((row, i) => (i === 0 ? { ...row, money: { amount: '1', currency: 'EUR' } } : row));
    expect(await importFlows(store, changed, coordinator, { label: 'test.csv' })).toEqual({ created: 0, updated: 1202 });
    expect(await store.list('flows', coordinator)).toHaveLength(1202);
    expect(await store.get('flows', 'kiel:test:0', coordinator)).toMatchObject({ money: { amount: '1' }, version: 2 });
  });

  it('refuses a batch with one invalid flow and writes nothing, naming the flow', async () => {
    const input = many(800);
    input[650] = flow(650, { money: { amount: '-5', currency: 'EUR' } });
    const error = await importFlows(store, input, coordinator, { label: 'bad.csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompactError);
    expect((error as CompactError).code).toBe('VALIDATION');
    expect((error as CompactError).issues?.[0]?.path).toBe('$.flows[650].money.amount');
    expect(await store.list('flows', coordinator)).toHaveLength(0);
  });

  it('refuses unknown partners, unknown restated flows and repeated ids', async () => {
    const input = [flow(1), flow(2, { provider: 'ZZ' }), flow(3, { restatesFlowId: 'nowhere' }), flow(1)];
    const error = (await importFlows(store, input, coordinator, { label: 'refs' }).catch((e: unknown) => e)) as CompactError;
    expect(error.issues?.map((issue) => `${issue.path} ${issue.code}`)).toEqual(['$.flows[3].id DUPLICATE_ID']);
    const refs = (await importFlows(store, input.slice(0, 3), coordinator, { label: 'refs' }).catch((e: unknown) => e)) as CompactError;
    expect(refs.issues?.map((issue) => `${issue.path} ${issue.code}`)).toEqual(['$.flows[1].provider UNKNOWN_REFERENCE', '$.flows[2].restatesFlowId UNKNOWN_REFERENCE']);
    expect(await store.list('flows', coordinator)).toHaveLength(0);
  });

  it('runs extra writes in the same transaction: when they fail, no flow is written', async () => {
    const failing = importFlows(store, many(1100), coordinator, {
      label: 'with-gdp',
      alsoWrite: () => Promise.reject(new Error('partner update failed')),
    });
    await expect(failing).rejects.toThrow('partner update failed');
    expect(await store.list('flows', coordinator)).toHaveLength(0);
    expect((await store.get('partners', 'GB', coordinator)).gdp).toBeUndefined();

    await importFlows(store, many(10), coordinator, {
      label: 'with-gdp',
      alsoWrite: async (trx) => {
        const partner = await store.getIn(trx, 'partners', 'GB');
        const gdp = [{ year: 2024, money: { amount: '2800000000000', currency: 'EUR' }, sources: [{ title: 'test tracker' }] }];
        await store.updateIn(trx, 'partners', 'GB', Partner.parse({ ...partner, gdp }), coordinator, partner?.version ?? 0);
      },
    });
    expect(await store.list('flows', coordinator)).toHaveLength(10);
    expect((await store.get('partners', 'GB', coordinator)).gdp).toEqual([expect.objectContaining({ year: 2024 })]);
  });

  it('asks who writes: the public may not import', async () => {
    const error = await importFlows(store, many(2), { role: 'public' }, { label: 'anon' }).catch((e: unknown) => e);
    expect((error as CompactError).code).toBe('UNAUTHENTICATED');
    expect(await store.list('flows', coordinator)).toHaveLength(0);
  });
});
