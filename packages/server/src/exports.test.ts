import { SYSTEM_VIEWER } from '@compact/core';
import { importCsv, importFts, importIati } from '@compact/exchange';
import { importFlows } from '@compact/store';
import { testBackends } from '@compact/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './serve.js';
import { apiCaller, CONFIDENTIAL_TEST_PLEDGE, openShippedServer } from './test-server.js';

// Illustrative flows, not facts: one public, one restricted tracker row, one confidential.
const FLOWS = [
  { id: 'http-public-pledge', commitmentId: 'gb-ua-2024-1', stage: 'pledge', on: '2024-01-12', money: { amount: '2500000000', currency: 'GBP' }, description: 'public <&> "test"' },
  { id: 'http-restricted-row', provider: 'DE', aidType: 'military', stage: 'delivered', on: '2024-04-01', money: { amount: '10', currency: 'EUR' }, classification: 'restricted' },
  { id: 'http-confidential-allocation', commitmentId: CONFIDENTIAL_TEST_PLEDGE.id, stage: 'allocated', on: '2025-02-01', money: { amount: '1000000', currency: 'EUR' }, classification: 'confidential' },
];

describe.each(testBackends)('exports over HTTP on $name', (backend) => {
  let server: RunningServer;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openShippedServer(backend, { withConfidentialPledge: true });
    ({ server, close } = opened);
    await importFlows(opened.store, FLOWS, SYSTEM_VIEWER, { label: 'http test flows' });
  });
  afterAll(() => close());

  const call = apiCaller(() => server);

  it('serves IATI XML as a download, filtered by viewer', async () => {
    const response = await call('/api/export/iati.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="compact-iati.xml"');
    expect(response.text).toContain('<iati-activities version="2.03"');
    const ids = (xml: string) => importIati(xml).flows.map((flow) => flow.id);
    expect(ids(response.text)).toEqual(['http-public-pledge']);
    expect(response.text).not.toContain(CONFIDENTIAL_TEST_PLEDGE.id);
    expect(ids((await call('/api/export/iati.xml', { viewer: 'analyst' })).text).sort()).toEqual(['http-public-pledge', 'http-restricted-row']);
    expect(ids((await call('/api/export/iati.xml', { viewer: 'partner-officer:FR' })).text)).not.toContain('http-confidential-allocation');
    expect(ids((await call('/api/export/iati.xml', { viewer: 'partner-officer:GB' })).text)).toContain('http-confidential-allocation');
    expect(ids((await call('/api/export/iati.xml', { viewer: 'coordinator' })).text)).toHaveLength(3);
  });

  it('serves FTS JSON and CSV, filtered by viewer', async () => {
    const json = await call('/api/export/fts.json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="compact-flows.fts.json"');
    expect(importFts(json.body).flows.map((flow) => flow.id)).toEqual(['http-public-pledge']);
    const coordinator = await call('/api/export/fts.json', { viewer: 'coordinator' });
    expect(coordinator.body.data.flows.map((flow: any) => flow.id).sort()).toEqual(FLOWS.map((flow) => flow.id).sort());
    const csv = await call('/api/export/fts.csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="compact-flows.fts.csv"');
    expect(csv.text).toMatch(/^id,status,date,/);
    expect(csv.text).not.toContain('http-confidential-allocation');
  });

  it('serves one CSV per entity kind, filtered by viewer; an unknown kind is 404', async () => {
    const flows = await call('/api/export/csv/flows.csv');
    expect(flows.status).toBe(200);
    expect(flows.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(flows.headers.get('content-disposition')).toBe('attachment; filename="compact-flows.csv"');
    expect((importCsv({ 'flows.csv': flows.text }).package.flows as any[]).map((flow) => flow.id)).toEqual(['http-public-pledge']);
    const publicCommitments = await call('/api/export/csv/commitments.csv');
    expect(publicCommitments.text).toContain('gb-ua-2024-1');
    expect(publicCommitments.text).not.toContain(CONFIDENTIAL_TEST_PLEDGE.id);
    expect((await call('/api/export/csv/commitments.csv', { viewer: 'coordinator' })).text).toContain(CONFIDENTIAL_TEST_PLEDGE.id);
    expect((await call('/api/export/csv/exchange-rates.csv')).text).toMatch(/^currency,year,unitsPerEur/);
    const missing = await call('/api/export/csv/secrets.csv');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('documents the export routes in OpenAPI', async () => {
    const openapi = await call('/api/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/export/csv/{kind}', '/api/export/iati.xml', '/api/export/fts.json', '/api/export/fts.csv']));
  });
});
