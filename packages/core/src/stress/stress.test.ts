// The stress model against closed-form cases, with fixed seeds and tolerances of five standard
// errors of the estimate for the number of trials (a correct model fails such a check with
// probability below 1e-6; with fixed seeds the outcome is the same on every run).
import { describe, expect, it } from 'vitest';
import { CompactError } from '../errors.js';
import { agreement, AS_OF, build, commitment, coalition, requirement } from '../analysis/test-fixtures.js';
import { normalCdf, normalQuantile, trialState, uniformAt } from './random.js';
import { runStress, type StressResult } from './run.js';
import type { StressSettingsInput } from './scenario.js';

const TRIALS = 20_000;

function binomialPmf(n: number, k: number, p: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c * p ** k * (1 - p) ** (n - k);
}

/** N equal commitments of 100 each (total = requirement) in one cell, all with probability p. */
function equalCommitments(n: number) {
  const agreements = Array.from({ length: n }, (_, i) => agreement(`test-a${i}`, ['XA', 'XB', 'XC', 'XD', 'XE'][i % 5] as string));
  const commitments = Array.from({ length: n }, (_, i) => commitment(`test-c${i}`, ['XA', 'XB', 'XC', 'XD', 'XE'][i % 5] as string, `test-a${i}`));
  return build({ agreements, commitments, requirements: [requirement('test-r', 'air-defence', 2025, String(100 * n), { priority: 'critical' })] });
}

/** Only "on time, in full" or "withdrawn": a Bernoulli delivery per commitment. */
function bernoulli(p: number, correlation: { global: number; partner: number }, extra: Partial<StressSettingsInput> = {}): StressSettingsInput {
  return {
    asOf: AS_OF,
    trials: TRIALS,
    seed: 11,
    correlation,
    outcomes: { lateShare: 0, partialShare: 0 },
    overrides: ['XA', 'XB', 'XC', 'XD', 'XE'].map((partner) => ({ partner, probability: p })),
    ...extra,
  };
}

function cell(result: StressResult, area = 'air-defence', year = 2025) {
  const found = result.baseline.cells.find((c) => c.capabilityArea === area && c.year === year);
  if (!found) throw new Error(`no cell ${area} ${year}`);
  return found;
}

const fiveSe = (p: number, trials = TRIALS) => 5 * Math.sqrt((p * (1 - p)) / trials) + 1e-9;

