import { minorUnits } from '../money/currency.js';
import { divideRounded, formatScaled, parseScaled } from '../money/decimal.js';
import { RateTable } from '../money/exchange-rates.js';
import { signedOn } from '../registry/valid-time.js';
import type { Coalition, Commitment, ImplementationOverride } from '../schema/entities.js';
import type { ImplementationScore } from '../schema/vocabulary.js';
import { buildLedger, convertAmount, formatMinorUnits, yearOfDate, type DeliveryInput, type DeliveryOptions, type LedgerEntry } from './ledger.js';
import { ratioOf } from './totals.js';

/** Why a score is what it is. */
export type ScoreBasis = 'flows' | 'override' | 'no-data' | 'not-due' | 'no-measure';

export interface PeriodScore {
  /** The calendar year, or null for the commitment as a whole (every year due so far). */
  readonly year: number | null;
  /** The score that counts: the override when there is one, else the derived one. */
  readonly score: ImplementationScore | null;
  readonly derived: ImplementationScore | null;
  readonly basis: ScoreBasis;
  readonly measure: 'money' | 'quantity' | null;
  /** Due in the period, delivered and allocated, in the report currency (money) or units. */
  readonly due: string | null;
  readonly delivered: string | null;
  readonly allocated: string | null;
  readonly ratio: number | null;
  readonly override?: ImplementationOverride;
}

export interface CommitmentImplementation {
  readonly commitmentId: string;
  readonly agreementId: string | null;
  readonly coalitionId: string | null;
  readonly provider: string;
  readonly capabilityArea: string | null;
  readonly overall: PeriodScore;
  readonly years: readonly PeriodScore[];
}

/** Scores of a group of commitments (an agreement, a partner, a coalition). */
export interface ImplementationAggregate {
  readonly id: string;
  readonly commitments: number;
  /** Commitments with a score (the rest have no flows recorded, or nothing due yet). */
  readonly assessed: number;
  readonly mean: number | null;
  /** Mean weighted by what was due, in the report currency (money commitments only). */
  readonly weighted: number | null;
  /** How many assessed commitments score 0, 1, 2 and 3. */
  readonly distribution: readonly [number, number, number, number];
}

export interface ImplementationReport {
  readonly asOf: string;
  readonly currency: string;
  readonly commitments: readonly CommitmentImplementation[];
  readonly agreements: readonly ImplementationAggregate[];
  readonly partners: readonly ImplementationAggregate[];
  readonly coalitions: readonly ImplementationAggregate[];
}

/**
 * Peace Accords Matrix scale from delivered ÷ due: complete (3) at 100 %, intermediate (2) from
 * 50 %, minimal (1) above nothing or when something is allocated but not yet delivered, else not
 * started (0).
 */
export function scoreFromRatio(delivered: bigint, due: bigint, allocated: bigint): ImplementationScore {
  if (due > 0n && delivered >= due) return 3;
  if (due > 0n && delivered * 2n >= due) return 2;
  if (delivered > 0n || allocated > 0n) return 1;
  return 0;
}

/** Quantities are summed in thousandths, so that fractional units (tonnes) stay exact enough. */
const QUANTITY_SCALE = 1000n;

interface Measure {
  readonly kind: 'money' | 'quantity';
  /** What is due by year (money in report-currency minor units, quantities in thousandths). */
  readonly dueByYear: Map<number, bigint>;
}

function daysBetween(from: string, to: string): bigint {
  return BigInt(Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1);
}

/** What the commitment asks for in each year: `perYear` in full each year, else spread by days. */
function measureOf(commitment: Commitment, signed: string | undefined, rates: RateTable, currency: string): Measure | null {
  const amountIn = (year: number): bigint | null => {
    if (commitment.money) return convertAmount(rates, commitment.money, currency, year);
    if (commitment.quantity) return BigInt(Math.round(commitment.quantity.value * Number(QUANTITY_SCALE)));
    return null;
  };
  if (!commitment.money && !commitment.quantity) return null;
  const kind = commitment.money ? 'money' : 'quantity';
  const dueByYear = new Map<number, bigint>();
  const period = commitment.period ?? (signed ? { from: signed, to: signed } : null);
  if (!period) return { kind, dueByYear };
  const first = yearOfDate(period.from);
  const last = yearOfDate(period.to);
  const total = daysBetween(period.from, period.to);
  for (let year = first; year <= last; year++) {
    const whole = amountIn(year);
    if (whole === null) continue;
    if (commitment.money?.perYear) {
      dueByYear.set(year, whole);
      continue;
    }
    const from = year === first ? period.from : `${year}-01-01`;
    const to = year === last ? period.to : `${year}-12-31`;
    dueByYear.set(year, divideRounded(whole * daysBetween(from, to), total));
  }
  return { kind, dueByYear };
}

function latestOverride(overrides: readonly ImplementationOverride[] | undefined, year: number | null): ImplementationOverride | undefined {
  let found: ImplementationOverride | undefined;
  for (const entry of overrides ?? []) {
    if ((entry.year ?? null) !== year) continue;
    if (!found || entry.on >= found.on) found = entry;
  }
  return found;
}

