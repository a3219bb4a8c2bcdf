import type { Briefing } from '../briefing/briefing.js';
import { escapeXml, FONT } from './svg.js';

const WIDTH = 560;
const ROW = 26;
const TOP = 64;
const LABEL_WIDTH = 170;
const MAX_BARS = 12;

/**
 * The briefing's chart (money committed for the year by capability area) as an SVG a news site can
 * embed: horizontal bars, each with its amount written out, and the data's date and source line.
 * The bars are the briefing's, so the chart and the briefing never disagree.
 */
export function areasChart(briefing: Pick<Briefing, 'title' | 'chart' | 'asOf' | 'headings'>, footer: string): string {
  const bars = briefing.chart.bars.slice(0, MAX_BARS);
  const height = TOP + Math.max(1, bars.length) * ROW + 40;
  const largest = Math.max(...bars.map((bar) => bar.millions), 1e-9);
  const barSpace = WIDTH - LABEL_WIDTH - 90;
  const rows = bars.length
    ? bars
        .map((bar, index) => {
          const y = TOP + index * ROW;
          const length = Math.max(1, Math.round((bar.millions / largest) * barSpace));
          return (
            `<text x="20" y="${y + 14}" ${FONT} font-size="12" fill="#1d2733">${escapeXml(bar.label)}</text>` +
            `<rect x="${LABEL_WIDTH}" y="${y}" width="${length}" height="18" rx="2" fill="#2f6db5"/>` +
            `<text x="${LABEL_WIDTH + length + 6}" y="${y + 14}" ${FONT} font-size="12" font-weight="600" fill="#1d2733">${escapeXml(bar.millionsText)}</text>`
          );
        })
        .join('')
    : `<text x="20" y="${TOP + 14}" ${FONT} font-size="12" fill="#5b6b80">${escapeXml(briefing.headings.noMoney)}</text>`;
  const label = `${briefing.title}. ${briefing.chart.title}: ${bars.map((bar) => `${bar.label} ${bar.millionsText}`).join('; ') || briefing.headings.noMoney}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(label)}">`,
    `<rect x="0.5" y="0.5" width="${WIDTH - 1}" height="${height - 1}" rx="6" fill="#ffffff" stroke="#c9d1db"/>`,
    `<text x="20" y="28" ${FONT} font-size="16" font-weight="700" fill="#1d2733">${escapeXml(briefing.title)}</text>`,
    `<text x="20" y="48" ${FONT} font-size="12" fill="#5b6b80">${escapeXml(briefing.chart.title)}</text>`,
    rows,
    `<text x="20" y="${height - 14}" ${FONT} font-size="10" fill="#5b6b80">${escapeXml(footer)}</text>`,
    '</svg>',
  ].join('');
}
