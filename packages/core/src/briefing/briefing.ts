import { analyze } from '../analysis/engine.js';
import type { Finding, Severity } from '../analysis/types.js';
import { formatScaled, parseScaled } from '../money/decimal.js';
import { summariseAgreements, viewAgreement } from '../registry/agreement-view.js';
import type { Source } from '../schema/common.js';
import type { DataPackage } from '../schema/package.js';

export type BriefingScope = { readonly kind: 'network' } | { readonly kind: 'partner'; readonly partner: string } | { readonly kind: 'coalition'; readonly coalition: string };

export interface BriefingFigure {
  readonly label: string;
  readonly value: string;
  readonly note?: string;
}

export interface BriefingBar {
  readonly label: string;
  /** Exact decimal string in the briefing's currency. */
  readonly amount: string;
  /** The same, in millions, for drawing. */
  readonly millions: number;
}

/** What a briefing says, before it is laid out as Markdown or PDF. */
export interface Briefing {
  readonly title: string;
  readonly subtitle: string;
  readonly asOf: string;
  readonly currency: string;
  readonly figures: readonly BriefingFigure[];
  readonly facts: readonly string[];
  readonly chart: { readonly title: string; readonly bars: readonly BriefingBar[] };
  readonly findings: ReadonlyArray<{ readonly severity: Severity; readonly code: string; readonly message: string; readonly clauses: readonly string[] }>;
  readonly sources: readonly Source[];
  readonly caveat: string;
}

const SCALE = 2;
const TOP_FINDINGS = 5;
const MAX_SOURCES = 12;

/**
 * One or two pages for a reader with five minutes: key figures, the facts of the agreements in
 * scope, money committed for the year by capability area, the most severe findings with their
 * clauses, and the sources. Built from the package it is given (a viewer's, or the public one),
 * so it says nothing that package does not hold.
 */
