import { DataPackage } from '@compact/core';
import { describe, expect, it } from 'vitest';
import { AWKWARD_TEXT, shippedWithTestFlows } from '../test-flows.js';
import { exportFts, ftsCsv, importFts, looksLikeFts, looksLikeFtsCsv, readFtsCsv } from './fts.js';

const pkg = DataPackage.parse(shippedWithTestFlows());
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const byId = (records: ReadonlyArray<{ id?: unknown }>) => [...records].sort((a, b) => String(a.id).localeCompare(String(b.id)));

const fts = exportFts(pkg, { exchangeRates: pkg.exchangeRates });
const flow = (id: string) => fts.data.flows.find((candidate) => candidate.id === id)!;

describe('FTS export', () => {
  it('maps stages to FTS statuses pledge, commitment and paid, with date, amount and currency', () => {
    expect(flow('test-gb-pledge')).toMatchObject({ status: 'pledge', date: '2024-01-12T00:00:00Z', budgetYear: '2024', originalAmount: 2500000000, originalCurrency: 'GBP', contributionType: 'financial', boundary: 'incoming' });
    expect(flow('test-gb-allocated').status).toBe('commitment');
    expect(flow('test-gb-delivered').status).toBe('paid');
    expect(flow('test-gb-delivered').decisionDate).toBe('2024-03-01T00:00:00Z');
  });

  it('names source and destination as organisation and location', () => {
    expect(flow('test-gb-pledge').sourceObjects).toEqual([
      { type: 'Organization', id: 'GB', name: 'Government of United Kingdom', behavior: 'single' },
      { type: 'Location', id: 'GB', name: 'United Kingdom', behavior: 'single' },
    ]);
    expect(flow('test-gb-pledge').destinationObjects.map((object) => object.id)).toEqual(['UA', 'UA']);
    expect(flow('test-de-through-eu').destinationObjects).toEqual([]);
  });

  it('carries new money, parent and child flows', () => {
    expect(flow('test-de-through-eu')).toMatchObject({ newMoney: false, parentFlowId: 'test-eu-fund', refCode: 'kiel:row-42' });
    expect(flow('test-eu-fund')).toMatchObject({ newMoney: true, parentFlowId: null, childFlowIds: ['test-de-through-eu'] });
  });

  it('converts to USD only with the rates given, never inventing one', () => {
    // GBP 2.5bn in 2024 at the package's ECB annual means (GBP 0.84662, USD 1.0824 per EUR).
    expect(flow('test-gb-pledge').amountUSD).toBeGreaterThan(3.1e9);
    expect(flow('test-us-humanitarian').amountUSD).toBe(0.5);
    expect(exportFts(pkg).data.flows.every((candidate) => candidate.amountUSD === null)).toBe(true);
    expect(flow('test-us-in-kind')).toMatchObject({ amountUSD: null, originalAmount: null, contributionType: 'inKind' });
  });

  it('keeps what FTS cannot carry in the compact object', () => {
    expect(flow('test-us-in-kind').compact).toMatchObject({ quantity: { value: 31, unit: 'tanks', item: 'M1 Abrams', qualifier: 'approximate' }, classification: 'restricted', onPrecision: 'year', provider: 'US' });
    expect(flow('test-gb-delivered').compact).toMatchObject({ restatesFlowId: 'test-gb-allocated' });
    // Beyond a double's precision: the amount travels as its exact decimal string.
    expect(flow('test-eu-fund')).toMatchObject({ originalAmount: null, compact: { money: { amount: '123456789012345678901234', currency: 'EUR' } } });
    expect(flow('test-us-humanitarian').compact).toMatchObject({ extraField: 'kept', nestedExtra: { list: [1, 'two', null], flag: true }, description: '' });
    expect(flow('test-dk-confidential').compact).toMatchObject({ money: { perYear: true, note: 'extra inside money' } });
  });

  it('imports its own JSON exactly', () => {
    const document = JSON.parse(JSON.stringify(fts)) as unknown;
    expect(looksLikeFts(document)).toBe(true);
    const back = importFts(document);
    expect(back.warnings).toEqual([]);
    expect(plain(byId(back.flows))).toEqual(plain(byId(pkg.flows)));
    expect(back.flows.find((candidate) => candidate.id === 'test-gb-allocated')?.description).toBe(AWKWARD_TEXT);
  });

  it('writes a flat CSV that also imports exactly', () => {
    const csv = ftsCsv(fts);
    expect(looksLikeFtsCsv(csv)).toBe(true);
    expect(csv.split('\r\n')[0]).toMatch(/^id,status,date,decisionDate,/);
    const back = importFts(readFtsCsv(csv));
    expect(plain(byId(back.flows))).toEqual(plain(byId(pkg.flows)));
    expect(ftsCsv(exportFts({ ...pkg, flows: DataPackage.parse({ ...pkg, flows: back.flows }).flows }, { exchangeRates: pkg.exchangeRates }))).toBe(csv);
  });
});

describe('FTS import of data from FTS itself', () => {
  const foreign = {
    data: {
      flows: [
        {
          id: 301234,
          status: 'paid',
          date: '2024-05-02T00:00:00Z',
          amountUSD: 1080000,
          originalAmount: 1000000,
          originalCurrency: 'EUR',
          description: 'Demining equipment',
          newMoney: true,
          parentFlowId: null,
          sourceObjects: [{ type: 'Organization', id: 2933, name: 'Germany, Government of' }, { type: 'Location', id: 80, name: 'Germany' }],
          destinationObjects: [{ type: 'Location', id: 237, name: 'Ukraine' }],
        },
        { id: 301235, status: 'paid', date: '2024-05-03T00:00:00Z', amountUSD: 5, sourceObjects: [{ type: 'Location', name: 'Germany' }] },
        { id: 301236, status: 'pledge', date: '2024-05-03T00:00:00Z', originalAmount: 5, originalCurrency: 'EUR', newMoney: false, parentFlowId: 301234, sourceObjects: [{ type: 'Organization', id: 1, name: 'A foundation' }] },
        { id: 301237, status: 'carryover', sourceObjects: [] },
      ],
    },
  };

  it('maps what it can and warns about the rest', () => {
    const result = importFts(foreign, { partners: [{ code: 'DE', name: 'Germany' }, { code: 'UA', name: 'Ukraine' }] });
    expect(result.flows).toEqual([
      { id: 'fts-301234', stage: 'delivered', on: '2024-05-02', money: { amount: '1000000', currency: 'EUR' }, description: 'Demining equipment', newMoney: true, externalId: 'fts:301234', provider: 'DE', beneficiary: 'UA' },
    ]);
    expect(result.warnings).toEqual([
      'flow 301235: no original amount and currency (only amountUSD 5, which is a conversion); skipped',
      'flow 301236: the source names no known partner; skipped',
      'flow 301237: status "carryover" is not pledge, commitment or paid; skipped',
    ]);
  });

  it('refuses what is not FTS', () => {
    expect(() => importFts({ items: [] })).toThrow(/not an FTS flow document/);
  });
});
