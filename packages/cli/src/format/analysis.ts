import type { AnalysisResult, CoverageRow, Finding } from '@compact/core';
import { groupDigits, markdownTable, textTable } from './text-table.js';

export type AnalysisFormat = 'json' | 'table' | 'markdown';

const COVERAGE_HEADERS = ['beneficiary', 'area', 'year', 'required', 'committed', 'at risk', 'delivered', 'ratio', 'providers'];
const NUMERIC = new Set([2, 3, 4, 5, 6, 7]);

function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(1)} %`;
}

function coverageCells(row: CoverageRow): string[] {
  const unit = row.measure === 'quantity' ? ` ${row.item ?? row.unit ?? 'units'}` : '';
  const providers = row.providers
    .slice(0, 3)
    .map((provider) => `${provider.partner} ${(provider.share * 100).toFixed(0)}%`)
    .join(', ');
  return [
    row.beneficiary,
    row.capabilityArea ?? '(unassigned)',
    String(row.year),
    row.required === null ? '—' : `${groupDigits(row.required)}${unit}`,
    `${groupDigits(row.committed)}${unit}`,
    groupDigits(row.committedAtRisk),
    groupDigits(row.delivered),
    percent(row.ratio),
    row.providers.length > 3 ? `${providers}, +${row.providers.length - 3}` : providers,
  ];
}

function clauseList(finding: Finding): string {
  return finding.clauses.map((clause) => `${clause.agreementId} ${clause.ref}`).join('; ');
}

/** Pure output formatters for `compact analyze`: the result is computed once, then shown. */
export function formatAnalysis(result: AnalysisResult, format: AnalysisFormat): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const header = `Coordination analysis as of ${result.asOf} (amounts in ${result.currency})${result.natoAccession ? `, NATO accession assumed ${result.natoAccession}` : ''}`;
  const counts = countBySeverity(result.findings);
  if (format === 'table') {
    const findings = textTable(
      ['severity', 'code', 'finding'],
      result.findings.map((finding) => [finding.severity, finding.code, finding.message]),
    );
    return [header, '', textTable(COVERAGE_HEADERS, result.coverage.map(coverageCells), NUMERIC), '', `Findings: ${counts}`, findings, ''].join('\n');
  }
  const findings = result.findings.map((finding) => {
    const clauses = clauseList(finding);
    return [`- **${finding.severity} · ${finding.code}** — ${finding.message}`, clauses ? `  - clauses: ${clauses}` : '', `  - remedy: ${finding.remedy}`]
      .filter(Boolean)
      .join('\n');
  });
  return [`# ${header}`, '', '## Coverage', '', markdownTable(COVERAGE_HEADERS, result.coverage.map(coverageCells), NUMERIC), '', `## Findings (${counts})`, '', ...findings, ''].join('\n');
}

function countBySeverity(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
  return [...counts].map(([severity, n]) => `${n} ${severity}`).join(', ') || 'none';
}