export function buildBriefing(pkg: DataPackage, scope: BriefingScope, options: { asOf: string; currency?: string }): Briefing {
  const currency = options.currency ?? 'EUR';
  const asOf = options.asOf;
  const year = Number(asOf.slice(0, 4));
  const analysis = analyze(pkg, { asOf, currency, natoAccession: null });
  const moneyRows = analysis.coverage.filter((row) => row.measure === 'money' && row.year === year);

  const partnerName = (code: string) => pkg.partners.find((partner) => partner.code === code)?.name ?? code;
  const inScopeAgreements = pkg.agreements.filter((agreement) =>
    scope.kind === 'partner' ? agreement.parties.includes(scope.partner) && agreement.kind === 'bilateral' : scope.kind === 'network',
  );
  const coalition = scope.kind === 'coalition' ? pkg.coalitions.find((candidate) => candidate.id === scope.coalition) : undefined;
  if (scope.kind === 'coalition' && !coalition) throw new Error(`no coalition "${scope.coalition}" in the data`);
  if (scope.kind === 'partner' && !pkg.partners.some((partner) => partner.code === scope.partner)) throw new Error(`no partner "${scope.partner}" in the data`);

  // Money for the year, by capability area: everyone's, one partner's share, or the coalition's areas.
  const byArea = new Map<string, bigint>();
  for (const row of moneyRows) {
    if (coalition && (row.capabilityArea === null || !coalition.capabilityAreas.includes(row.capabilityArea))) continue;
    const amount =
      scope.kind === 'partner'
        ? row.providers.filter((provider) => provider.partner === scope.partner).reduce((sum, provider) => sum + parseScaled(provider.amount, SCALE), 0n)
        : parseScaled(row.committed, SCALE);
    if (amount === 0n) continue;
    const area = row.capabilityArea ?? 'unassigned';
    byArea.set(area, (byArea.get(area) ?? 0n) + amount);
  }
  const total = [...byArea.values()].reduce((sum, amount) => sum + amount, 0n);
  const bars = [...byArea.entries()]
    .sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : a[0].localeCompare(b[0])))
    .map(([label, amount]) => ({ label, amount: formatScaled(amount, SCALE), millions: Number(amount) / 10 ** SCALE / 1e6 }));

  const views = inScopeAgreements.map((agreement) => viewAgreement(agreement, asOf));
  const signed = views.filter((view) => view.statusAsOf === 'signed' || view.statusAsOf === 'in-force');
  const summary = summariseAgreements(views);
  const agreementIds = new Set(inScopeAgreements.map((agreement) => agreement.id));

  const findings = analysis.findings
    .filter((finding) => relevant(finding, scope, agreementIds, coalition?.capabilityAreas ?? []))
    .slice(0, TOP_FINDINGS)
    .map((finding) => ({ severity: finding.severity, code: finding.code, message: finding.message, clauses: finding.clauses.map((clause) => `${clause.agreementId} ${clause.ref}`) }));

  const money = `${currency} ${millions(total)}`;
  const partnerCode = scope.kind === 'partner' ? scope.partner : '';
  const figures: BriefingFigure[] =
    scope.kind === 'coalition' && coalition
      ? [
          { label: 'Leads', value: coalition.leads.map(partnerName).join(', ') },
          { label: 'Members', value: coalition.members.length ? String(coalition.members.length) : 'not recorded in the data' },
          { label: 'Capability areas', value: coalition.capabilityAreas.join(', ') },
          { label: `Committed in ${year} in these areas (all providers)`, value: money },
        ]
      : [
          { label: scope.kind === 'network' ? 'Agreements signed' : 'Agreements signed with Ukraine', value: String(signed.length), note: scope.kind === 'network' ? `${summary.counted} counted by Ukraine` : undefined },
          { label: 'With a consultation promise', value: `${signed.filter((view) => view.consultation).length} of ${signed.length}` },
          { label: `Committed for ${year}`, value: money, note: `converted at ${year} rates; signed agreements only` },
          { label: scope.kind === 'network' ? 'Coalitions' : 'Coalitions led or joined', value: String(scope.kind === 'network' ? pkg.coalitions.length : pkg.coalitions.filter((candidate) => candidate.leads.includes(partnerCode) || candidate.members.includes(partnerCode)).length) },
        ];

  const facts =
    scope.kind === 'coalition' && coalition
      ? coalition.milestones.map((milestone) => `${milestone.due ?? 'no date'}: ${milestone.title} (${milestone.status ?? 'status unknown'})`)
      : signed.slice(0, 8).map((view) => `${view.title}: signed ${view.signedOn ?? 'date unknown'}, ${view.legalForm ?? 'legal form unknown'}${view.consultation ? `, consultation ${view.consultation.withinHours ? `within ${view.consultation.withinHours} h` : (view.consultation.wording ?? 'promised')}` : ', no consultation clause'}`);

  const sources = uniqueSources([
    ...(coalition ? coalition.sources ?? [] : []),
    ...inScopeAgreements.flatMap((agreement) => agreement.sources ?? []),
  ]).slice(0, MAX_SOURCES);

  const name = scope.kind === 'partner' ? partnerName(scope.partner) : scope.kind === 'coalition' ? (coalition?.name ?? scope.coalition) : 'The network of security agreements';
  return {
    title: scope.kind === 'network' ? name : `${name}: briefing`,
    subtitle: `Security commitments to Ukraine as of ${asOf}`,
    asOf,
    currency,
    figures,
    facts,
    chart: { title: `Committed for ${year} by capability area (${currency} million)`, bars },
    findings,
    sources,
    caveat:
      'Figures are as the cited sources report them; money is converted at the yearly rates in the data and spread over each commitment’s period by days. Requirements marked illustrative are not sourced. Only records the reader may see are counted.',
  };
}

function relevant(finding: Finding, scope: BriefingScope, agreementIds: ReadonlySet<string>, areas: readonly string[]): boolean {
  if (scope.kind === 'network') return true;
  const subject = JSON.stringify(finding.subject);
  if (scope.kind === 'partner') return finding.clauses.some((clause) => agreementIds.has(clause.agreementId)) || subject.includes(`"${scope.partner}"`);
  return subject.includes(`"${scope.coalition}"`) || areas.some((area) => subject.includes(`"${area}"`));
}

function uniqueSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((source) => {
    const key = source.url ?? source.title ?? '';
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "2,900.5 m" from minor units. */
function millions(minor: bigint): string {
  const value = Number(minor) / 10 ** SCALE / 1e6;
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} m`;
}
