// The import-kiel summary for people: what was read, what became flows, what was left out and why.
import type { KielImport } from '@compact/exchange';

/** "1234567.5" → "1,234,567.5". */
export function groupThousands(value: string): string {
  const [whole = '', fraction] = value.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

export interface KielWritten {
  readonly created: number;
  readonly updated: number;
  /** Partners whose GDP figures changed. */
  readonly gdpPartners: number;
}

const LAYOUT_NAMES = { 'country-month': 'country-by-month export', main: 'main data sheet' } as const;
const SHOWN = 5;

function plural(n: number, word: string): string {
  return `${groupThousands(String(n))} ${word}${n === 1 ? '' : 's'}`;
}

export function formatKielSummary(file: string, result: KielImport, written: KielWritten | null): string {
  const { summary } = result;
  const lines: string[] = [];
  const where = result.sheet ? `sheet "${result.sheet}", header in row ${result.headerRow}` : `header in row ${result.headerRow}`;
  lines.push(`${file}: Kiel tracker ${LAYOUT_NAMES[result.layout]} (${where}), ${plural(summary.rows, 'row')}`);
  const stages = (['pledge', 'allocated'] as const)
    .map((stage) => `${groupThousands(String(summary.byStage[stage].flows))} ${stage === 'pledge' ? 'pledges' : 'allocations'} (EUR ${groupThousands(summary.byStage[stage].eur)})`)
    .join(', ');
  lines.push(`mapped: ${plural(summary.mapped, 'row')} → ${plural(summary.flows, 'flow')}: ${stages}; stages are totalled apart, never added`);
  if (result.layout === 'main') lines.push(`linked: ${plural(summary.restating, 'allocation')} restate${summary.restating === 1 ? 's' : ''} a commitment of the file (restatesFlowId)`);
  if (result.gdp.length > 0) lines.push(`GDP: ${plural(result.gdp.length, 'figure')} (partner and year)`);
  if (summary.empty > 0) lines.push(`empty: ${plural(summary.empty, 'row')} without any figure`);
  if (summary.notMapped > 0) {
    lines.push(`not mapped: ${plural(summary.notMapped, 'row')}${summary.duplicates ? ` (${plural(summary.duplicates, 'duplicate')})` : ''}`);
    for (const entry of result.notMapped.slice(0, SHOWN)) lines.push(`  row ${entry.row}: ${entry.reason}`);
    if (result.notMapped.length > SHOWN) lines.push(`  … ${groupThousands(String(result.notMapped.length - SHOWN))} more (--report FILE lists every row)`);
  }
  if (summary.unmatchedDonors.length > 0) {
    lines.push(`donors not in the registry: ${summary.unmatchedDonors.length}`);
    for (const donor of summary.unmatchedDonors.slice(0, SHOWN)) {
      lines.push(`  ${donor.donor}${donor.code ? ` (${donor.code})` : ''}: ${plural(donor.rows, 'row')} (first ${donor.firstRows.join(', ')}), EUR ${groupThousands(donor.eur)}`);
    }
  }
  if (result.warnings.length > 0) {
    lines.push(`warnings: ${result.warnings.length}`);
    for (const warning of result.warnings.slice(0, SHOWN)) lines.push(`  ${warning.row > 0 ? `row ${warning.row}: ` : ''}${warning.message}`);
    if (result.warnings.length > SHOWN) lines.push(`  … ${groupThousands(String(result.warnings.length - SHOWN))} more`);
  }
  if (written) {
    lines.push(`written: ${plural(written.created + written.updated, 'flow')} (${groupThousands(String(written.created))} new, ${groupThousands(String(written.updated))} replaced)${written.gdpPartners ? `; GDP of ${plural(written.gdpPartners, 'partner')}` : ''}`);
  } else {
    lines.push('dry run: nothing written');
  }
  return lines.join('\n');
}
