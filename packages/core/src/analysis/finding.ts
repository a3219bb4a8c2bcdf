import { minorUnits } from '../money/currency.js';
import { formatScaled } from '../money/decimal.js';
import { areaHeading, flat, moneyText, quantityText, type Lang } from './format.js';
import type { Cell, Measure, RuleContext } from './model.js';
import { SEVERITIES, type ClauseReference, type Finding, type FindingCode, type FindingSubject, type Severity } from './types.js';
import { objectList } from './object-list.js';
import { compareCodeUnits, sortShort } from './short-sort.js';

/** What a rule returns when it finds nothing (shared, so that no-finding costs no allocation). */
export const NONE: readonly Finding[] = Object.freeze([]);

export interface FindingText {
  readonly message: string;
  readonly messageUk: string;
  readonly remedy: string;
  readonly remedyUk: string;
}

/** Builds a finding; its id is the code and the id parts, so it is stable across runs. */
export function makeFinding(
  code: FindingCode,
  severity: Severity,
  idParts: readonly (string | number | null)[],
  subject: FindingSubject,
  clauses: readonly ClauseReference[],
  text: FindingText,
): Finding {
  let id: string = code;
  for (let i = 0; i < idParts.length; i++) {
    const part = idParts[i];
    id += part === null ? ':-' : `:${String(part)}`;
  }
  return {
    // Flat: findings are sorted by id, and a rope would be flattened on its first comparison anyway.
    id: flat(id),
    code,
    severity,
    subject,
    clauses: sortClauses(clauses),
    message: flat(text.message),
    messageUk: flat(text.messageUk),
    remedy: flat(text.remedy),
    remedyUk: flat(text.remedyUk),
  };
}

export function sortClauses(clauses: readonly ClauseReference[]): readonly ClauseReference[] {
  if (clauses.length === 0) return NO_CLAUSES;
  if (clauses.length === 1) {
    const [only] = clauses as [ClauseReference];
    return [{ agreementId: only.agreementId, ref: only.ref }];
  }
  let ordered = true;
  for (let i = 1; i < clauses.length && ordered; i++) {
    const a = clauses[i - 1] as ClauseReference;
    const b = clauses[i] as ClauseReference;
    ordered = a.agreementId < b.agreementId || (a.agreementId === b.agreementId && a.ref < b.ref);
  }
  if (ordered) return clauses;
  const seen = new Map<string, ClauseReference>();
  for (const clause of clauses) seen.set(`${clause.agreementId}\u0001${clause.ref}`, { agreementId: clause.agreementId, ref: clause.ref });
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, clause]) => clause);
}

const RANK: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((severity, i) => [severity, i])) as Record<Severity, number>;

/** Severity (critical first), then code, then id. */
export function compareFindings(a: Finding, b: Finding): number {
  const rank = RANK[a.severity] - RANK[b.severity];
  if (rank !== 0) return rank;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const NO_CLAUSES: readonly ClauseReference[] = Object.freeze([]);

/**
 * Clause keys as the editable engine keeps them in cells (`agreementId\u0001ref`) back into
 * references, sorted and unique: the engine's shared reference for each key (tens of thousands of
 * findings name the same few thousand clauses), made anew only for a key it does not know.
 */
export function clauseRefsOf(ctx: RuleContext, keys: Iterable<string>): ClauseReference[] {
  const sorted = sortShort([...keys], compareCodeUnits);
  const out: ClauseReference[] = new Array<ClauseReference>(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i] as string;
    const known = ctx.clauseReference(key);
    if (known) {
      out[i] = known;
      continue;
    }
    const split = key.indexOf('\u0001');
    out[i] = { agreementId: key.slice(0, split), ref: key.slice(split + 1) };
  }
  return out;
}

/** An amount of a cell's measure for reading. */
export function amountText(ctx: RuleContext, measure: Measure, value: bigint, lang: Lang): string {
  return measure.key === '' ? moneyText(value, ctx.currency, lang) : quantityText(value, measure.unit, measure.item, lang);
}

/** The exact decimal string of an amount of a cell's measure. */
export function amountDecimal(ctx: RuleContext, measure: Measure, value: bigint): string {
  return formatScaled(value, measure.key === '' ? minorUnits(ctx.currency) : 3);
}

/** "Air defence, UA, 2025" / "«Протиповітряна оборона», UA, 2025 рік", with the item for quantity cells. */
export function cellHeading(cell: Cell, lang: Lang): string {
  const what = cell.measure.key === '' ? '' : ` (${[cell.measure.unit, cell.measure.item].filter(Boolean).join(', ')})`;
  return lang === 'en'
    ? `${areaHeading(cell.area, lang)}${what}, ${cell.beneficiary}, ${cell.year}`
    : `${areaHeading(cell.area, lang)}${what}, ${cell.beneficiary}, ${cell.year} рік`;
}

/** Subject and id parts shared by the cell rules. */
export function cellSubject(cell: Cell): { subject: FindingSubject; idParts: (string | number | null)[] } {
  const requirementIds = sortShort([...cell.requirementIds.keys()], compareCodeUnits);
  const subject: FindingSubject =
    cell.measure.key === ''
      ? { beneficiary: cell.beneficiary, capabilityArea: cell.area, year: cell.year, measure: 'money', requirementIds }
      : {
          beneficiary: cell.beneficiary,
          capabilityArea: cell.area,
          year: cell.year,
          measure: 'quantity',
          unit: cell.measure.unit,
          item: cell.measure.item,
          requirementIds,
        };
  const idParts: (string | number | null)[] = [cell.beneficiary, cell.area, cell.year];
  if (cell.measure.key !== '') idParts.push(cell.measure.key);
  return { subject, idParts };
}

/** "United Kingdom (GB)" / "Велика Британія (GB)"; the code alone when the partner is not in the input. */
export function partnerName(ctx: RuleContext, code: string, lang: Lang): string {
  const partner = ctx.partner(code);
  if (!partner) return code;
  return `${lang === 'en' ? partner.name : (partner.nameUk ?? partner.name)} (${code})`;
}

/** Providers of a cell, largest first, ties by code. */
export function providersByAmount(cell: Cell): [string, bigint][] {
  const out = objectList<[string, bigint]>();
  cell.providers.forEach((slot, partner) => {
    out.push([partner, slot.committed]);
  });
  return sortShort(out, ([pa, a], [pb, b]) => (a > b ? -1 : a < b ? 1 : pa < pb ? -1 : pa > pb ? 1 : 0));
}

/**
 * The partners of (partner, amount) pairs, in their order. A loop, not `map` with a destructuring
 * callback: the inlined array method's code is thrown away at each kind of list it has not seen.
 */
export function partnersOf(pairs: readonly (readonly [string, bigint])[]): string[] {
  const out = objectList<string>();
  for (let i = 0; i < pairs.length; i++) out.push((pairs[i] as readonly [string, bigint])[0]);
  return out;
}