function flowAmount(entry: LedgerEntry, kind: 'money' | 'quantity'): bigint {
  if (kind === 'money') return entry.value ?? 0n;
  return BigInt(Math.round((entry.quantity?.value ?? 0) * Number(QUANTITY_SCALE)));
}

function format(value: bigint, kind: 'money' | 'quantity', currency: string): string {
  return kind === 'money' ? formatMinorUnits(value, currency) : formatScaled(value, 3);
}

/**
 * Implementation scores per commitment and year, derived from its flows (delivered against what
 * was due that year), with a person's override and note taking precedence. A commitment with no
 * flow recorded is not assessed (unknown, not "not started"), as in the stress test.
 */
export function implementationScores(input: DeliveryInput & { readonly coalitions?: readonly Coalition[] }, options: DeliveryOptions): ImplementationReport {
  const currency = options.currency ?? 'EUR';
  const rates = RateTable.withBuiltIn(input.exchangeRates ?? []);
  const ledger = buildLedger(input, options);
  const agreements = new Map(input.agreements.map((agreement) => [agreement.id, agreement]));
  const flowsOf = new Map<string, LedgerEntry[]>();
  for (const entry of ledger.entries) {
    if (entry.implicit || !entry.commitmentId) continue;
    const list = flowsOf.get(entry.commitmentId) ?? [];
    list.push(entry);
    flowsOf.set(entry.commitmentId, list);
  }
  const asOfYear = yearOfDate(options.asOf);

  const commitments: CommitmentImplementation[] = [];
  for (const commitment of input.commitments) {
    if (commitment.countsAs) continue;
    const agreement = commitment.agreementId ? agreements.get(commitment.agreementId) : undefined;
    const measure = measureOf(commitment, agreement ? signedOn(agreement) : undefined, rates, currency);
    const flows = flowsOf.get(commitment.id) ?? [];
    const score = (year: number | null): PeriodScore => {
      const override = latestOverride(commitment.implementation, year);
      const scored = (derived: ImplementationScore | null, basis: ScoreBasis, extra: Partial<PeriodScore> = {}): PeriodScore => ({
        year,
        derived,
        score: override ? override.score : derived,
        basis: override ? 'override' : basis,
        measure: measure?.kind ?? null,
        due: null,
        delivered: null,
        allocated: null,
        ratio: null,
        ...extra,
        ...(override ? { override } : {}),
      });
      if (!measure) return scored(null, 'no-measure');
      if (year !== null && year > asOfYear) return scored(null, 'not-due');
      const inPeriod = (entry: LedgerEntry) => year === null || entry.year === year;
      let due = 0n;
      for (const [dueYear, amount] of measure.dueByYear) if ((year === null && dueYear <= asOfYear) || dueYear === year) due += amount;
      let delivered = 0n;
      let allocated = 0n;
      for (const entry of flows) {
        if (!inPeriod(entry)) continue;
        if (entry.stage === 'delivered') delivered += flowAmount(entry, measure.kind);
        if (entry.stage === 'allocated') allocated += flowAmount(entry, measure.kind);
      }
      const figures = {
        due: format(due, measure.kind, currency),
        delivered: format(delivered, measure.kind, currency),
        allocated: format(allocated, measure.kind, currency),
        ratio: ratioOf(delivered, due),
      };
      if (flows.length === 0) return scored(null, 'no-data', figures);
      return scored(scoreFromRatio(delivered, due, allocated), 'flows', figures);
    };
    const years = measure ? [...measure.dueByYear.keys()].sort((a, b) => a - b).map((year) => score(year)) : [];
    commitments.push({
      commitmentId: commitment.id,
      agreementId: commitment.agreementId,
      coalitionId: commitment.coalitionId ?? null,
      provider: commitment.provider,
      capabilityArea: commitment.capabilityArea ?? null,
      overall: score(null),
      years,
    });
  }

  const aggregate = (keyOf: (item: CommitmentImplementation) => string | null): ImplementationAggregate[] => {
    const groups = new Map<string, CommitmentImplementation[]>();
    for (const item of commitments) {
      const key = keyOf(item);
      if (key === null) continue;
      const list = groups.get(key) ?? [];
      list.push(item);
      groups.set(key, list);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, items]) => {
        const distribution: [number, number, number, number] = [0, 0, 0, 0];
        let sum = 0;
        let weightedSum = 0n;
        let weights = 0n;
        let assessed = 0;
        for (const item of items) {
          const value = item.overall.score;
          if (value === null) continue;
          assessed++;
          distribution[value]++;
          sum += value;
          if (item.overall.measure === 'money' && item.overall.due !== null) {
            const weight = parseScaled(item.overall.due, minorUnits(currency));
            weightedSum += weight * BigInt(value);
            weights += weight;
          }
        }
        return {
          id,
          commitments: items.length,
          assessed,
          mean: assessed > 0 ? Math.round((sum / assessed) * 100) / 100 : null,
          weighted: weights > 0n ? Number((weightedSum * 100n + weights / 2n) / weights) / 100 : null,
          distribution,
        };
      });
  };
  return {
    asOf: options.asOf,
    currency,
    commitments,
    agreements: aggregate((item) => item.agreementId),
    partners: aggregate((item) => item.provider),
    coalitions: aggregate((item) => item.coalitionId),
  };
}