describe('random numbers', () => {
  it('are uniform on (0, 1) and depend only on seed, trial, key and draw', () => {
    let sum = 0;
    let squares = 0;
    let outside = 0;
    const n = 200_000;
    for (let t = 0; t < n; t++) {
      const u = uniformAt(trialState(5, t), 1234, 0);
      if (!(u > 0 && u < 1)) outside++;
      sum += u;
      squares += u * u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(squares / n - 1 / 3)).toBeLessThan(0.002);
    expect(uniformAt(trialState(5, 99), 7, 1)).toBe(uniformAt(trialState(5, 99), 7, 1));
    expect(uniformAt(trialState(5, 99), 7, 1)).not.toBe(uniformAt(trialState(6, 99), 7, 1));
  });

  it('inverts the normal distribution', () => {
    for (const p of [1e-6, 0.01, 0.02425, 0.1, 0.5, 0.8, 0.975, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  });
});

describe('closed-form cases', () => {
  it('independent Bernoulli deliveries give binomial coverage', () => {
    const n = 10;
    const p = 0.7;
    const result = runStress(equalCommitments(n), bernoulli(p, { global: 0, partner: 0 }));
    const stats = cell(result);
    expect(stats.certainCoverage).toBe(1);
    // Mean coverage K/n has variance p(1−p)/(n·trials).
    expect(Math.abs(stats.mean - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n / TRIALS));
    // P(coverage ≥ 0.8) = P(K ≥ 8).
    let atLeast8 = 0;
    for (let k = 8; k <= n; k++) atLeast8 += binomialPmf(n, k, p);
    expect(Math.abs(stats.probabilityAtLeastThreshold - atLeast8)).toBeLessThan(fiveSe(atLeast8));
    // The binomial median is 7 of 10, and every percentile is a multiple of 1/n.
    expect(stats.p50).toBeCloseTo(0.7, 10);
    for (const value of stats.fan) expect(Math.abs(value * n - Math.round(value * n))).toBeLessThan(1e-9);
    // Coverage-at-risk is the 5th percentile: P(K ≤ 4) = 0.047, P(K ≤ 5) = 0.150, so K = 5.
    expect(stats.coverageAtRisk).toBeCloseTo(0.5, 10);
  });

  it('a copula with zero loading reproduces independence', () => {
    const p = 0.6;
    // Two commitments of different partners in two different cells.
    const pkg = build({
      agreements: [agreement('test-a', 'XA'), agreement('test-b', 'XB')],
      commitments: [commitment('test-ca', 'XA', 'test-a'), commitment('test-cb', 'XB', 'test-b', { capabilityArea: 'artillery' })],
      requirements: [requirement('test-r1', 'air-defence', 2025, '100', { priority: 'critical' }), requirement('test-r2', 'artillery', 2025, '100', { priority: 'critical' })],
    });
    const result = runStress(pkg, bernoulli(p, { global: 0, partner: 0 }));
    expect(Math.abs(cell(result).probabilityAtLeastThreshold - p)).toBeLessThan(fiveSe(p));
    // Both critical cells met: p² when independent.
    expect(Math.abs(result.baseline.network.probabilityAllCritical - p * p)).toBeLessThan(fiveSe(p * p));
  });

  it('a loading near 1 makes outcomes move together', () => {
    const p = 0.6;
    const pkg = build({
      agreements: [agreement('test-a', 'XA'), agreement('test-b', 'XB')],
      commitments: [commitment('test-ca', 'XA', 'test-a'), commitment('test-cb', 'XB', 'test-b', { capabilityArea: 'artillery' })],
      requirements: [requirement('test-r1', 'air-defence', 2025, '100', { priority: 'critical' }), requirement('test-r2', 'artillery', 2025, '100', { priority: 'critical' })],
    });
    const result = runStress(pkg, bernoulli(p, { global: 0.999, partner: 0 }));
    // Latent correlation 0.998: P(both) is close to P(one) = p, far above p² = 0.36.
    expect(result.baseline.network.probabilityAllCritical).toBeGreaterThan(p - 0.03);
    expect(result.baseline.network.probabilityAllCritical).toBeLessThanOrEqual(p + fiveSe(p));
    // The same partner's commitments share its factor too.
    const same = runStress(pkg, bernoulli(p, { global: 0, partner: 0.999 }));
    expect(Math.abs(same.baseline.network.probabilityAllCritical - p * p)).toBeLessThan(fiveSe(p * p));
  });

  it('is the same whether the trials run in one block or several', () => {
    const pkg = equalCommitments(6);
    const settings: StressSettingsInput = { asOf: AS_OF, trials: 3001, seed: 3 };
    const one = runStress(pkg, settings, { name: 'delay', changes: [{ type: 'delay-partner', partner: 'XA', months: 6 }] });
    const three = runStress(pkg, settings, { name: 'delay', changes: [{ type: 'delay-partner', partner: 'XA', months: 6 }] }, { blocks: 7 });
    expect(three).toEqual(one);
    const other = runStress(pkg, { ...settings, seed: 4 });
    expect(other.baseline.cells).not.toEqual(one.baseline.cells);
  });
});

describe('outcomes and scenarios', () => {
  const pkg = build({
    agreements: [agreement('test-a', 'XA', { onNatoAccession: 'ends' }), agreement('test-b', 'XB')],
    commitments: [
      commitment('test-ca', 'XA', 'test-a', { money: { amount: '600', currency: 'EUR' } }),
      commitment('test-cb', 'XB', 'test-b', { money: { amount: '400', currency: 'EUR' } }),
    ],
    coalitions: [coalition('test-air', ['air-defence'], ['XA'])],
    requirements: [requirement('test-r25', 'air-defence', 2025, '1000', { priority: 'critical' }), requirement('test-r26', 'air-defence', 2026, '1000', { priority: 'critical' })],
  });
  const certain: StressSettingsInput = { asOf: AS_OF, trials: 2000, seed: 1, overrides: [{ partner: 'XA', probability: 1 }, { partner: 'XB', probability: 1 }], outcomes: { lateShare: 0 } };

  it('at certain delivery gives the committed coverage', () => {
    const result = runStress(pkg, certain);
    expect(cell(result).certain).toBe('1000');
    expect(cell(result).mean).toBe(1);
    expect(cell(result).probabilityAtLeastThreshold).toBe(1);
    expect(result.baseline.network.byYear).toEqual([
      { year: 2025, probability: 1 },
      { year: 2026, probability: 0 },
    ]);
  });

  it('delays move money into the next year; removal and NATO accession take it out', () => {
    const result = runStress(pkg, certain, {
      name: 'what-if',
      shocks: [{ type: 'funding-hold', partner: 'XA', months: 6 }],
    });
    const side = result.scenario;
    expect(side?.cells.find((c) => c.year === 2025)?.mean).toBeCloseTo(0.7, 10); // 400 + 600 × 6/12
    expect(side?.cells.find((c) => c.year === 2026)?.mean).toBeCloseTo(0.3, 10);
    expect(result.comparison?.cells[0]?.baselineMean).toBe(1);

    const removed = runStress(pkg, certain, { changes: [{ type: 'remove-partner', partner: 'XB' }] });
    expect(removed.scenario?.cells.find((c) => c.year === 2025)?.mean).toBeCloseTo(0.6, 10);
    expect(removed.scenario?.deterrence.punishment.guarantors).toBe(1);

    const nato = runStress(pkg, certain, { changes: [{ type: 'nato-accession', date: '2025-07-01' }] });
    // XA's agreement ends on accession: its 2025 money after 1 July (184 of 365 days) is lost, in cents.
    const lostCents = Math.round((60_000 * 184) / 365);
    expect(nato.scenario?.cells.find((c) => c.year === 2025)?.certain).toBe(((100_000 - lostCents) / 100).toFixed(2));
  });

  it('adds a pledge and withdraws a coalition lead', () => {
    const added = runStress(pkg, certain, {
      changes: [{ type: 'add-pledge', partner: 'XC', capabilityArea: 'air-defence', amount: '1000', from: '2026-01-01', to: '2026-12-31' }],
      shocks: [{ type: 'coalition-lead-withdraws', coalitionId: 'test-air' }],
    });
    const side = added.scenario;
    // XA (the lead) withdraws; XB holds (its override wins over the contagion shift); XC's pledge has the model's probability.
    expect(side?.cells.find((c) => c.year === 2025)?.mean).toBeCloseTo(0.4, 10);
    const pledge = side?.commitments.find((c) => c.provider === 'XC');
    expect(pledge?.probability).toBeGreaterThan(0.5);
    expect(side?.commitments.find((c) => c.provider === 'XA')?.probability).toBe(0);
    expect(() => runStress(pkg, certain, { shocks: [{ type: 'coalition-lead-withdraws', coalitionId: 'test-nope' }] })).toThrow(CompactError);
  });

  it('ranks partners and commitments by their contribution to risk on the same draws', () => {
    const result = runStress(pkg, { asOf: AS_OF, trials: 5000, seed: 2 });
    const ranking = result.baseline.criticality ?? [];
    expect(ranking.map((e) => e.rank)).toEqual(ranking.map((_, i) => i + 1));
    const xa = ranking.find((e) => e.kind === 'partner' && e.id === 'XA');
    // Without XA the 2025 cell cannot reach 80 %; made certain, it makes it likelier.
    expect(xa?.removed).toBeLessThan(0);
    expect(xa?.certain).toBeGreaterThan(0);
    expect(xa?.networkRemoved).toBeLessThanOrEqual(0);
    // The bigger partner ranks above the smaller one.
    expect(ranking.findIndex((e) => e.id === 'XA')).toBeLessThan(ranking.findIndex((e) => e.id === 'XB'));
  });

  it('shows the deterrence index with its parts and the user weights', () => {
    const result = runStress(pkg, { ...certain, weights: { denial: 1, punishment: 0 } });
    const d = result.baseline.deterrence;
    expect(d.index).toBe(d.denial.score);
    expect(d.denial.score).toBeCloseTo(0.5, 4); // 2025 fully covered, 2026 not at all, equal requirements
    expect(d.punishment.guarantors).toBe(2);
    expect(d.punishment.speed).toBe(1); // both consult within 24 hours
    expect(d.punishment.bindingness).toBe(0);
  });

  it('refuses bad settings with the catalogue error', () => {
    expect(() => runStress(pkg, { asOf: AS_OF, trials: 0 })).toThrow(CompactError);
    expect(() => runStress(pkg, { asOf: AS_OF, correlation: { global: 0.9, partner: 0.9 } })).toThrow(/global² \+ partner²/);
  });
});
