import { minorUnits } from '../money/currency.js';
import { formatScaled, parseScaled } from '../money/decimal.js';
import { RateTable, UnconvertibleError, type ExchangeRate } from '../money/exchange-rates.js';
import type { Money } from '../money/money.js';
import { isActiveAsOf, signedOn } from '../registry/valid-time.js';
import type { MoneyAmount, Quantity } from '../schema/common.js';
import type { Agreement, Commitment, Flow } from '../schema/entities.js';
import type { AidType, FlowStage } from '../schema/vocabulary.js';

/** What the delivery views read: the registry's commitments and the flows recorded against them. */
export interface DeliveryInput {
  readonly agreements: readonly Agreement[];
  readonly commitments: readonly Commitment[];
  readonly flows: readonly Flow[];
  readonly exchangeRates?: readonly ExchangeRate[];
}

export interface DeliveryOptions {
  /** The day the views are taken: flows after it have not happened yet. */
  readonly asOf: string;
  /** Report currency, EUR by default. */
  readonly currency?: string;
}

/**
 * One line of the pipeline: a recorded flow, or a commitment's own pledge when no pledge flow was
 * recorded for it (every signed commitment is a pledge; recording it twice would count it twice).
 */
export interface LedgerEntry {
  readonly id: string;
  /** A commitment's pledge derived from the registry, not a recorded flow. */
  readonly implicit: boolean;
  readonly commitmentId: string | null;
  readonly agreementId: string | null;
  readonly coalitionId: string | null;
  readonly provider: string;
  readonly beneficiary: string;
  readonly capabilityArea: string | null;
  readonly aidType: AidType | null;
  readonly stage: FlowStage;
  readonly on: string;
  readonly year: number;
  readonly dueOn: string | null;
  readonly money: MoneyAmount | null;
  readonly quantity: Quantity | null;
  readonly parentFlowId: string | null;
  readonly restatesFlowId: string | null;
  /** Whether the entry adds to totals: new money, less what passes through it from child flows. */
  readonly counted: boolean;
  /** The amount it adds, in the report currency's minor units; null without money or a rate. */
  readonly value: bigint | null;
  /** Its own amount in the report currency before pass-through deduction (for lateness checks). */
  readonly grossValue: bigint | null;
  readonly unconvertible: boolean;
}

export interface Ledger {
  readonly asOf: string;
  readonly currency: string;
  readonly entries: readonly LedgerEntry[];
  /** Flows and commitments left out, with the reason (a flow whose commitment is not visible). */
  readonly skipped: ReadonlyArray<{ readonly id: string; readonly reason: string }>;
}

export function yearOfDate(date: string): number {
  return Number(date.slice(0, 4));
}

/** Converts a recorded amount into the report currency with the rate of its year, or null. */
export function convertAmount(rates: RateTable, money: MoneyAmount, currency: string, year: number): bigint | null {
  const source: Money = { minor: parseScaled(money.amount, minorUnits(money.currency)), currency: money.currency };
  try {
    return rates.convert(source, currency, year).minor;
  } catch (error) {
    if (error instanceof UnconvertibleError) return null;
    throw error;
  }
}

export function formatMinorUnits(minor: bigint, currency: string): string {
  return formatScaled(minor, minorUnits(currency));
}

/** The day a commitment's pledge is dated: its period's start, else its agreement's signature. */
function pledgeDates(commitment: Commitment, agreement: Agreement | undefined): string[] {
  const period = commitment.period;
  if (period && commitment.money?.perYear) {
    const dates: string[] = [];
    for (let year = yearOfDate(period.from); year <= yearOfDate(period.to); year++) dates.push(year === yearOfDate(period.from) ? period.from : `${year}-01-01`);
    return dates;
  }
  const signed = agreement ? signedOn(agreement) : undefined;
  const on = period?.from ?? signed;
  return on ? [on] : [];
}

/**
 * Builds the ledger: every flow on or before `asOf`, and an implicit pledge for each commitment
 * with money that counts (its agreement signed or in force at `asOf`, or a coalition contribution;
 * not a restatement of another) and has no pledge flow of its own. Money passed through another
 * flow (`parentFlowId`) counts in full in the child and the parent only with the rest; a flow with
 * `newMoney: false` does not count; so a euro passed through a coalition fund is counted once.
 */
