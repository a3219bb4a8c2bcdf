import type { Briefing } from './briefing.js';

/** The briefing as Markdown: for a parliament's paper, a newsroom's wiki, or a diff. In the briefing's language. */
export function briefingMarkdown(briefing: Briefing): string {
  const words = briefing.headings;
  const lines = [`# ${briefing.title}`, '', `*${briefing.subtitle}*`, '', `## ${words.keyFigures}`, ''];
  for (const figure of briefing.figures) lines.push(`- **${figure.label}:** ${figure.value}${figure.note ? ` (${figure.note})` : ''}`);
  if (briefing.facts.length) lines.push('', `## ${words.agreementsAndMilestones}`, '', ...briefing.facts.map((fact) => `- ${fact}`));
  lines.push('', `## ${briefing.chart.title}`, '');
  if (briefing.chart.bars.length) {
    lines.push(`| ${words.areaColumn} | ${words.amountColumn} |`, '|---|---:|');
    for (const bar of briefing.chart.bars) lines.push(`| ${bar.label} | ${bar.millionsText} |`);
  } else lines.push(words.noMoney);
  lines.push('', `## ${words.topFindings}`, '');
  if (briefing.findings.length) {
    for (const finding of briefing.findings) lines.push(`- **${finding.severityLabel}** \`${finding.code}\`: ${finding.message}${finding.clauses.length ? ` (${words.clauses.toLowerCase()}: ${finding.clauses.join('; ')})` : ''}`);
  } else lines.push(words.noFindings);
  lines.push('', `## ${words.sources}`, '');
  for (const source of briefing.sources) lines.push(`- ${source.title ? `${source.title}: ` : ''}${source.url ?? ''}`);
  lines.push('', `_${briefing.caveat}_`, '');
  return lines.join('\n');
}
