import { DataPackage, formatPath, issuesFromZod, type ValidationIssue } from './package.js';

/** Ids already stored, so a partial package may refer to records it does not carry itself. */
export interface KnownIds {
  readonly partners?: Iterable<string>;
  readonly agreements?: Iterable<string>;
  readonly commitments?: Iterable<string>;
  readonly coalitions?: Iterable<string>;
  readonly flows?: Iterable<string>;
}

type Row = Record<string, unknown>;

function rows(input: unknown, key: string): Row[] {
  if (typeof input !== 'object' || input === null) return [];
  const value = (input as Row)[key];
  return Array.isArray(value) ? value.map((row) => (typeof row === 'object' && row !== null ? (row as Row) : {})) : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Checks what a schema cannot: ids are unique and every reference points at a record in the
 * package or already stored. Works on raw input so that it reports alongside schema errors,
 * not only after the shapes are right.
 */
export function checkReferences(input: unknown, known: KnownIds = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const collect = (key: string, idField: string, extra: Iterable<string> = []): Set<string> => {
    const seen = new Set<string>();
    rows(input, key).forEach((row, index) => {
      const id = text(row[idField]);
      if (id === undefined) return;
      if (seen.has(id)) {
        issues.push({ path: formatPath([key, index, idField]), message: `duplicate ${idField} "${id}"`, code: 'DUPLICATE_ID' });
      }
      seen.add(id);
    });
    return new Set([...seen, ...extra]);
  };

  const partners = collect('partners', 'code', known.partners);
  const agreements = collect('agreements', 'id', known.agreements);
  const commitments = collect('commitments', 'id', known.commitments);
  const coalitions = collect('coalitions', 'id', known.coalitions);
  const flows = collect('flows', 'id', known.flows);
  collect('requirements', 'id');
  collect('meetings', 'id');

  const refer = (path: PropertyKey[], value: unknown, ids: Set<string>, what: string) => {
    const id = text(value);
    if (id === undefined || ids.has(id)) return;
    issues.push({ path: formatPath(path), message: `refers to ${what} "${id}", which does not exist`, code: 'UNKNOWN_REFERENCE' });
  };
  const referAll = (path: PropertyKey[], value: unknown, ids: Set<string>, what: string) => {
    if (Array.isArray(value)) value.forEach((item, i) => refer([...path, i], item, ids, what));
  };

  rows(input, 'agreements').forEach((row, i) => {
    referAll(['agreements', i, 'parties'], row.parties, partners, 'partner');
    refer(['agreements', i, 'beneficiary'], row.beneficiary, partners, 'partner');
    referAll(['agreements', i, 'adherents'], row.adherents, partners, 'partner');
  });
  const clauseRefs = new Set<string>();
  rows(input, 'clauses').forEach((row, i) => {
    refer(['clauses', i, 'agreementId'], row.agreementId, agreements, 'agreement');
    const key = `${text(row.agreementId)}#${text(row.ref)}`;
    if (clauseRefs.has(key)) {
      issues.push({ path: formatPath(['clauses', i, 'ref']), message: `duplicate clause ${text(row.ref)} in ${text(row.agreementId)}`, code: 'DUPLICATE_ID' });
    }
    clauseRefs.add(key);
  });
  const agreementsWithClauses = new Set(rows(input, 'clauses').map((row) => text(row.agreementId)));
  rows(input, 'commitments').forEach((row, i) => {
    refer(['commitments', i, 'agreementId'], row.agreementId, agreements, 'agreement');
    refer(['commitments', i, 'provider'], row.provider, partners, 'partner');
    refer(['commitments', i, 'beneficiary'], row.beneficiary, partners, 'partner');
    refer(['commitments', i, 'coalitionId'], row.coalitionId, coalitions, 'coalition');
    refer(['commitments', i, 'countsAs'], row.countsAs, commitments, 'commitment');
    const agreementId = text(row.agreementId);
    const clauseRef = text(row.clauseRef);
    if (clauseRef && agreementsWithClauses.has(agreementId) && !clauseRefs.has(`${agreementId}#${clauseRef}`)) {
      issues.push({
        path: formatPath(['commitments', i, 'clauseRef']),
        message: `agreement "${agreementId}" has no clause "${clauseRef}" in this package`,
        code: 'UNKNOWN_REFERENCE',
      });
    }
  });
  rows(input, 'coalitions').forEach((row, i) => {
    referAll(['coalitions', i, 'leads'], row.leads, partners, 'partner');
    referAll(['coalitions', i, 'members'], row.members, partners, 'partner');
  });
  rows(input, 'requirements').forEach((row, i) => refer(['requirements', i, 'beneficiary'], row.beneficiary, partners, 'partner'));
  rows(input, 'flows').forEach((row, i) => {
    refer(['flows', i, 'commitmentId'], row.commitmentId, commitments, 'commitment');
    refer(['flows', i, 'parentFlowId'], row.parentFlowId, flows, 'flow');
  });
  rows(input, 'peaceFormula').forEach((row, i) => {
    referAll(['peaceFormula', i, 'agreementIds'], row.agreementIds, agreements, 'agreement');
    referAll(['peaceFormula', i, 'coalitionIds'], row.coalitionIds, coalitions, 'coalition');
  });
  return issues;
}

export type PackageValidation =
  | { readonly ok: true; readonly package: DataPackage; readonly issues: readonly [] }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Validates shape and references together and reports every problem, not only the first. */
export function validatePackage(input: unknown, known: KnownIds = {}): PackageValidation {
  const parsed = DataPackage.safeParse(input);
  const issues = [...(parsed.success ? [] : issuesFromZod(parsed.error)), ...checkReferences(input, known)];
  issues.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  if (parsed.success && issues.length === 0) return { ok: true, package: parsed.data, issues: [] };
  return { ok: false, issues };
}
