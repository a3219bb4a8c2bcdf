import { CompactError, SYSTEM_VIEWER, type Viewer } from '@compact/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import type { Store } from './store.js';
import { testBackends } from './test-backends.js';

const coordinator: Viewer = { role: 'coordinator', actor: 'kyiv-coordinator' };
const publicViewer: Viewer = { role: 'public' };
const analyst: Viewer = { role: 'analyst' };
const gbOfficer: Viewer = { role: 'partner-officer', partner: 'GB', actor: 'gb-officer' };
const frOfficer: Viewer = { role: 'partner-officer', partner: 'FR', actor: 'fr-officer' };

function basePackage() {
  return {
    format: 'compact/1',
    notes: { kept: 'top-level extra fields survive' },
    partners: [
      { code: 'UA', name: 'Ukraine', nameUk: 'Україна' },
      { code: 'GB', name: 'United Kingdom', nameUk: 'Велика Британія' },
      { code: 'FR', name: 'France', nameUk: 'Франція' },
    ],
    agreements: [
      {
        id: 'gb-ua-2024',
        title: 'Agreement on Security Co-operation',
        parties: ['GB', 'UA'],
        beneficiary: 'UA',
        kind: 'bilateral',
        legalForm: 'political-commitment',
        status: [{ status: 'signed', on: '2024-01-12' }],
        consultation: { trigger: 'armed-attack', withinHours: 24 },
        sources: [{ url: 'https://example.org/gb' }],
      },
    ],
    commitments: [
      {
        id: 'gb-public',
        agreementId: 'gb-ua-2024',
        provider: 'GB',
        beneficiary: 'UA',
        category: 'equipment',
        firmness: 'pledged',
        money: { amount: '2500000000', currency: 'GBP' },
        sources: [{ url: 'https://example.org/gb' }],
        extraField: { kept: true },
      },
      {
        id: 'gb-restricted',
        agreementId: 'gb-ua-2024',
        provider: 'GB',
        beneficiary: 'UA',
        category: 'intelligence',
        firmness: 'intended',
        classification: 'restricted',
      },
      {
        id: 'gb-secret',
        agreementId: 'gb-ua-2024',
        provider: 'GB',
        beneficiary: 'UA',
        category: 'equipment',
        capabilityArea: 'air-defence',
        firmness: 'pledged',
        quantity: { value: 4, item: 'launchers' },
        classification: 'confidential',
      },
    ],
  };
}

function expectCompactError(error: unknown, code: string): CompactError {
  expect(error).toBeInstanceOf(CompactError);
  expect((error as CompactError).code).toBe(code);
  return error as CompactError;
}

