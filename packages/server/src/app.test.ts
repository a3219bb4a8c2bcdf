import { parseScaled } from '@compact/core';
import { testBackends } from '@compact/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './serve.js';
import { apiCaller, CONFIDENTIAL_TEST_PLEDGE, openShippedServer } from './test-server.js';

describe.each(testBackends)('HTTP API on $name', (backend) => {
  let server: RunningServer;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, close } = await openShippedServer(backend, { withConfidentialPledge: true }));
  });
  afterAll(() => close());

  const call = apiCaller(() => server);

  it('reports health and the database in use', async () => {
    const { status, body } = await call('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', database: backend.name });
  });

  it('answers the registry as of the seed article and as of November 2025', async () => {
    const seed = await call('/api/agreements?asOf=2024-02-20&kind=bilateral');
    const statusOf = Object.fromEntries(seed.body.items.map((a: any) => [a.partner, a.statusAsOf]));
    expect(statusOf).toEqual({ GB: 'signed', DE: 'signed', FR: 'signed', CA: 'talks', IT: 'talks', JP: 'talks', US: 'talks', NL: 'talks', EU: 'talks' });
    const late = await call('/api/agreements?asOf=2025-11-30&kind=bilateral');
    expect(late.body.summary.counted).toBe(28);
    const counted = late.body.items.filter((a: any) => a.countedByUkraine && a.statusAsOf === 'signed');
    expect(counted).toHaveLength(28);
    expect(late.body.items.find((a: any) => a.partner === 'HR')).toMatchObject({ countedByUkraine: false, statusAsOf: 'signed' });
    const bad = await call('/api/agreements?asOf=2024-13-45');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', path: 'query.asOf' });
  });

  it('lets exactly one of two concurrent updates with the same version win; the other gets 409', async () => {
    const { body: current } = await call('/api/commitments/gb-ua-2024-1', { viewer: 'coordinator' });
    const put = (description: string) =>
      call('/api/commitments/gb-ua-2024-1', { method: 'PUT', viewer: 'coordinator', body: JSON.stringify({ ...current, description }) });
    const results = await Promise.all([put('editor A'), put('editor B')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const conflict = results.find((r) => r.status === 409)!;
    expect(conflict.body.error).toMatchObject({ code: 'VERSION_CONFLICT', path: '$.version' });
    expect(conflict.body.error.current.version).toBe(current.version + 1);
  });

  it('hides a confidential commitment from the public and from another partner, everywhere', async () => {
    const ids = async (viewer?: string) => (await call('/api/commitments?provider=GB', viewer ? { viewer } : {})).body.items.map((c: any) => c.id);
    expect(await ids()).not.toContain(CONFIDENTIAL_TEST_PLEDGE.id);
    expect(await ids('partner-officer:FR')).not.toContain(CONFIDENTIAL_TEST_PLEDGE.id);
    expect(await ids('analyst')).not.toContain(CONFIDENTIAL_TEST_PLEDGE.id);
    expect(await ids('partner-officer:GB')).toContain(CONFIDENTIAL_TEST_PLEDGE.id);
    expect(await ids('coordinator')).toContain(CONFIDENTIAL_TEST_PLEDGE.id);
    expect((await call(`/api/commitments/${CONFIDENTIAL_TEST_PLEDGE.id}`, { viewer: 'partner-officer:FR' })).status).toBe(404);
    const publicExport = await call('/api/packages');
    expect(JSON.stringify(publicExport.body)).not.toContain(CONFIDENTIAL_TEST_PLEDGE.id);
  });

  it('creates, updates and deletes through the API, naming the field of bad input', async () => {
    const created = await call('/api/requirements', {
      method: 'POST',
      viewer: 'coordinator',
      body: JSON.stringify({ id: 'req-test', beneficiary: 'UA', capabilityArea: 'drones', period: { from: '2025-01-01', to: '2025-12-31' }, money: { amount: '100', currency: 'EUR' }, priority: 'high', basis: 'illustrative' }),
    });
    expect(created.status).toBe(201);
    expect(created.body.version).toBe(1);
    const invalid = await call('/api/requirements', {
      method: 'POST',
      viewer: 'coordinator',
      body: JSON.stringify({ id: 'req-bad', beneficiary: 'UA', capabilityArea: 'drones', period: { from: '2025-01-01', to: '2025-12-31' }, money: { amount: '100', currency: 'EURO' }, priority: 'high', basis: 'illustrative' }),
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ code: 'VALIDATION', path: '$.money.currency' });
    expect((await call('/api/requirements', { method: 'POST', body: '{"id":' , viewer: 'coordinator' })).status).toBe(400);
    expect((await call('/api/requirements/req-test?version=1', { method: 'DELETE' })).status).toBe(401);
    expect((await call('/api/requirements/req-test?version=1', { method: 'DELETE', viewer: 'coordinator' })).status).toBe(204);
    expect((await call('/api/requirements/req-test', { viewer: 'coordinator' })).status).toBe(404);
  });

  it('refuses a bad package as a whole and changes nothing', async () => {
    const before = (await call('/api/partners')).body.items.length;
    const response = await call('/api/packages', {
      method: 'POST',
      viewer: 'coordinator',
      body: JSON.stringify({
        format: 'compact/1',
        partners: [{ code: 'ZZ', name: 'Test partner' }],
        commitments: [{ id: 'x', agreementId: 'missing', provider: 'ZZ', beneficiary: 'UA', category: 'training', firmness: 'pledged', money: { amount: '-1', currency: 'EUR' } }],
      }),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((issue: any) => issue.path)).toEqual(['$.commitments[0].agreementId', '$.commitments[0].money.amount']);
    expect((await call('/api/partners')).body.items.length).toBe(before);
  });

  it('analyses only what the viewer may see', async () => {
    const airDefence2025 = (body: Record<string, any>) =>
      body.coverage.find((row: any) => row.beneficiary === 'UA' && row.capabilityArea === 'air-defence' && row.year === 2025 && row.measure === 'money');
    const asPublic = await call('/api/analysis?asOf=2025-11-30');
    const asCoordinator = await call('/api/analysis?asOf=2025-11-30', { viewer: 'coordinator' });
    expect(asPublic.status).toBe(200);
    expect(asPublic.body).toMatchObject({ asOf: '2025-11-30', currency: 'EUR' });
    const publicCommitted = parseScaled(airDefence2025(asPublic.body)?.committed ?? '0', 2);
    const coordinatorCommitted = parseScaled(airDefence2025(asCoordinator.body).committed, 2);
    expect(coordinatorCommitted - publicCommitted).toBe(100000000n);
    expect(JSON.stringify(asPublic.body)).not.toContain(CONFIDENTIAL_TEST_PLEDGE.id);
    const codes = new Set(asPublic.body.findings.map((finding: any) => finding.code));
    expect(codes).toContain('NO_CONSULTATION');
    expect(codes).toContain('GAP');
    const bad = await call('/api/analysis?currency=EURO');
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('query.currency');
    const tuned = await call('/api/analysis?asOf=2025-11-30&rules=GAP,single_guarantor&gapCriticalBelow=0&gapHighBelow=0');
    expect(tuned.status).toBe(200);
    expect(new Set(tuned.body.findings.map((finding: any) => `${finding.code}:${finding.severity}`))).toEqual(new Set(['GAP:medium', 'SINGLE_GUARANTOR:high']));
    for (const [query, path] of [
      ['fragmentationThreshold=0', 'query.fragmentationThreshold'],
      ['redundancyThreshold=lots', 'query.redundancyThreshold'],
      ['gapCriticalBelow=0.9', 'query.gapCriticalBelow'],
      ['rules=GAP,NOPE', 'query.rules'],
    ]) {
      const refused = await call(`/api/analysis?${query}`);
      expect(refused.status, query).toBe(400);
      expect(refused.body.error.path).toBe(path);
    }
  });

  it('publishes its OpenAPI document and the data package JSON Schema', async () => {
    const openapi = await call('/api/openapi.json');
    expect(openapi.body.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/agreements', '/api/commitments/{id}', '/api/packages', '/api/schema']));
    const schema = await call('/api/schema');
    expect(schema.body.properties.format.const).toBe('compact/1');
  });

  it('answers unknown endpoints with a JSON 404 and sends security headers', async () => {
    const missing = await call('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    expect(missing.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
