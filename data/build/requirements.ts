// Requirements for the shipped dataset. No public per-capability requirements exist, so the package
// carries two things, kept apart:
//   - a sourced baseline: the mean of the military allocations that all donors made to Ukraine in
//     2022–2024, as the Kiel tracker reports them (a yardstick for "sustaining past support");
//   - an illustrative split of that baseline by capability area, one requirement per area and year.
// The split's shares and priorities are this project's assumption, not facts: they are marked
// `basis: 'illustrative'` on every record and documented in data/README.md. Edit ILLUSTRATIVE_SPLIT
// (or the requirements in the running application) to model other needs.
//
// All arithmetic is on bigint euro cents, so the split sums to the baseline exactly.

import {
  CapabilityArea,
  Confidence,
  divideRounded,
  formatScaled,
  parseScaled,
  type DataPackageInput,
} from '../../packages/core/src/index.js';
import { decimalString } from './decimal.js';
import type { FactsKielTracker } from './facts.js';

type RequirementRow = NonNullable<DataPackageInput['requirements']>[number];
type SourceRow = NonNullable<RequirementRow['sources']>[number];
type Priority = RequirementRow['priority'];

const BENEFICIARY = 'UA';
const CURRENCY = 'EUR';
/** The years whose Kiel military allocations are averaged. */
export const BASELINE_YEARS = [2022, 2023, 2024] as const;
/** The calendar years the illustrative requirements cover. */
export const REQUIREMENT_YEARS = [2024, 2025, 2026, 2027] as const;

/** EUR bn to euro cents: 10^9 euros of 10^2 cents. */
const CENTS_PER_BN_SCALE = 11;
const CENT_SCALE = 2;
/** Shares are written with at most this many decimal places. */
const SHARE_SCALE = 4;

export interface IllustrativeShare {
  readonly capabilityArea: CapabilityArea;
  /** Fraction of the baseline, as a decimal string ("0.2" is 20 %). */
  readonly share: string;
  readonly priority: Priority;
}

/**
 * The illustrative split: an assumption of this project, not a fact about Ukraine's needs. The
 * areas are the military ones the agreements and the capability coalitions speak about; the larger
 * shares go to the priorities the G7 Joint Declaration names (air defence, artillery, long-range
 * fires, armoured vehicles, combat air) and to drones. The last row absorbs the cents that rounding
 * leaves, so each year sums exactly to the baseline.
 */
export const ILLUSTRATIVE_SPLIT: readonly IllustrativeShare[] = [
  { capabilityArea: 'air-defence', share: '0.2', priority: 'critical' },
  { capabilityArea: 'artillery', share: '0.2', priority: 'critical' },
  { capabilityArea: 'drones', share: '0.12', priority: 'high' },
  { capabilityArea: 'armour', share: '0.12', priority: 'high' },
  { capabilityArea: 'air-force', share: '0.1', priority: 'high' },
  { capabilityArea: 'long-range-strike', share: '0.07', priority: 'high' },
  { capabilityArea: 'electronic-warfare', share: '0.05', priority: 'high' },
  { capabilityArea: 'training', share: '0.05', priority: 'medium' },
  { capabilityArea: 'maritime', share: '0.04', priority: 'medium' },
  { capabilityArea: 'demining', share: '0.03', priority: 'medium' },
  { capabilityArea: 'it-cyber', share: '0.02', priority: 'low' },
];

export const ILLUSTRATIVE_LABEL = 'Illustrative split of the sourced baseline; not an official requirement.';

export interface RequirementBaseline {
  readonly description: string;
  readonly amountPerYear: { readonly amount: string; readonly currency: typeof CURRENCY };
  readonly years: readonly number[];
  /** The Kiel figures averaged, EUR bn, as decimal strings. */
  readonly inputsEurBn: Readonly<Record<string, string>>;
  readonly method: string;
  readonly basis: 'sourced';
  readonly confidence: Confidence;
  readonly sources: readonly SourceRow[];
}

/** The facts give the Kiel confidence as a mark with a remark; the leading mark is the record's. */
function leadingMark(text: string): Confidence {
  const parsed = Confidence.safeParse(/^(V\*?|M|computed)(?=\s|$)/.exec(text)?.[1]);
  if (!parsed.success) throw new Error(`kielTracker: "${text}" does not start with a confidence mark`);
  return parsed.data;
}

function kielSources(kiel: FactsKielTracker, note: string): SourceRow[] {
  const confidence = leadingMark(kiel.confidence);
  if (kiel.sources.length === 0) throw new Error('kielTracker: no source');
  return kiel.sources.map((url) => ({
    url,
    title: 'Kiel Institute for the World Economy, Ukraine Support Tracker',
    confidence,
    note,
  }));
}