describe.each(testBackends)('store contract on $name', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    const opened = await backend.open();
    store = opened.store;
    dispose = opened.dispose;
    await store.importPackage(basePackage(), SYSTEM_VIEWER);
  });
  afterEach(async () => dispose());

  it('creates, reads and lists records with version 1 and keeps extra fields', async () => {
    const created = await store.create('partners', { code: 'DE', name: 'Germany' }, coordinator);
    expect(created.version).toBe(1);
    expect(await store.get('partners', 'DE', publicViewer)).toMatchObject({ code: 'DE', name: 'Germany', version: 1 });
    const commitment = await store.get('commitments', 'gb-public', publicViewer);
    expect(commitment).toMatchObject({ extraField: { kept: true }, money: { amount: '2500000000', currency: 'GBP' } });
    expect((await store.list('partners', publicViewer)).map((p) => p.code)).toEqual(['DE', 'FR', 'GB', 'UA']);
  });

  it('refuses a stale update with VERSION_CONFLICT and reports the current record', async () => {
    const current = await store.get('commitments', 'gb-public', coordinator);
    const updated = await store.update('commitments', 'gb-public', { ...current, description: 'first edit' }, coordinator);
    expect(updated.version).toBe(current.version + 1);
    const error = await store
      .update('commitments', 'gb-public', { ...current, description: 'stale edit' }, coordinator)
      .catch((e: unknown) => e);
    const conflict = expectCompactError(error, 'VERSION_CONFLICT');
    expect(conflict.details?.current).toMatchObject({ description: 'first edit', version: updated.version });
    expect((await store.get('commitments', 'gb-public', coordinator)).description).toBe('first edit');
  });

  it('lets exactly one of two concurrent updates with the same version succeed', async () => {
    const current = await store.get('commitments', 'gb-public', coordinator);
    const results = await Promise.allSettled([
      store.update('commitments', 'gb-public', { ...current, description: 'editor A' }, coordinator),
      store.update('commitments', 'gb-public', { ...current, description: 'editor B' }, coordinator),
    ]);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expectCompactError(rejected[0]?.reason, 'VERSION_CONFLICT');
    expect((await store.get('commitments', 'gb-public', coordinator)).version).toBe(current.version + 1);
  });

  it('filters by classification inside the query for every kind of viewer', async () => {
    const idsFor = async (viewer: Viewer) => (await store.list('commitments', viewer)).map((c) => c.id).sort();
    expect(await idsFor(publicViewer)).toEqual(['gb-public']);
    expect(await idsFor(analyst)).toEqual(['gb-public', 'gb-restricted']);
    expect(await idsFor(frOfficer)).toEqual(['gb-public', 'gb-restricted']);
    expect(await idsFor(gbOfficer)).toEqual(['gb-public', 'gb-restricted', 'gb-secret']);
    expect(await idsFor(coordinator)).toEqual(['gb-public', 'gb-restricted', 'gb-secret']);
    expect(await idsFor({ role: 'administrator' })).toEqual(['gb-public', 'gb-restricted']);
    expectCompactError(await store.get('commitments', 'gb-secret', publicViewer).catch((e: unknown) => e), 'NOT_FOUND');
    expectCompactError(await store.get('commitments', 'gb-secret', frOfficer).catch((e: unknown) => e), 'NOT_FOUND');
    expect((await store.get('commitments', 'gb-secret', gbOfficer)).quantity?.value).toBe(4);
    const publicExport = await store.exportPackage(publicViewer);
    expect(publicExport.commitments.map((c) => c.id)).toEqual(['gb-public']);
    const frExport = await store.exportPackage(frOfficer);
    expect(JSON.stringify(frExport)).not.toContain('gb-secret');
  });

  it('lets a partner officer change only what their partner owns', async () => {
    const current = await store.get('commitments', 'gb-public', gbOfficer);
    await expect(store.update('commitments', 'gb-public', { ...current, description: 'ok' }, gbOfficer)).resolves.toMatchObject({ description: 'ok' });
    const asFrance = await store.update('commitments', 'gb-restricted', { id: 'gb-restricted', version: 1 }, frOfficer).catch((e: unknown) => e);
    expect(asFrance).toBeInstanceOf(CompactError);
    const stolen = await store
      .update('commitments', 'gb-public', { ...current, version: current.version + 1, provider: 'FR' }, gbOfficer)
      .catch((e: unknown) => e);
    expectCompactError(stolen, 'FORBIDDEN');
    expectCompactError(await store.create('partners', { code: 'PL', name: 'Poland' }, publicViewer).catch((e: unknown) => e), 'UNAUTHENTICATED');
  });

  it('imports all or nothing and reports every problem with its path', async () => {
    const before = await store.exportPackage(SYSTEM_VIEWER);
    const bad = basePackage();
    bad.commitments.push(
      { id: 'new-ok', agreementId: 'gb-ua-2024', provider: 'GB', beneficiary: 'UA', category: 'training', firmness: 'pledged' } as never,
      { ...bad.commitments[0], id: 'bad-currency', money: { amount: '5', currency: 'XYZ' } } as never,
      { ...bad.commitments[0], id: 'bad-agreement', agreementId: 'nowhere' } as never,
      { ...bad.commitments[0], id: 'bad-amount', money: { amount: '-5', currency: 'EUR' } } as never,
    );
    const error = expectCompactError(await store.importPackage(bad, SYSTEM_VIEWER).catch((e: unknown) => e), 'VALIDATION');
    expect(error.issues?.map((issue) => issue.path)).toEqual([
      '$.commitments[4].money.currency',
      '$.commitments[5].agreementId',
      '$.commitments[6].money.amount',
    ]);
    const after = await store.exportPackage(SYSTEM_VIEWER);
    expect({ ...after, asOf: null }).toEqual({ ...before, asOf: null });
  });

  it('rolls back a whole import when a write fails part-way', async () => {
    // Valid as a package, but the partner officer may not write France's records: nothing lands.
    const pkg = basePackage();
    pkg.partners = [{ code: 'GB', name: 'United Kingdom (renamed)', nameUk: 'Велика Британія' }, { code: 'FR', name: 'France (renamed)', nameUk: 'Франція' }];
    const error = await store.importPackage({ ...pkg, agreements: [], commitments: [] }, gbOfficer).catch((e: unknown) => e);
    expectCompactError(error, 'FORBIDDEN');
    expect((await store.get('partners', 'GB', publicViewer)).name).toBe('United Kingdom');
  });

  it('round-trips a package through export, reset and import', async () => {
    const exported = await store.exportPackage(SYSTEM_VIEWER);
    await store.reset();
    expect(await store.isEmpty()).toBe(true);
    await store.importPackage(exported, SYSTEM_VIEWER);
    const again = await store.exportPackage(SYSTEM_VIEWER);
    expect(again.commitments.map(({ version: _v, ...rest }) => rest)).toEqual(exported.commitments.map(({ version: _v, ...rest }) => rest));
    expect(again.agreements).toHaveLength(1);
    expect((again as Record<string, unknown>).notes).toEqual({ kept: 'top-level extra fields survive' });
  });

  it('refuses to delete a record others refer to, and a delete with a stale version', async () => {
    expectCompactError(await store.remove('agreements', 'gb-ua-2024', coordinator, 1).catch((e: unknown) => e), 'IN_USE');
    expectCompactError(await store.remove('commitments', 'gb-public', coordinator, 7).catch((e: unknown) => e), 'VERSION_CONFLICT');
    await store.remove('commitments', 'gb-public', coordinator, 1);
    expectCompactError(await store.get('commitments', 'gb-public', coordinator).catch((e: unknown) => e), 'NOT_FOUND');
  });

  it('refuses a flow more visible than its commitment, so a public flow cannot reveal a confidential pledge', async () => {
    const confidential = (await store.list('commitments', coordinator)).find((commitment) => commitment.classification === 'confidential');
    expect(confidential).toBeDefined();
    const flow = { id: 'leaky', commitmentId: confidential?.id, stage: 'delivered', on: '2025-02-01', money: { amount: '1', currency: 'EUR' } };
    const error = expectCompactError(await store.create('flows', flow, coordinator).catch((caught: unknown) => caught), 'VALIDATION');
    expect(error.path).toBe('$.classification');
    expect(error.message).toMatch(/may not be more visible/);
    const imported = await store.importPackage({ format: 'compact/1', flows: [flow] }, coordinator).catch((caught: unknown) => caught);
    expect(expectCompactError(imported, 'VALIDATION').path).toBe('$.flows[0].classification');
    await store.create('flows', { ...flow, classification: 'confidential' }, coordinator);
    expect((await store.list('flows', publicViewer)).map((entry) => entry.id)).not.toContain('leaky');
  });

  it('names the field of a reference that does not exist', async () => {
    const error = expectCompactError(
      await store
        .create('commitments', { id: 'x', agreementId: 'missing', provider: 'GB', beneficiary: 'UA', category: 'training', firmness: 'pledged' }, coordinator)
        .catch((e: unknown) => e),
      'VALIDATION',
    );
    expect(error.path).toBe('$.agreementId');
  });

  it('keeps a hash-chained audit log that detects tampering', async () => {
    const current = await store.get('partners', 'GB', coordinator);
    await store.update('partners', 'GB', { ...current, name: 'UK' }, coordinator);
    const verified = await store.verifyAudit();
    expect(verified).toEqual({ ok: true, entries: 2 });
    await sql`update audit_log set actor = 'someone else' where seq = 2`.execute(store.db);
    expect(await store.verifyAudit()).toMatchObject({ ok: false, firstBroken: 2 });
  });
});

describe('embedded database file', () => {
  it('is created on first start and keeps its records across a restart', async () => {
    const opened = await testBackends[0]!.open();
    await opened.store.importPackage(basePackage(), SYSTEM_VIEWER);
    await opened.store.close();
    const reopened = await openStore(opened.options);
    expect((await reopened.list('agreements', SYSTEM_VIEWER)).map((a) => a.id)).toEqual(['gb-ua-2024']);
    await reopened.close();
    await opened.dispose();
  });
});
