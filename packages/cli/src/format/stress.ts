// Pure formatters of a stress result: JSON as it is, or plain-text tables for a terminal.
import type { StressResult, StressSide } from '@compact/core';
import { groupDigits, textTable } from './text-table.js';

export type StressFormat = 'json' | 'table';
export const STRESS_FORMATS: readonly StressFormat[] = ['json', 'table'];

const percent = (value: number) => `${(100 * value).toFixed(1)} %`;

function cellTable(side: StressSide): string {
  const rows = side.cells.map((cell) => [
    cell.capabilityArea,
    String(cell.year),
    cell.priority,
    groupDigits(cell.required),
    percent(cell.certainCoverage),
    percent(cell.mean),
    percent(cell.p5),
    percent(cell.p50),
    percent(cell.p95),
    percent(cell.probabilityAtLeastThreshold),
    groupDigits(String(cell.expectedShortfall)),
  ]);
  return textTable(['area', 'year', 'priority', 'required', 'promised', 'mean', 'p5 (at risk)', 'p50', 'p95', 'P(≥ threshold)', 'expected shortfall'], rows, new Set([3, 4, 5, 6, 7, 8, 9, 10]));
}

function sideText(title: string, side: StressSide): string {
  const d = side.deterrence;
  const lines = [
    `${title}`,
    '',
    cellTable(side),
    '',
    `Every critical cell (${side.network.criticalCells}) at or above the threshold: ${percent(side.network.probabilityAllCritical)}` +
      (side.network.byYear.length > 0 ? ` (by year: ${side.network.byYear.map((y) => `${y.year} ${percent(y.probability)}`).join(', ')})` : ''),
    '',
    `Deterrence index ${d.index.toFixed(3)} = ${d.weights.denial} × denial ${d.denial.score.toFixed(3)} + ${d.weights.punishment} × punishment ${d.punishment.score.toFixed(3)} (weights normalised)`,
    `  denial: requirement-weighted expected coverage (capped at 100 %) ${percent(d.denial.expectedCoverage)}`,
    `  punishment: breadth ${d.punishment.breadth.toFixed(3)} (${d.punishment.guarantors} of ${d.punishment.potentialGuarantors} partners), speed ${d.punishment.speed.toFixed(3)}, bindingness ${d.punishment.bindingness.toFixed(3)}, sanctions ${d.punishment.sanctions.toFixed(3)}`,
  ];
  if (side.criticality && side.criticality.length > 0) {
    lines.push('', 'What matters most (change in the expected number of cells meeting the threshold):');
    const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;
    lines.push(
      textTable(
        ['rank', 'kind', 'id', 'removed', 'made certain', 'network removed', 'network certain'],
        side.criticality.slice(0, 15).map((e) => [String(e.rank), e.kind, e.id, signed(e.removed), signed(e.certain), signed(e.networkRemoved), signed(e.networkCertain)]),
        new Set([0, 3, 4, 5, 6]),
      ),
    );
  }
  return lines.join('\n');
}

export function formatStress(result: StressResult, format: StressFormat): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const m = result.model;
  const head = [
    `Stress test as of ${m.asOf}: ${groupDigits(String(m.trials))} trials, seed ${m.seed}, threshold ${percent(m.threshold)}, amounts in ${m.currency}`,
    `Base rate ${m.baseRate} (${m.prior}); copula loadings global ${m.correlation.global}, partner ${m.correlation.partner}`,
    '',
  ].join('\n');
  const parts = [head, sideText('Baseline', result.baseline)];
  if (result.scenario && result.comparison) {
    parts.push('', sideText(`Scenario: ${result.scenario.name}`, result.scenario));
    parts.push(
      '',
      'Side by side (same random numbers):',
      textTable(
        ['area', 'year', 'mean (base)', 'mean (scenario)', 'P (base)', 'P (scenario)'],
        result.comparison.cells.map((c) => [c.capabilityArea, String(c.year), percent(c.baselineMean), percent(c.scenarioMean), percent(c.baselineProbability), percent(c.scenarioProbability)]),
        new Set([2, 3, 4, 5]),
      ),
      `Network: ${percent(result.comparison.networkBaseline)} → ${percent(result.comparison.networkScenario)}; deterrence index ${result.comparison.deterrenceBaseline.toFixed(3)} → ${result.comparison.deterrenceScenario.toFixed(3)}`,
    );
  }
  return `${parts.join('\n')}\n`;
}

/** `[#########-----------]  45 %  45,000 / 100,000 trials` */
export function progressBar(done: number, total: number, width = 30): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)} %  ${groupDigits(String(done))} / ${groupDigits(String(total))} trials`;
}
