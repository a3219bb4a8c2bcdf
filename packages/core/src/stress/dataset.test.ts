// The stress model on the shipped dataset: at certain, on-time delivery its coverage is the
// analysis engine's committed coverage to the cent, because both read the same contributions.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/engine.js';
import { DataPackage } from '../schema/package.js';
import { runStress } from './run.js';

const shipped = DataPackage.parse(JSON.parse(readFileSync(fileURLToPath(new URL('../../../../data/compact.json', import.meta.url)), 'utf8')));
const asOf = shipped.asOf ?? '2025-11-30';

describe('stress test of the shipped dataset', () => {
  const analysis = analyze(shipped, { asOf });
  const everyone = shipped.partners.map((partner) => ({ partner: partner.code, probability: 1 }));

  for (const includeAtRisk of [false, true]) {
    it(`at certain delivery equals the analysis's committed coverage (includeAtRisk: ${includeAtRisk})`, () => {
      const result = runStress(shipped, { asOf, trials: 200, seed: 1, overrides: everyone, outcomes: { lateShare: 0 }, includeAtRisk });
      const rows = analysis.coverage.filter((row) => row.measure === 'money' && row.capabilityArea !== null && row.required !== null && Number(row.required) > 0);
      expect(result.baseline.cells.length).toBe(rows.length);
      let reached = 0;
      for (const row of rows) {
        const cell = result.baseline.cells.find((c) => c.capabilityArea === row.capabilityArea && c.year === row.year && c.beneficiary === row.beneficiary);
        expect(cell?.required).toBe(row.required);
        const expected = includeAtRisk ? (Number(row.committed) + Number(row.committedAtRisk)).toFixed(2) : Number(row.committed).toFixed(2);
        expect(Number(cell?.certain).toFixed(2)).toBe(expected);
        if (!includeAtRisk) expect(cell?.certain).toBe(row.committed);
        const ratio = Number(expected) / Number(row.required);
        expect(cell?.certainCoverage).toBeCloseTo(ratio, 6);
        expect(cell?.mean).toBeCloseTo(ratio, 6);
        expect(cell?.p5).toBeCloseTo(ratio, 6);
        if (Number(row.committed) > 0) reached++;
      }
      // The dataset does put money into some requirement cells, so the comparison is not all zeros.
      expect(reached).toBeGreaterThan(0);
    });
  }

  it('runs with the defaults and names the partners that matter', () => {
    const result = runStress(shipped, { asOf, trials: 2000, seed: 9 });
    expect(result.model.baseRate).toBe(0.745);
    expect(result.baseline.network.criticalCells).toBeGreaterThan(0);
    expect(result.baseline.criticality?.length).toBeGreaterThan(0);
    expect(result.baseline.deterrence.punishment.guarantors).toBeGreaterThan(0);
    for (const cell of result.baseline.cells) {
      expect(cell.p5).toBeLessThanOrEqual(cell.p50);
      expect(cell.p50).toBeLessThanOrEqual(cell.p95);
    }
  });
});
