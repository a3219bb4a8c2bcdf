import type { Briefing } from './briefing.js';

/** The briefing as Markdown: for a parliament's paper, a newsroom's wiki, or a diff. */
export function briefingMarkdown(briefing: Briefing): string {
  const lines = [`# ${briefing.title}`, '', `*${briefing.subtitle}*`, '', '## Key figures', ''];
  for (const figure of briefing.figures) lines.push(`- **${figure.label}:** ${figure.value}${figure.note ? ` (${figure.note})` : ''}`);
  if (briefing.facts.length) lines.push('', '## Agreements and milestones', '', ...briefing.facts.map((fact) => `- ${fact}`));
  lines.push('', `## ${briefing.chart.title}`, '');
  if (briefing.chart.bars.length) {
    lines.push('| capability area | amount |', '|---|---:|');
    for (const bar of briefing.chart.bars) lines.push(`| ${bar.label} | ${bar.millions.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} |`);
  } else lines.push('No money committed for the year in the data.');
  lines.push('', '## Top findings', '');
  if (briefing.findings.length) {
    for (const finding of briefing.findings) lines.push(`- **${finding.severity}** \`${finding.code}\`: ${finding.message}${finding.clauses.length ? ` (clauses: ${finding.clauses.join('; ')})` : ''}`);
  } else lines.push('No findings.');
  lines.push('', '## Sources', '');
  for (const source of briefing.sources) lines.push(`- ${source.title ? `${source.title}: ` : ''}${source.url ?? ''}`);
  lines.push('', `_${briefing.caveat}_`, '');
  return lines.join('\n');
}