export function buildLedger(input: DeliveryInput, options: DeliveryOptions): Ledger {
  const currency = options.currency ?? 'EUR';
  const rates = RateTable.withBuiltIn(input.exchangeRates ?? []);
  const agreements = new Map(input.agreements.map((agreement) => [agreement.id, agreement]));
  const commitments = new Map(input.commitments.map((commitment) => [commitment.id, commitment]));
  const skipped: Array<{ id: string; reason: string }> = [];
  const pledged = new Set<string>();
  const flows = input.flows.filter((flow) => flow.on <= options.asOf);

  type Draft = Omit<LedgerEntry, 'counted' | 'value'> & { newMoney: boolean };
  const drafts: Draft[] = [];
  for (const flow of flows) {
    const commitment = flow.commitmentId ? commitments.get(flow.commitmentId) : undefined;
    if (flow.commitmentId && !commitment && !flow.provider) {
      skipped.push({ id: flow.id, reason: `its commitment "${flow.commitmentId}" is not in the input` });
      continue;
    }
    if (commitment && flow.stage === 'pledge') pledged.add(commitment.id);
    const year = yearOfDate(flow.on);
    const grossValue = flow.money ? convertAmount(rates, flow.money, currency, year) : null;
    drafts.push({
      id: flow.id,
      implicit: false,
      commitmentId: flow.commitmentId ?? null,
      agreementId: commitment?.agreementId ?? null,
      coalitionId: commitment?.coalitionId ?? null,
      provider: flow.provider ?? commitment?.provider ?? '',
      beneficiary: flow.beneficiary ?? commitment?.beneficiary ?? 'UA',
      capabilityArea: flow.capabilityArea ?? commitment?.capabilityArea ?? null,
      aidType: flow.aidType ?? null,
      stage: flow.stage,
      on: flow.on,
      year,
      dueOn: flow.dueOn ?? null,
      money: flow.money ?? null,
      quantity: flow.quantity ?? null,
      parentFlowId: flow.parentFlowId ?? null,
      restatesFlowId: flow.restatesFlowId ?? null,
      grossValue,
      unconvertible: Boolean(flow.money) && grossValue === null,
      newMoney: flow.newMoney !== false,
    });
  }

  for (const commitment of input.commitments) {
    if (!commitment.money || commitment.countsAs || pledged.has(commitment.id)) continue;
    const agreement = commitment.agreementId ? agreements.get(commitment.agreementId) : undefined;
    if (commitment.agreementId && (!agreement || !isActiveAsOf(agreement, options.asOf))) continue;
    const dates = pledgeDates(commitment, agreement).filter((on) => on <= options.asOf);
    if (dates.length === 0) {
      skipped.push({ id: commitment.id, reason: 'the pledge has no date on or before the day of the view' });
      continue;
    }
    for (const on of dates) {
      const year = yearOfDate(on);
      const grossValue = convertAmount(rates, commitment.money, currency, year);
      drafts.push({
        id: dates.length > 1 ? `pledge:${commitment.id}:${year}` : `pledge:${commitment.id}`,
        implicit: true,
        commitmentId: commitment.id,
        agreementId: commitment.agreementId,
        coalitionId: commitment.coalitionId ?? null,
        provider: commitment.provider,
        beneficiary: commitment.beneficiary,
        capabilityArea: commitment.capabilityArea ?? null,
        aidType: null,
        stage: 'pledge',
        on,
        year,
        dueOn: null,
        money: commitment.money,
        quantity: commitment.quantity ?? null,
        parentFlowId: null,
        restatesFlowId: null,
        grossValue,
        unconvertible: grossValue === null,
        newMoney: true,
      });
    }
  }

  const passedThrough = new Map<string, bigint>();
  for (const draft of drafts) {
    if (draft.parentFlowId && draft.newMoney && draft.grossValue !== null) {
      passedThrough.set(draft.parentFlowId, (passedThrough.get(draft.parentFlowId) ?? 0n) + draft.grossValue);
    }
  }
  const entries = drafts.map(({ newMoney, ...draft }): LedgerEntry => {
    let value = newMoney ? draft.grossValue : null;
    if (value !== null) {
      value -= passedThrough.get(draft.id) ?? 0n;
      if (value < 0n) value = 0n;
    }
    return { ...draft, counted: newMoney, value };
  });
  entries.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { asOf: options.asOf, currency, entries, skipped };
}
