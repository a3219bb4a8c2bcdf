// Query parameters are outside input too: random values on every read endpoint that takes them
// get an answer or a 4xx naming the parameter, never a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './serve.js';
import { openShippedServer } from './test-server.js';
import { testBackends } from '@compact/store/testing';

const ENDPOINTS = [
  ['/api/agreements', ['asOf', 'kind', 'counted']],
  ['/api/commitments', ['agreementId', 'provider', 'coalitionId']],
  ['/api/analysis', ['asOf', 'currency', 'natoAccession']],
  ['/api/analysis', ['rules', 'fragmentationThreshold', 'concentrationThreshold', 'gapCriticalBelow', 'gapHighBelow']],
  ['/api/delivery', ['asOf', 'currency', 'by']],
  ['/api/delivery/ledger', ['asOf', 'currency', 'provider']],
  ['/api/implementation', ['asOf', 'currency']],
  ['/api/coalitions/drone/roadmap', ['asOf', 'currency']],
  ['/api/compare', ['a', 'b']],
  ['/api/crisis/requests', ['eventId', 'state']],
] as const;

describe.each(testBackends.slice(0, 1))('query parameters on $name', (backend) => {
  let server: RunningServer;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ server, close } = await openShippedServer(backend));
  });
  afterAll(() => close());

  it('never answer a random query value with a server error', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('2024-02-30', '2024-02-20', '9999-12-31', 'EUR', 'eur', 'XXX', 'provider,year', 'year,,', '%00', '../', "' or 1=1 --", '1e400', '-1', '0.5', '4', 'GAP,FRAGMENTATION'),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ENDPOINTS), value, async ([path, names], raw) => {
        const query = new URLSearchParams(names.map((name) => [name, raw]));
        const response = await fetch(`${server.url}${path}?${query}`, { headers: { 'x-compact-viewer': 'coordinator' } });
        const body = await response.text();
        expect(response.status, `${path}?${query} → ${response.status} ${body.slice(0, 200)}`).toBeLessThan(500);
        if (response.status >= 400) expect(JSON.parse(body)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      }),
      { numRuns: 150, seed: 3 },
    );
  });
});
