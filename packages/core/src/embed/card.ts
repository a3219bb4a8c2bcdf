import { viewAgreement } from '../registry/agreement-view.js';
import type { DataPackage } from '../schema/package.js';
import { escapeXml, FONT } from './svg.js';

const WIDTH = 420;
const HEIGHT = 170;

const TITLE = `${FONT} font-size="17" font-weight="700" fill="#1d2733"`;
const LABEL = `${FONT} font-size="13" fill="#5b6b80"`;
const VALUE = `${FONT} font-size="13" font-weight="600" fill="#1d2733"`;
const FOOTER = `${FONT} font-size="10" fill="#5b6b80"`;

function card(title: string, lines: ReadonlyArray<readonly [string, string]>, footer: string): string {
  const rows = lines
    .map(([label, value], index) => {
      const y = 62 + index * 22;
      return `<text x="20" y="${y}" ${LABEL}>${escapeXml(label)}</text><text x="${WIDTH - 20}" y="${y}" ${VALUE} text-anchor="end">${escapeXml(value)}</text>`;
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(`${title}: ${lines.map(([label, value]) => `${label} ${value}`).join('; ')}`)}">`,
    `<rect x="0.5" y="0.5" width="${WIDTH - 1}" height="${HEIGHT - 1}" rx="6" fill="#ffffff" stroke="#c9d1db"/>`,
    `<rect x="0" y="0" width="6" height="${HEIGHT}" rx="3" fill="#2f6db5"/>`,
    `<text x="20" y="32" ${TITLE}>${escapeXml(title)}</text>`,
    rows,
    `<text x="20" y="${HEIGHT - 12}" ${FOOTER}>${escapeXml(footer)}</text>`,
    '</svg>',
  ].join('');
}

/**
 * A small card a news site can embed for one partner: its agreement with Ukraine as of a day, the
 * consultation promise, and the coalitions it leads or joins. From the package given (the public
 * one when served), so it never shows more than that.
 */
export function partnerCard(pkg: DataPackage, code: string, asOf: string): string | undefined {
  const partner = pkg.partners.find((candidate) => candidate.code === code);
  if (!partner) return undefined;
  const agreement = pkg.agreements.map((candidate) => viewAgreement(candidate, asOf)).find((view) => view.kind === 'bilateral' && view.parties.includes(code) && view.statusAsOf !== null);
  const coalitions = pkg.coalitions.filter((coalition) => coalition.leads.includes(code) || coalition.members.includes(code));
  const consultation = agreement?.consultation;
  return card(
    partner.name,
    [
      ['Agreement with Ukraine', agreement ? `${agreement.statusAsOf}${agreement.signedOn ? ` (${agreement.signedOn})` : ''}` : 'none recorded'],
      ['Consultation if attacked', consultation ? (consultation.withinHours ? `within ${consultation.withinHours} h` : (consultation.wording ?? 'promised')) : 'no clause'],
      ['Coalitions', coalitions.length ? coalitions.map((coalition) => (coalition.leads.includes(code) ? `${coalition.id} (lead)` : coalition.id)).join(', ') : 'none recorded'],
      ['Legal form', agreement?.legalForm ?? 'unknown'],
    ],
    `Compact · public data as of ${asOf} · sources in the data package`,
  );
}

/** The same for a coalition: its leads, members, capability areas and milestones kept. */
export function coalitionCard(pkg: DataPackage, id: string, asOf: string): string | undefined {
  const coalition = pkg.coalitions.find((candidate) => candidate.id === id);
  if (!coalition) return undefined;
  const done = coalition.milestones.filter((milestone) => milestone.status === 'done').length;
  return card(
    coalition.name,
    [
      ['Led by', coalition.leads.join(', ')],
      ['Members', coalition.members.length ? String(coalition.members.length) : 'not recorded'],
      ['Capability areas', coalition.capabilityAreas.join(', ')],
      ['Milestones done', `${done} of ${coalition.milestones.length}`],
    ],
    `Compact · public data as of ${asOf} · sources in the data package`,
  );
}
