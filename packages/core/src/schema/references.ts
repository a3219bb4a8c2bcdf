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

export type ReferenceTarget = 'partners' | 'agreements' | 'commitments' | 'coalitions' | 'flows';

const TARGET_NOUNS: Record<ReferenceTarget, string> = {
  partners: 'partner',
  agreements: 'agreement',
  commitments: 'commitment',
  coalitions: 'coalition',
  flows: 'flow',
};

/** One id a record points at, with the path of the field inside the record. */
export interface Reference {
  readonly path: readonly PropertyKey[];
  readonly target: ReferenceTarget;
  readonly id: string;
}

const REFERENCING_KEYS = ['agreements', 'clauses', 'commitments', 'coalitions', 'requirements', 'flows', 'peaceFormula'] as const;

/** Every reference a record of a package key makes; tolerant of malformed records. */
export function referencesOf(key: string, row: Row): Reference[] {
  const found: Reference[] = [];
  const one = (field: string, target: ReferenceTarget) => {
    const id = text(row[field]);
    if (id !== undefined) found.push({ path: [field], target, id });
  };
  const many = (field: string, target: ReferenceTarget) => {
    const value = row[field];
    if (!Array.isArray(value)) return;
    value.forEach((item, i) => {
      const id = text(item);
      if (id !== undefined) found.push({ path: [field, i], target, id });
    });
  };
  switch (key) {
    case 'agreements':
      many('parties', 'partners');
      one('beneficiary', 'partners');
      many('adherents', 'partners');
      break;
    case 'clauses':
      one('agreementId', 'agreements');
      break;
    case 'commitments':
      one('agreementId', 'agreements');
      one('provider', 'partners');
      one('beneficiary', 'partners');
      one('coalitionId', 'coalitions');
      one('countsAs', 'commitments');
      break;
    case 'coalitions':
      many('leads', 'partners');
      many('members', 'partners');
      for (const [i, entry] of (Array.isArray(row.membership) ? row.membership : []).entries()) {
        const partner = text((entry as Row | null)?.partner);
        if (partner !== undefined) found.push({ path: ['membership', i, 'partner'], target: 'partners', id: partner });
      }
      break;
    case 'requirements':
      one('beneficiary', 'partners');
      break;
    case 'flows':
      one('commitmentId', 'commitments');
      one('provider', 'partners');
      one('beneficiary', 'partners');
      one('parentFlowId', 'flows');
      one('restatesFlowId', 'flows');
      break;
    case 'peaceFormula':
      many('agreementIds', 'agreements');
      many('coalitionIds', 'coalitions');
      break;
  }
  return found;
}

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

  const idsOf: Record<ReferenceTarget, Set<string>> = { partners, agreements, commitments, coalitions, flows };
  for (const key of REFERENCING_KEYS) {
    rows(input, key).forEach((row, index) => {
      for (const reference of referencesOf(key, row)) {
        if (idsOf[reference.target].has(reference.id)) continue;
        issues.push({
          path: formatPath([key, index, ...reference.path]),
          message: `refers to ${TARGET_NOUNS[reference.target]} "${reference.id}", which does not exist`,
          code: 'UNKNOWN_REFERENCE',
        });
      }
    });
  }
  const clauseRefs = new Set<string>();
  rows(input, 'clauses').forEach((row, i) => {
    const key = `${text(row.agreementId)}#${text(row.ref)}`;
    if (clauseRefs.has(key)) {
      issues.push({ path: formatPath(['clauses', i, 'ref']), message: `duplicate clause ${text(row.ref)} in ${text(row.agreementId)}`, code: 'DUPLICATE_ID' });
    }
    clauseRefs.add(key);
  });
  const agreementsWithClauses = new Set(rows(input, 'clauses').map((row) => text(row.agreementId)));
  rows(input, 'commitments').forEach((row, i) => {
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
