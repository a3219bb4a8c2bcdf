import { formatMinorUnits, type Ledger, type LedgerEntry } from './ledger.js';

export const DELIVERY_DIMENSIONS = ['provider', 'capabilityArea', 'year'] as const;
export type DeliveryDimension = (typeof DELIVERY_DIMENSIONS)[number];

/** Committed, allocated and delivered for one group, as exact decimal strings in the report currency. */
export interface DeliveryRow {
  readonly provider?: string;
  readonly capabilityArea?: string | null;
  readonly year?: number;
  readonly committed: string;
  readonly allocated: string;
  readonly delivered: string;
  /** Delivered ÷ committed, four decimals; null when nothing is committed. */
  readonly deliveryRatio: number | null;
  /** Entries with money that could not be converted, left out of the sums. */
  readonly unconvertible: number;
  readonly entries: number;
}

const STAGE_COLUMN = { pledge: 'committed', allocated: 'allocated', delivered: 'delivered' } as const;

/** Delivered ÷ committed rounded to four decimals without passing through a float sum. */
export function ratioOf(numerator: bigint, denominator: bigint): number | null {
  if (denominator <= 0n) return null;
  return Number((numerator * 10000n + denominator / 2n) / denominator) / 10000;
}

/**
 * Sums the ledger by the chosen dimensions. Stages are summed apart and never added together: an
 * allocation that carries out a pledge is the same money at a later stage, not more money.
 */
export function deliveryTotals(ledger: Ledger, by: readonly DeliveryDimension[]): DeliveryRow[] {
  const groups = new Map<string, { key: Partial<Record<DeliveryDimension, string | number | null>>; sums: Record<'committed' | 'allocated' | 'delivered', bigint>; unconvertible: number; entries: number }>();
  for (const entry of ledger.entries) {
    const key: Partial<Record<DeliveryDimension, string | number | null>> = {};
    for (const dimension of by) key[dimension] = dimensionOf(entry, dimension);
    const id = JSON.stringify(by.map((dimension) => key[dimension]));
    let group = groups.get(id);
    if (!group) {
      group = { key, sums: { committed: 0n, allocated: 0n, delivered: 0n }, unconvertible: 0, entries: 0 };
      groups.set(id, group);
    }
    group.entries++;
    if (entry.unconvertible) group.unconvertible++;
    if (entry.value !== null) group.sums[STAGE_COLUMN[entry.stage]] += entry.value;
  }
  const rows = [...groups.values()].map((group): DeliveryRow => ({
    ...(group.key as Pick<DeliveryRow, DeliveryDimension>),
    committed: formatMinorUnits(group.sums.committed, ledger.currency),
    allocated: formatMinorUnits(group.sums.allocated, ledger.currency),
    delivered: formatMinorUnits(group.sums.delivered, ledger.currency),
    deliveryRatio: ratioOf(group.sums.delivered, group.sums.committed),
    unconvertible: group.unconvertible,
    entries: group.entries,
  }));
  return rows.sort((a, b) => compareKeys(a, b, by));
}

function dimensionOf(entry: LedgerEntry, dimension: DeliveryDimension): string | number | null {
  if (dimension === 'year') return entry.year;
  if (dimension === 'provider') return entry.provider;
  return entry.capabilityArea;
}

function compareKeys(a: DeliveryRow, b: DeliveryRow, by: readonly DeliveryDimension[]): number {
  for (const dimension of by) {
    const x = a[dimension] ?? '';
    const y = b[dimension] ?? '';
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/** An allocation past its due date and not fully delivered, or delivered after it. */
export interface LateDelivery {
  readonly allocationId: string;
  readonly commitmentId: string | null;
  readonly provider: string;
  readonly capabilityArea: string | null;
  readonly dueOn: string;
  readonly status: 'overdue' | 'delivered-late';
  /** Days past due: to the day of the view when overdue, to the completing delivery when late. */
  readonly daysLate: number;
  readonly measure: 'money' | 'quantity';
  readonly allocated: string;
  readonly delivered: string;
  readonly completedOn: string | null;
}

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Late deliveries. A delivery is matched to the allocation it carries out by `restatesFlowId`; an
 * allocation with a `dueOn` is late when what was delivered for it reached its amount only after
 * that day, or had not reached it by the day of the view. Quantities are compared when the
 * allocation gives one, money otherwise.
 */
export function lateDeliveries(ledger: Ledger): LateDelivery[] {
  const deliveries = new Map<string, LedgerEntry[]>();
  for (const entry of ledger.entries) {
    if (entry.stage === 'delivered' && entry.restatesFlowId) {
      const list = deliveries.get(entry.restatesFlowId) ?? [];
      list.push(entry);
      deliveries.set(entry.restatesFlowId, list);
    }
  }
  const out: LateDelivery[] = [];
  for (const allocation of ledger.entries) {
    if (allocation.stage !== 'allocated' || !allocation.dueOn) continue;
    const byQuantity = allocation.quantity !== null;
    const target = byQuantity ? allocation.quantity?.value ?? 0 : allocation.grossValue;
    if (target === null) continue;
    let done: number | bigint = byQuantity ? 0 : 0n;
    let completedOn: string | null = null;
    for (const delivery of deliveries.get(allocation.id) ?? []) {
      if (byQuantity) done = (done as number) + (delivery.quantity?.value ?? 0);
      else done = (done as bigint) + (delivery.grossValue ?? 0n);
      if (completedOn === null && done >= target) completedOn = delivery.on;
    }
    const amount = (value: number | bigint) => (typeof value === 'bigint' ? formatMinorUnits(value, ledger.currency) : String(value));
    const base = {
      allocationId: allocation.id,
      commitmentId: allocation.commitmentId,
      provider: allocation.provider,
      capabilityArea: allocation.capabilityArea,
      dueOn: allocation.dueOn,
      measure: byQuantity ? ('quantity' as const) : ('money' as const),
      allocated: amount(target),
      delivered: amount(done),
      completedOn,
    };
    if (completedOn === null && allocation.dueOn < ledger.asOf) out.push({ ...base, status: 'overdue', daysLate: days(allocation.dueOn, ledger.asOf) });
    else if (completedOn !== null && completedOn > allocation.dueOn) out.push({ ...base, status: 'delivered-late', daysLate: days(allocation.dueOn, completedOn) });
  }
  return out.sort((a, b) => b.daysLate - a.daysLate || (a.allocationId < b.allocationId ? -1 : 1));
}
