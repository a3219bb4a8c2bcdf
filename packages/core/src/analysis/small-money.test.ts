// The one-shot run adds money in doubles where that is exact and settles into bigints once (see
// `EngineCell` in engine.ts); the editable engine adds bigints throughout. Both must agree to the
// cent, including where amounts or running sums pass 2^53 and the fast path hands over to bigints.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataPackage } from '../schema/package.js';
import { analyze, coverageContributions, createAnalysis } from './engine.js';
import { AS_OF, agreement, build, coalition, commitment, requirement } from './test-fixtures.js';
import { randomPackage, seeded } from './test-random.js';
import type { AnalysisInput, AnalysisOptions } from './types.js';

function same(input: AnalysisInput, options: AnalysisOptions): void {
  const fast = analyze(input, options);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(createAnalysis(input, options).result()));
  // The committed coverage of each cell is the sum of the (bigint) contributions.
  const sums = new Map<string, bigint>();
  for (const c of coverageContributions(input, options).contributions) {
    if (c.bucket !== 'committed') continue;
    const key = `${c.beneficiary}|${c.capabilityArea ?? ''}|${c.year}`;
    sums.set(key, (sums.get(key) ?? 0n) + c.amount);
  }
  const scale = options.currency === 'JPY' ? 0 : 2;
  for (const row of fast.coverage) {
    if (row.measure !== 'money') continue;
    const sum = sums.get(`${row.beneficiary}|${row.capabilityArea ?? ''}|${row.year}`) ?? 0n;
    const [whole = '0', fraction = ''] = row.committed.split('.');
    expect(BigInt(whole + fraction.padEnd(scale, '0'))).toBe(sum);
  }
}

describe('one-shot money in doubles', () => {
  it('equals the bigint engine on the shipped dataset', () => {
    const shipped = DataPackage.parse(JSON.parse(readFileSync(new URL('../../../../data/compact.json', import.meta.url), 'utf8')));
    for (const asOf of ['2024-02-20', '2025-11-30']) {
      for (const currency of ['EUR', 'USD', 'JPY']) same(shipped, { asOf, currency });
      same(shipped, { asOf, natoAccession: '2027-01-01' });
    }
  });

  it('equals the bigint engine on random packages', () => {
    for (let seed = 1; seed <= 20; seed++) same(randomPackage(seeded(seed), 60), { asOf: AS_OF, currency: seed % 3 === 0 ? 'GBP' : 'EUR' });
  });

  it('hands over to bigints where amounts or sums pass 2^53', () => {
    // EUR 40 trillion is 4e15 cents, a safe integer; three of them in one cell, or one provider's
    // slot, pass 2^53 − 1 (about 9.007e15). EUR 100 trillion (1e16 cents) is not safe at all.
    const amounts = ['40000000000000', '40000000000000', '40000000000000', '100000000000000', '45035996273704.96', '1', '0.01'];
    const commitments = amounts.flatMap((amount, i) => [
      commitment(`test-c${i}`, 'XA', 'test-a', { money: { amount, currency: 'EUR' }, period: { from: '2025-01-01', to: '2026-06-30' } }),
      commitment(`test-d${i}`, i % 2 ? 'XA' : 'XB', 'test-b', { money: { amount, currency: 'USD', perYear: i % 3 === 0 }, period: { from: '2025-03-01', to: '2025-12-31' } }),
      commitment(`test-e${i}`, 'XB', 'test-b', { money: { amount, currency: 'EUR' }, firmness: 'conditional' }),
      // One provider's slot passes 2^53 in 2025 (its ending part too) and 2026 (its starting part).
      commitment(`test-f${i}`, 'XC', null, { coalitionId: 'test-k', money: { amount, currency: 'EUR' } }),
      commitment(`test-g${i}`, 'XC', null, { coalitionId: 'test-k', money: { amount, currency: 'EUR' }, period: { from: '2026-01-01', to: '2026-12-31' } }),
    ]);
    const pkg = build({
      agreements: [agreement('test-a', 'XA'), agreement('test-b', 'XB')],
      coalitions: [coalition('test-k', ['air-defence'], ['XC'])],
      commitments,
      requirements: [requirement('test-r', 'air-defence', 2025, '90071992547409.93')],
      exchangeRates: [
        { currency: 'USD', year: 2025, unitsPerEur: '1.0833', source: 'test rate (fictional)' },
        { currency: 'USD', year: 2026, unitsPerEur: '1.1', source: 'test rate (fictional)' },
      ],
    });
    same(pkg, { asOf: AS_OF });
    same(pkg, { asOf: AS_OF, currency: 'USD' });
    const row = analyze(pkg, { asOf: AS_OF }).coverage.find((r) => r.capabilityArea === 'air-defence' && r.year === 2025 && r.measure === 'money');
    expect(row && BigInt(row.committed.split('.')[0] ?? '0') > 2n ** 53n / 100n).toBe(true);
  });
});
