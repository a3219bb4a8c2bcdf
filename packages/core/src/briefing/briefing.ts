import { analyze } from '../analysis/engine.js';
import type { Finding, Severity } from '../analysis/types.js';
import { formatScaled, parseScaled } from '../money/decimal.js';
import { summariseAgreements, viewAgreement } from '../registry/agreement-view.js';
import type { Source } from '../schema/common.js';
import type { DataPackage } from '../schema/package.js';
import { briefingWords, type BriefingHeadings, type BriefingLanguage } from './words.js';

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
  /** The millions as the briefing's language writes them ("2,900.5", "2 900,5"). */
  readonly millionsText: string;
}

/** What a briefing says, before it is laid out as Markdown or PDF. */
export interface Briefing {
  readonly language: BriefingLanguage;
  /** The renderers' headings and fixed phrases, in the briefing's language. */
  readonly headings: BriefingHeadings;
  readonly title: string;
  readonly subtitle: string;
  readonly asOf: string;
  readonly currency: string;
  readonly figures: readonly BriefingFigure[];
  readonly facts: readonly string[];
  readonly chart: { readonly title: string; readonly bars: readonly BriefingBar[] };
  readonly findings: ReadonlyArray<{ readonly severity: Severity; readonly severityLabel: string; readonly code: string; readonly message: string; readonly clauses: readonly string[] }>;
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
export function buildBriefing(pkg: DataPackage, scope: BriefingScope, options: { asOf: string; currency?: string; language?: BriefingLanguage }): Briefing {
  const currency = options.currency ?? 'EUR';
  const language = options.language ?? 'en';
  const say = briefingWords(language);
  const asOf = options.asOf;
  const year = Number(asOf.slice(0, 4));
  const analysis = analyze(pkg, { asOf, currency, natoAccession: null });
  const moneyRows = analysis.coverage.filter((row) => row.measure === 'money' && row.year === year);

  const partnerName = (code: string) => {
    const partner = pkg.partners.find((candidate) => candidate.code === code);
    return (language === 'uk' ? partner?.nameUk : undefined) ?? partner?.name ?? code;
  };
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
    const area = say.area(row.capabilityArea ?? null);
    byArea.set(area, (byArea.get(area) ?? 0n) + amount);
  }
  const total = [...byArea.values()].reduce((sum, amount) => sum + amount, 0n);
  const bars = [...byArea.entries()]
    .sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : a[0].localeCompare(b[0])))
    .map(([label, amount]) => {
      const inMillions = Number(amount) / 10 ** SCALE / 1e6;
      return { label, amount: formatScaled(amount, SCALE), millions: inMillions, millionsText: say.millions(inMillions) };
    });

  const views = inScopeAgreements.map((agreement) => viewAgreement(agreement, asOf));
  const signed = views.filter((view) => view.statusAsOf === 'signed' || view.statusAsOf === 'in-force');
  const summary = summariseAgreements(views);
  const agreementIds = new Set(inScopeAgreements.map((agreement) => agreement.id));

  const findings = analysis.findings
    .filter((finding) => relevant(finding, scope, agreementIds, coalition?.capabilityAreas ?? []))
    .slice(0, TOP_FINDINGS)
    .map((finding) => ({ severity: finding.severity, severityLabel: say.severity(finding.severity), code: finding.code, message: language === 'uk' ? finding.messageUk : finding.message, clauses: finding.clauses.map((clause) => `${clause.agreementId} ${clause.ref}`) }));

  const money = say.money(currency, Number(total) / 10 ** SCALE / 1e6);
  const partnerCode = scope.kind === 'partner' ? scope.partner : '';
  const figures: BriefingFigure[] =
    scope.kind === 'coalition' && coalition
      ? [
          { label: say.leads, value: coalition.leads.map(partnerName).join(', ') },
          { label: say.members, value: coalition.members.length ? String(coalition.members.length) : say.notRecorded },
          { label: say.capabilityAreas, value: coalition.capabilityAreas.map((area) => say.area(area)).join(', ') },
          { label: say.committedInAreas(year), value: money },
        ]
      : [
          { label: say.agreementsSigned(scope.kind === 'network' ? 'network' : 'partner'), value: String(signed.length), note: scope.kind === 'network' ? say.countedByUkraine(summary.counted) : undefined },
          { label: say.withConsultation, value: say.ofTotal(signed.filter((view) => view.consultation).length, signed.length) },
          { label: say.committedFor(year), value: money, note: say.convertedNote(year) },
          { label: say.coalitions(scope.kind === 'network' ? 'network' : 'partner'), value: String(scope.kind === 'network' ? pkg.coalitions.length : pkg.coalitions.filter((candidate) => candidate.leads.includes(partnerCode) || candidate.members.includes(partnerCode)).length) },
        ];

  const facts =
    scope.kind === 'coalition' && coalition
      ? coalition.milestones.map((milestone) => say.milestoneFact({ title: milestone.title, due: milestone.due ?? null, status: milestone.status ?? null }))
      : signed.slice(0, 8).map((view) =>
          say.agreementFact({
            title: (language === 'uk' ? view.titleUk : undefined) ?? view.title,
            signedOn: view.signedOn ?? null,
            legalForm: view.legalForm ?? null,
            hasConsultation: Boolean(view.consultation),
            consultationHours: view.consultation?.withinHours ?? null,
            consultationWording: view.consultation?.wording ?? null,
          }),
        );

  const sources = uniqueSources([
    ...(coalition ? coalition.sources ?? [] : []),
    ...inScopeAgreements.flatMap((agreement) => agreement.sources ?? []),
  ]).slice(0, MAX_SOURCES);

  const coalitionName = (language === 'uk' ? coalition?.nameUk : undefined) ?? coalition?.name ?? (scope.kind === 'coalition' ? scope.coalition : '');
  const name = scope.kind === 'partner' ? partnerName(scope.partner) : scope.kind === 'coalition' ? coalitionName : say.networkTitle;
  return {
    language,
    headings: say.headings,
    title: scope.kind === 'network' ? name : say.partnerTitle(name),
    subtitle: say.subtitle(asOf),
    asOf,
    currency,
    figures,
    facts,
    chart: { title: say.chartTitle(year, currency), bars },
    findings,
    sources,
    caveat: say.caveat,
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
