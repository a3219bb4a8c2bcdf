// Export → import into a fresh store → export, through the real store, for every format.
import { SYSTEM_VIEWER, type DataPackage } from '@compact/core';
import { importFlows, type Store } from '@compact/store';
import { testBackends } from '@compact/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsv, importCsv } from './csv/index.js';
import { exportFts, ftsCsv, importFts, readFtsCsv } from './fts/index.js';
import { exportIati, importIati } from './iati/index.js';
import { TEST_FLOWS, shippedWithTestFlows } from './test-flows.js';

const backend = testBackends[0]!;
const disposers: Array<() => Promise<void>> = [];

async function freshStore(withFlows: boolean): Promise<Store> {
  const { store, dispose } = await backend.open();
  disposers.push(dispose);
  await store.importPackage({ ...shippedWithTestFlows(), ...(withFlows ? {} : { flows: [] }) }, SYSTEM_VIEWER);
  return store;
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('round trip through a fresh store', { timeout: 60_000 }, () => {
  let original: DataPackage;

  beforeAll(async () => {
    original = await (await freshStore(true)).exportPackage(SYSTEM_VIEWER);
    expect(original.flows).toHaveLength(TEST_FLOWS.length);
  });
  afterAll(async () => {
    for (const dispose of disposers) await dispose();
  });

  it('CSV: export → import → export is identical, records deep-equal', async () => {
    const files = exportCsv(original);
    const { store, dispose } = await backend.open();
    disposers.push(dispose);
    await store.importPackage(importCsv(files).package, SYSTEM_VIEWER);
    const again = await store.exportPackage(SYSTEM_VIEWER);
    expect(plain(again)).toEqual(plain(original));
    expect(exportCsv(again)).toEqual(files);
  });

  it('IATI: export → import → export is identical, flows deep-equal', async () => {
    const xml = exportIati(original, { generatedAt: '2025-11-30T12:00:00Z' });
    const store = await freshStore(false);
    const { flows, warnings } = importIati(xml, { partners: original.partners });
    expect(warnings).toEqual([]);
    await importFlows(store, flows, SYSTEM_VIEWER, { label: 'flows.xml' });
    const again = await store.exportPackage(SYSTEM_VIEWER);
    expect(plain(again.flows)).toEqual(plain(original.flows));
    expect(exportIati(again, { generatedAt: '2025-11-30T12:00:00Z' })).toBe(xml);
  });

  it('FTS JSON and CSV: export → import → export is identical, flows deep-equal', async () => {
    const json = JSON.stringify(exportFts(original, { exchangeRates: original.exchangeRates }), null, 2);
    const store = await freshStore(false);
    const { flows, warnings } = importFts(JSON.parse(json));
    expect(warnings).toEqual([]);
    await importFlows(store, flows, SYSTEM_VIEWER, { label: 'flows.fts.json' });
    const again = await store.exportPackage(SYSTEM_VIEWER);
    expect(plain(again.flows)).toEqual(plain(original.flows));
    const document = exportFts(again, { exchangeRates: again.exchangeRates });
    expect(JSON.stringify(document, null, 2)).toBe(json);
    const csv = ftsCsv(document);
    expect(plain(importFts(readFtsCsv(csv)).flows)).toEqual(plain(original.flows));
  });
});
