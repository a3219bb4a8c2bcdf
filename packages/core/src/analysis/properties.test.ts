import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, formatScaled, parseScaled } from '../money/decimal.js';
import { RateTable } from '../money/exchange-rates.js';
import type { Commitment } from '../schema/entities.js';
import type { DataPackage } from '../schema/package.js';
import { Converter } from './convert.js';
import { dayNumber, daysInYear, isIsoDate, spanOf } from './dates.js';
import { analyze } from './engine.js';
import { spread } from './spread.js';
import { formatMinor } from './format.js';
import { AS_OF } from './test-fixtures.js';
import { randomCommitment, randomPackage, seeded, type Random } from './test-random.js';
import type { AnalysisResult } from './types.js';

const options = { asOf: AS_OF, natoAccession: '2026-07-01' };

/** committed and at-risk amounts per cell, exactly (thousandths cover money and quantities). */
function cells(result: AnalysisResult): Map<string, { committed: bigint; atRisk: bigint; required: string | null }> {
  const out = new Map<string, { committed: bigint; atRisk: bigint; required: string | null }>();
  for (const row of result.coverage) {
    out.set([row.beneficiary, row.capabilityArea, row.year, row.measure, row.unit, row.item].join('|'), {
      committed: parseScaled(row.committed, 3),
      atRisk: parseScaled(row.committedAtRisk, 3),
      required: row.required,
    });
  }
  return out;
}

function shuffle<T>(next: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The commitment and everything restating it, directly or not. */
function below(pkg: DataPackage, id: string): Set<string> {
  const found = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of pkg.commitments) {
      if (c.countsAs && found.has(c.countsAs) && !found.has(c.id)) {
        found.add(c.id);
        grew = true;
      }
    }
  }
  return found;
}

const seedArb = fc.integer({ min: 1, max: 2 ** 31 - 1 });

