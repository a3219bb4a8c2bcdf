import { FINDING_CODES, type FindingCode } from '@compact/core';
import { SEVERITIES, type Finding, type Severity } from '../../api/types.js';

// The findings list's pure logic: codes, grouping by severity, filtering, and how a subject's
// fields are read (which ids are agreements, partners, capability areas…).

/** Finding codes the engine emits (core's list, in its order); unknown codes still show, by their code. */
export { FINDING_CODES, type FindingCode };

export function isFindingCode(code: string): code is FindingCode {
  return (FINDING_CODES as readonly string[]).includes(code);
}

export function isSeverity(value: string | null | undefined): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value ?? '');
}

export interface SeverityGroup {
  severity: Severity;
  findings: Finding[];
}

/** Non-empty groups, critical first; within a group the API's order is kept. */
export function groupBySeverity(findings: readonly Finding[]): SeverityGroup[] {
  return SEVERITIES.map((severity) => ({
    severity,
    findings: findings.filter((finding) => finding.severity === severity),
  })).filter((group) => group.findings.length > 0);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) if (finding.severity in counts) counts[finding.severity] += 1;
  return counts;
}

/** The codes present with their counts: known codes in the engine's order, then others alphabetically. */
export function codesIn(findings: readonly Finding[]): Array<{ code: string; count: number }> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  const rank = (code: string) => {
    const index = (FINDING_CODES as readonly string[]).indexOf(code);
    return index === -1 ? FINDING_CODES.length : index;
  };
  return [...counts.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, count]) => ({ code, count }));
}

/** Lower case without accents, so "cafe" finds "Café" (Ukrainian letters keep their identity). */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLocaleLowerCase();
}

/** Every word of the query appears somewhere in the text; an empty query matches everything. */
export function matchesQuery(text: string, query: string): boolean {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalise(text);
  return words.every((word) => haystack.includes(word));
}

export interface FindingFilter {
  severity: Severity | 'all';
  code: string;
  query: string;
}

export const NO_FILTER: FindingFilter = { severity: 'all', code: 'all', query: '' };

/** Findings matching the severity, the code and the text query (searched in `textOf(finding)`). */
export function filterFindings(
  findings: readonly Finding[],
  filter: FindingFilter,
  textOf: (finding: Finding) => string,
): Finding[] {
  return findings.filter(
    (finding) =>
      (filter.severity === 'all' || finding.severity === filter.severity) &&
      (filter.code === 'all' || finding.code === filter.code) &&
      matchesQuery(textOf(finding), filter.query),
  );
}

export type SubjectKind =
  | 'agreement'
  | 'commitment'
  | 'requirement'
  | 'coalition'
  | 'partner'
  | 'provider'
  | 'lead'
  | 'beneficiary'
  | 'capabilityArea'
  | 'year'
  | 'date'
  | 'amount'
  | 'fraction'
  | 'other';

/**
 * What a subject field names, from its key: agreementId and agreementIds are agreements, countsAs
 * is another commitment, periodFrom is a date, shortfall an amount, and so on.
 */
export function subjectKind(key: string): SubjectKind {
  const k = key.toLowerCase();
  if (/agreement(id)?s?$/.test(k)) return 'agreement';
  if (/commitment(id)?s?$/.test(k) || k === 'countsas') return 'commitment';
  if (/requirement(id)?s?$/.test(k)) return 'requirement';
  if (/coalition(id)?s?$/.test(k)) return 'coalition';
  if (/^providers?$/.test(k)) return 'provider';
  if (/^leads?$/.test(k)) return 'lead';
  if (/^beneficiar(y|ies)$/.test(k)) return 'beneficiary';
  if (/partners?$/.test(k) || k === 'parties') return 'partner';
  if (/^capabilityareas?$/.test(k)) return 'capabilityArea';
  if (/^years?$/.test(k) || k === 'countedin') return 'year';
  if (/^(periodfrom|periodto|signedon|endson|startson|from|to|on|date|asof|natoaccession)$/.test(k))
    return 'date';
  if (/^(amount|shortfall|committed|required|delivered|atrisk|committedatrisk)$/.test(k)) return 'amount';
  if (k === 'fraction' || k === 'shareofgdp') return 'fraction';
  return 'other';
}

const KIND_ORDER: readonly SubjectKind[] = [
  'agreement',
  'commitment',
  'coalition',
  'partner',
  'provider',
  'lead',
  'beneficiary',
  'capabilityArea',
  'year',
  'date',
  'amount',
  'fraction',
  'requirement',
  'other',
];

export interface SubjectEntry {
  key: string;
  kind: SubjectKind;
  values: Array<string | number | null>;
}

/**
 * A subject's fields, ready to show: grouped by kind in a reading order, each with its values as a
 * list. `measure: "money"` is the default and says nothing, so it is left out, as are empty fields.
 */
export function subjectEntries(subject: Finding['subject']): SubjectEntry[] {
  const entries: SubjectEntry[] = [];
  for (const [key, raw] of Object.entries(subject)) {
    if (raw === undefined) continue;
    if (key === 'measure' && raw === 'money') continue;
    const list: Array<string | number | null> = Array.isArray(raw)
      ? (raw as ReadonlyArray<string | number>).filter((v) => typeof v === 'string' || typeof v === 'number')
      : typeof raw === 'boolean'
        ? [String(raw)]
        : [raw as string | number | null];
    if (list.length === 0) continue;
    entries.push({ key, kind: subjectKind(key), values: list });
  }
  return entries.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/** Every agreement a finding is about or cites, in first-seen order. */
export function agreementIdsOf(finding: Pick<Finding, 'subject' | 'clauses'>): string[] {
  const ids: string[] = [];
  const add = (id: unknown) => {
    if (typeof id === 'string' && id && !ids.includes(id)) ids.push(id);
  };
  for (const entry of subjectEntries(finding.subject))
    if (entry.kind === 'agreement') for (const value of entry.values) add(value);
  for (const clause of finding.clauses) add(clause.agreementId);
  return ids;
}