function militaryAllocation(kiel: FactsKielTracker, year: number): string {
  const value: unknown = kiel.militaryAllocationsEurBn[String(year)];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`kielTracker.militaryAllocationsEurBn has no figure for ${year}`);
  }
  return decimalString(value);
}

export function requirementBaseline(kiel: FactsKielTracker): RequirementBaseline {
  const inputs = BASELINE_YEARS.map((year) => [String(year), militaryAllocation(kiel, year)] as const);
  const sum = inputs.reduce((total, [, bn]) => total + parseScaled(bn, CENTS_PER_BN_SCALE), 0n);
  const count = BigInt(inputs.length);
  const cents = divideRounded(sum, count);
  const exact = sum % count === 0n;
  const [first] = BASELINE_YEARS;
  const last = BASELINE_YEARS[BASELINE_YEARS.length - 1];
  return {
    description:
      `A yardstick, not Ukraine's stated requirement (which is not public): the mean yearly military ` +
      `allocations that all donors together made to Ukraine in ${first}–${last}, as the Kiel Institute's ` +
      `Ukraine Support Tracker reports them. It measures what sustaining that past level of support ` +
      `would take; it is not a need assessed by Ukraine or its partners, and it counts every donor, ` +
      `not only the partners with a security agreement.`,
    amountPerYear: { amount: formatScaled(cents, CENT_SCALE), currency: CURRENCY },
    years: [...BASELINE_YEARS],
    inputsEurBn: Object.fromEntries(inputs),
    method:
      `mean of the Kiel tracker's military allocations ${first}-${last} (all donors), ` +
      (exact ? 'exact' : 'rounded half to even to the cent'),
    basis: 'sourced',
    // Derived from the cited tracker's figures.
    confidence: 'computed',
    sources: kielSources(kiel, kiel.note),
  };
}

/** "0.125" -> "12.5" (per cent), exactly. */
function percent(share: string): string {
  return formatScaled(parseScaled(share, SHARE_SCALE), SHARE_SCALE - 2);
}

function checkSplit(split: readonly IllustrativeShare[]): void {
  const areas = new Set<string>();
  let total = 0n;
  for (const row of split) {
    CapabilityArea.parse(row.capabilityArea);
    if (areas.has(row.capabilityArea)) throw new Error(`illustrative split: ${row.capabilityArea} twice`);
    areas.add(row.capabilityArea);
    total += parseScaled(row.share, SHARE_SCALE);
  }
  const one = 10n ** BigInt(SHARE_SCALE);
  if (total !== one) {
    throw new Error(`illustrative split: the shares sum to ${formatScaled(total, SHARE_SCALE)}, not 1`);
  }
}

/** Splits an amount of cents by the shares; the last row takes what rounding leaves. */
function splitCents(cents: bigint, split: readonly IllustrativeShare[]): bigint[] {
  const one = 10n ** BigInt(SHARE_SCALE);
  const parts = split.map((row) => divideRounded(cents * parseScaled(row.share, SHARE_SCALE), one));
  const allButLast = parts.slice(0, -1).reduce((sum, part) => sum + part, 0n);
  const rest = cents - allButLast;
  if (rest < 0n) throw new Error('illustrative split: rounding left the last area negative');
  return [...parts.slice(0, -1), rest];
}

export function illustrativeRequirements(
  baseline: RequirementBaseline,
  split: readonly IllustrativeShare[] = ILLUSTRATIVE_SPLIT,
): RequirementRow[] {
  checkSplit(split);
  const cents = parseScaled(baseline.amountPerYear.amount, CENT_SCALE);
  const amounts = splitCents(cents, split);
  const sources = baseline.sources.map((source) => ({
    ...source,
    note: "source of the baseline only; the split by capability area is this project's illustrative assumption",
  }));
  return REQUIREMENT_YEARS.flatMap((year) =>
    split.map((row, i): RequirementRow => ({
      id: `req-${BENEFICIARY.toLowerCase()}-${row.capabilityArea}-${year}`,
      beneficiary: BENEFICIARY,
      capabilityArea: row.capabilityArea,
      period: { from: `${year}-01-01`, to: `${year}-12-31` },
      money: { amount: formatScaled(amounts[i] ?? 0n, CENT_SCALE), currency: CURRENCY },
      quantity: null,
      priority: row.priority,
      basis: 'illustrative',
      description:
        `${ILLUSTRATIVE_LABEL} ${percent(row.share)} % of the requirement baseline ` +
        `(the mean of all donors' military allocations ${BASELINE_YEARS[0]}–` +
        `${BASELINE_YEARS[BASELINE_YEARS.length - 1]}, Kiel tracker) for ${row.capabilityArea} in ${year}; ` +
        `the share and the priority are assumptions, not figures from any source.`,
      illustrativeShare: row.share,
      derivedFrom: 'requirementBaseline',
      classification: 'public',
      sources,
    })),
  );
}