describe('analysis properties', () => {
  it('adding a commitment never lowers coverage', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const next = seeded(seed);
        const pkg = randomPackage(next, 25);
        const added: Commitment = { ...randomCommitment(next, 'test-added', []), countsAs: null };
        const before = cells(analyze(pkg, options));
        const after = cells(analyze({ ...pkg, commitments: [...pkg.commitments, added] }, options));
        for (const [key, cell] of before) {
          const now = after.get(key);
          expect(now, key).toBeDefined();
          expect(now && now.committed >= cell.committed && now.atRisk >= cell.atRisk, key).toBe(true);
          expect(now?.required, key).toBe(cell.required);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a countsAs link never raises coverage', () => {
    fc.assert(
      fc.property(seedArb, fc.nat(), fc.nat(), (seed, a, b) => {
        const next = seeded(seed);
        const pkg = randomPackage(next, 25);
        const roots = pkg.commitments.filter((c) => !c.countsAs);
        const child = roots[a % roots.length];
        if (!child) return;
        const candidates = pkg.commitments.filter((c) => !below(pkg, child.id).has(c.id));
        const parent = candidates[b % Math.max(1, candidates.length)];
        if (!parent) return;
        const linked = { ...pkg, commitments: pkg.commitments.map((c) => (c.id === child.id ? { ...c, countsAs: parent.id } : c)) };
        const before = cells(analyze(pkg, options));
        const after = cells(analyze(linked, options));
        for (const [key, cell] of after) {
          const was = before.get(key);
          expect(was, key).toBeDefined();
          expect(was && cell.committed <= was.committed && cell.atRisk <= was.atRisk, key).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const next = seeded(seed);
        const pkg = randomPackage(next, 30);
        const shuffled: DataPackage = {
          ...pkg,
          agreements: shuffle(next, pkg.agreements),
          clauses: shuffle(next, pkg.clauses),
          commitments: shuffle(next, pkg.commitments),
          coalitions: shuffle(next, pkg.coalitions),
          requirements: shuffle(next, pkg.requirements),
          flows: shuffle(next, pkg.flows),
          exchangeRates: shuffle(next, pkg.exchangeRates),
          partners: shuffle(next, pkg.partners),
        };
        expect(JSON.stringify(analyze(shuffled, options))).toBe(JSON.stringify(analyze(pkg, options)));
      }),
      { numRuns: 40 },
    );
  });
});

describe('currencies and numbers', () => {
  it('spreads by days in doubles exactly as in bigints', () => {
    // The engine splits in doubles when the products fit; this is the bigint split it replaces.
    const reference = (minor: bigint, from: string, to: string): bigint[] => {
      const span = spanOf(from, to);
      const total = BigInt(span.to - span.from + 1);
      const out: bigint[] = [];
      let days = 0;
      let previous = 0n;
      for (let year = span.fromYear; year <= span.toYear; year++) {
        days += daysInYear(span, year);
        const cumulative = divideRounded(minor * BigInt(days), total);
        out.push(cumulative - previous);
        previous = cumulative;
      }
      return out;
    };
    const day = fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2060-12-31') }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    const amount = fc.oneof(fc.bigInt({ min: 0n, max: 10_000n }), fc.bigInt({ min: 0n, max: 2n ** 53n }), fc.bigInt({ min: 0n, max: 10n ** 20n }));
    fc.assert(
      fc.property(amount, day, day, (minor, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(spread(minor, spanOf(from, to), false)).toEqual(reference(minor, from, to));
      }),
      { numRuns: 2000 },
    );
    // Exact ties (half a minor unit) round to even, as divideRounded does.
    for (const minor of [1n, 3n, 5n, 365n, 367n, 2n ** 40n + 1n]) {
      expect(spread(minor, spanOf('2023-07-02', '2024-07-01'), false)).toEqual(reference(minor, '2023-07-02', '2024-07-01'));
    }
  });

  const table = RateTable.withBuiltIn();
  const currencies = [...new Set(RateTable.builtIn().map((rate) => rate.currency))];
  const years = [2022, 2023, 2024, 2025];

  it('converts exactly as core’s RateTable does', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom('EUR', ...currencies), fc.constantFrom('EUR', ...currencies), fc.constantFrom(...years), (minor, from, to, year) => {
        const expected = table.convert({ minor, currency: from }, to, year).minor;
        expect(new Converter(table, to).convert(minor, from, year)).toBe(expected);
      }),
    );
  });

  it('converts euros to any currency and back within one minor unit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom(...currencies), fc.constantFrom(...years), (minor, currency, year) => {
        const there = new Converter(table, currency).convert(minor, 'EUR', year);
        if (there === null) return;
        const back = new Converter(table, 'EUR').convert(there, currency, year);
        expect(back).not.toBeNull();
        const difference = (back ?? 0n) - minor;
        expect(difference >= -1n && difference <= 1n).toBe(true);
      }),
    );
  });

  it('converts any currency whose minor unit is worth at least half a euro cent to euros and back within one minor unit', () => {
    // Through a coarser unit the round trip can lose more: 1 SEK öre is worth about 0.09 cents.
    // With v euro cents per minor unit, the way there is off by at most half a cent, which is 0.5 / v
    // units on the way back, plus half a unit of rounding: below 1.5 units, so at most 1, when v ≥ 0.5.
    const half = (currency: string, year: number) => {
      const cents = new Converter(table, 'EUR').convert(1_000_000n, currency, year);
      return cents !== null && cents >= 500_000n;
    };
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom(...currencies), fc.constantFrom(...years), (minor, currency, year) => {
        const toEur = new Converter(table, 'EUR').convert(minor, currency, year);
        if (toEur === null || !half(currency, year)) return;
        const back = new Converter(table, currency).convert(toEur, 'EUR', year);
        const difference = (back ?? 0n) - minor;
        expect(difference >= -1n && difference <= 1n, `${currency} ${year} ${minor}`).toBe(true);
      }),
    );
  });

  it('formats minor units as core’s formatScaled does', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 4 }), (value, scale) => {
        expect(formatMinor(value, scale)).toBe(formatScaled(value, scale));
      }),
    );
  });

  it('counts days as the calendar does', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(dayNumber(iso)).toBe(Math.floor(date.getTime() / 86_400_000));
        expect(isIsoDate(iso)).toBe(true);
      }),
    );
    expect(['2024-02-29', '2023-02-29', '2025-13-01', '2025-04-31', '2025-4-01'].map(isIsoDate)).toEqual([true, false, false, false, false]);
  });
});
