// Backup and restore on every backend: a restore into an empty database gives back every record
// and the same verified audit chain; a non-empty target or a tampered chain changes nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SYSTEM_VIEWER, type Viewer } from '@compact/core';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, TRANSIENT_TABLES, backupStore, restoreStore, type Backup } from './backup.js';
import { importFlows } from './flow-import.js';
import { openStore } from './open-store.js';
import { testBackends } from './test-backends.js';

const shipped = JSON.parse(readFileSync(fileURLToPath(new URL('../../../data/compact.json', import.meta.url)), 'utf8')) as unknown;
const coordinator: Viewer = { role: 'coordinator', actor: 'backup-test' };

describe.each(testBackends)('backup and restore on $name', (backend) => {
  const disposers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const dispose of disposers.splice(0)) await dispose();
  });
  const fresh = async () => {
    const opened = await backend.open();
    disposers.push(opened.dispose);
    return opened.store;
  };

  async function populated() {
    const store = await fresh();
    await store.importPackage(shipped, SYSTEM_VIEWER);
    const commitment = await store.get('commitments', 'de-ua-2024-1', coordinator);
    await store.update('commitments', commitment.id, { ...commitment, description: 'edited before the backup' }, coordinator, commitment.version);
    await importFlows(store, [{ id: 'backup-flow', provider: 'DE', stage: 'delivered', on: '2025-01-02', money: { amount: '5', currency: 'EUR' } }], coordinator, { label: 'test' });
    return store;
  }

  it('restores every record and the same verified audit chain into an empty database', async () => {
    const source = await populated();
    const backup = JSON.parse(JSON.stringify(await backupStore(source))) as Backup;
    expect(backup.tables.audit_log.length).toBe(3);
    const target = await fresh();
    const summary = await restoreStore(target, backup);
    expect(summary.audit).toEqual({ ok: true, entries: 3 });
    expect(summary.rows).toBeGreaterThan(100);
    const strip = (pkg: Record<string, unknown>) => ({ ...pkg, asOf: undefined });
    expect(strip(await target.exportPackage(SYSTEM_VIEWER))).toEqual(strip(await source.exportPackage(SYSTEM_VIEWER)));
    expect(await target.auditEntries(10)).toEqual(await source.auditEntries(10));
    // The restored database goes on: the next write extends the restored chain.
    await target.create('partners', { code: 'XA', name: 'Test partner' }, coordinator);
    expect(await target.verifyAudit()).toEqual({ ok: true, entries: 4 });
  });

  it('refuses a database that is not empty, and a backup whose chain was tampered with, writing nothing', async () => {
    const source = await populated();
    const backup = JSON.parse(JSON.stringify(await backupStore(source))) as Backup;
    await expect(restoreStore(source, backup)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    const tampered = JSON.parse(JSON.stringify(backup)) as { tables: { audit_log: Array<Record<string, unknown>> } };
    const entry = tampered.tables.audit_log[1];
    if (entry) entry.actor = 'someone else';
    const target = await fresh();
    await expect(restoreStore(target, tampered)).rejects.toMatchObject({ code: 'VALIDATION', path: '$.tables.audit_log' });
    expect(await target.isEmpty()).toBe(true);
    await expect(restoreStore(target, { format: 'something else' })).rejects.toMatchObject({ code: 'VALIDATION', path: '$.format' });
  });
});

describe('the backup table list', () => {
  it('names every table the migrations create, but the transient ones', async () => {
    const store = await openStore({ sqlitePath: ':memory:' });
    try {
      const tables = (await store.db.introspection.getTables()).map((table) => table.name).filter((name) => !name.startsWith('kysely_'));
      expect([...BACKUP_TABLES, ...TRANSIENT_TABLES].sort()).toEqual(tables.sort());
    } finally {
      await store.close();
    }
  });
});
