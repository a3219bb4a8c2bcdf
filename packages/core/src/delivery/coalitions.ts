import { divideRounded, fractionDigits, parseScaled } from '../money/decimal.js';
import { RateTable } from '../money/exchange-rates.js';
import type { Coalition, CoalitionMembership, Commitment, Milestone, Partner } from '../schema/entities.js';
import type { CoalitionRole } from '../schema/vocabulary.js';
import { buildLedger, convertAmount, formatMinorUnits, yearOfDate, type DeliveryInput, type DeliveryOptions } from './ledger.js';
import { ratioOf } from './totals.js';

/** Last day a partial date (`2024`, `2024-07`, `2024-07-10`) can mean: a milestone due "in 2024" is late from 2025. */
export function endOfPartialDate(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [year, month] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${date}-${String(last).padStart(2, '0')}`;
  }
  return date;
}

function startOfPartialDate(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

export interface MilestoneView extends Milestone {
  readonly late: boolean;
  /** Days past the due date: to the day of the view while open, to `doneOn` when done late. */
  readonly daysLate: number;
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Late: marked late, still open after its due date, or done after it. */
export function milestoneView(milestone: Milestone, asOf: string): MilestoneView {
  const due = endOfPartialDate(milestone.due);
  if (milestone.status === 'cancelled') return { ...milestone, late: false, daysLate: 0 };
  if (milestone.status === 'done') {
    const late = milestone.doneOn !== undefined && milestone.doneOn > due;
    return { ...milestone, late, daysLate: late && milestone.doneOn ? daysFrom(due, milestone.doneOn) : 0 };
  }
  const overdue = due < asOf;
  return { ...milestone, late: milestone.status === 'late' || overdue, daysLate: overdue ? daysFrom(due, asOf) : 0 };
}

/** Who is in the coalition on a day, and in which role. Dated membership wins over the plain lists. */
export function membersOn(coalition: Coalition, day: string): Array<{ partner: string; role: CoalitionRole }> {
  const roles = new Map<string, CoalitionRole>();
  const dated = new Set((coalition.membership ?? []).map((entry) => entry.partner));
  for (const partner of coalition.members) if (!dated.has(partner)) roles.set(partner, 'member');
  for (const partner of coalition.leads) if (!dated.has(partner)) roles.set(partner, 'lead');
  for (const entry of coalition.membership ?? []) {
    if (!covers(entry, day)) continue;
    if (entry.role === 'lead' || !roles.has(entry.partner)) roles.set(entry.partner, entry.role);
  }
  return [...roles.entries()]
    .map(([partner, role]) => ({ partner, role }))
    .sort((a, b) => (a.role === b.role ? (a.partner < b.partner ? -1 : 1) : a.role === 'lead' ? -1 : 1));
}

function covers(entry: CoalitionMembership, day: string): boolean {
  return (!entry.from || startOfPartialDate(entry.from) <= day) && (!entry.to || endOfPartialDate(entry.to) >= day);
}

export interface FairShare {
  readonly partner: string;
  readonly role: CoalitionRole;
  /** The member's share of the requirement, as a fraction with six decimals; null when unknown. */
  readonly share: string | null;
  /** Its part of the requirement (money in the report currency, or units); null when the key is unknown. */
  readonly target: string | null;
  readonly pledged: string;
  readonly delivered: string;
  /** Pledged ÷ target; null without a target. */
  readonly pledgedRatio: number | null;
  readonly status: 'meets' | 'below' | 'unknown';
}

export interface CoalitionRoadmap {
  readonly coalitionId: string;
  readonly name: string;
  readonly asOf: string;
  readonly currency: string;
  readonly capabilityAreas: readonly string[];
  readonly members: ReadonlyArray<{ partner: string; role: CoalitionRole }>;
  readonly membership: readonly CoalitionMembership[];
  readonly milestones: readonly MilestoneView[];
  readonly lateMilestones: number;
  readonly requirement: Coalition['requirement'] | null;
  readonly measure: 'money' | 'quantity' | null;
  readonly key: {
    readonly kind: 'gdp' | 'agreed';
    /** The GDP year used, when the key is GDP. */
    readonly year: number | null;
    /** Members the key gives no weight for: no GDP figure on record, or not named in the agreed key. */
    readonly missing: readonly string[];
    readonly note?: string;
  };
  readonly shares: readonly FairShare[];
  readonly totals: { readonly target: string | null; readonly pledged: string; readonly delivered: string };
  readonly warnings: readonly string[];
}

const SHARE_SCALE = 1_000_000n;

function gdpYear(partners: ReadonlyMap<string, Partner>, members: readonly string[], wanted: number | undefined): number | null {
  if (wanted !== undefined) return wanted;
  // The latest year for which most members have a figure, so one late reporter does not drop the key back years.
  const counts = new Map<number, number>();
  for (const member of members) for (const figure of partners.get(member)?.gdp ?? []) counts.set(figure.year, (counts.get(figure.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, count] of counts) {
    const bestCount = best === null ? -1 : (counts.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && best !== null && year > best)) best = year;
  }
  return best;
}

/**
 * A coalition's roadmap on a day: members and leads, milestones (late ones flagged), and its
 * requirement apportioned to the members by the fair-share key — GDP by default, or the key its
 * lead agreed — against what each member pledged to the coalition and delivered. Weights are exact:
 * targets are the requirement times weight over the sum of weights, rounded half to even.
 */
export function coalitionRoadmap(
  coalition: Coalition,
  input: DeliveryInput & { readonly partners: readonly Partner[] },
  options: DeliveryOptions,
): CoalitionRoadmap {
  const currency = options.currency ?? 'EUR';
  const rates = RateTable.withBuiltIn(input.exchangeRates ?? []);
  const warnings: string[] = [];
  const partners = new Map(input.partners.map((partner) => [partner.code, partner]));
  const requirement = coalition.requirement ?? null;
  const day = requirement?.period ? (requirement.period.from > options.asOf ? requirement.period.from : options.asOf) : options.asOf;
  const members = membersOn(coalition, day);
  const codes = members.map((member) => member.partner);
  const milestones = coalition.milestones.map((milestone) => milestoneView(milestone, options.asOf));

  // Weights per member, scaled integers; null when unknown.
  const key = coalition.fairShareKey ?? { kind: 'gdp' as const };
  const weights = new Map<string, bigint>();
  const missing: string[] = [];
  let year: number | null = null;
  if (key.kind === 'agreed') {
    for (const code of codes) {
      const share = key.shares[code];
      if (share === undefined) missing.push(code);
      else weights.set(code, parseScaled(share, Math.max(fractionDigits(share), 0) > 9 ? fractionDigits(share) : 9));
    }
    for (const named of Object.keys(key.shares)) if (!codes.includes(named)) warnings.push(`the agreed key names ${named}, which is not a member on ${day}`);
  } else {
    year = gdpYear(partners, codes, key.year);
    for (const code of codes) {
      const figure = year === null ? undefined : partners.get(code)?.gdp?.find((entry) => entry.year === year);
      const value = figure ? convertAmount(rates, figure.money, currency, figure.year) : null;
      if (value === null) missing.push(code);
      else weights.set(code, value);
    }
    if (year === null) warnings.push('no member has a GDP figure on record: enter an agreed key, or import GDP (the Kiel country file carries it)');
  }
  if (missing.length > 0 && weights.size > 0) {
    warnings.push(`${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no weight in the key: shares are of the other members and the targets are partial`);
  }
  const weightSum = [...weights.values()].reduce((sum, weight) => sum + weight, 0n);

  // The requirement in the report currency (money) or in thousandths of a unit (quantities).
  const measure = requirement?.money ? 'money' : requirement?.quantity ? 'quantity' : null;
  let requirementValue: bigint | null = null;
  if (requirement?.money) {
    const at = requirement.period ? yearOfDate(requirement.period.from) : yearOfDate(options.asOf);
    requirementValue = convertAmount(rates, requirement.money, currency, at);
    if (requirementValue === null) warnings.push(`the requirement's ${requirement.money.currency} cannot be converted to ${currency} for ${at}`);
  } else if (requirement?.quantity) {
    requirementValue = BigInt(Math.round(requirement.quantity.value * 1000));
  }

  // What each member pledged to the coalition (its contributions) and what was delivered on them.
  const contributions = input.commitments.filter((commitment) => commitment.coalitionId === coalition.id && !commitment.countsAs);
  const ledger = buildLedger({ ...input, commitments: contributions, flows: input.flows.filter((flow) => contributions.some((c) => c.id === flow.commitmentId)) }, options);
  const pledged = new Map<string, bigint>();
  const delivered = new Map<string, bigint>();
  const add = (map: Map<string, bigint>, code: string, value: bigint) => map.set(code, (map.get(code) ?? 0n) + value);
  for (const commitment of contributions) {
    const value = pledgedValue(commitment, measure, requirement?.quantity?.item, rates, currency, options.asOf);
    if (value !== null) add(pledged, commitment.provider, value);
  }
  for (const entry of ledger.entries) {
    if (entry.stage !== 'delivered') continue;
    if (measure === 'quantity') {
      if (entry.quantity && (!requirement?.quantity?.item || !entry.quantity.item || entry.quantity.item === requirement.quantity.item)) {
        add(delivered, entry.provider, BigInt(Math.round(entry.quantity.value * 1000)));
      }
    } else if (entry.value !== null) add(delivered, entry.provider, entry.value);
  }

  const show = (value: bigint) => (measure === 'quantity' ? formatQuantity(value) : formatMinorUnits(value, currency));
  const shares = members.map(({ partner, role }): FairShare => {
    const weight = weights.get(partner);
    const mine = pledged.get(partner) ?? 0n;
    const target = weight !== undefined && weightSum > 0n && requirementValue !== null ? divideRounded(requirementValue * weight, weightSum) : null;
    return {
      partner,
      role,
      share: weight !== undefined && weightSum > 0n ? formatFraction(divideRounded(weight * SHARE_SCALE, weightSum)) : null,
      target: target === null ? null : show(target),
      pledged: show(mine),
      delivered: show(delivered.get(partner) ?? 0n),
      pledgedRatio: target === null ? null : ratioOf(mine, target),
      status: target === null ? 'unknown' : mine >= target ? 'meets' : 'below',
    };
  });
  const pledgedTotal = [...pledged.values()].reduce((sum, value) => sum + value, 0n);
  const deliveredTotal = [...delivered.values()].reduce((sum, value) => sum + value, 0n);
  const outsiders = [...pledged.keys()].filter((code) => !codes.includes(code));
  if (outsiders.length > 0) warnings.push(`${outsiders.join(', ')} pledged to the coalition but ${outsiders.length === 1 ? 'is' : 'are'} not a member on ${day}`);

  return {
    coalitionId: coalition.id,
    name: coalition.name,
    asOf: options.asOf,
    currency,
    capabilityAreas: coalition.capabilityAreas,
    members,
    membership: coalition.membership ?? [],
    milestones,
    lateMilestones: milestones.filter((milestone) => milestone.late).length,
    requirement,
    measure,
    key: { kind: key.kind, year, missing, ...(key.kind === 'agreed' && key.note ? { note: key.note } : {}) },
    shares,
    totals: { target: requirementValue === null ? null : show(requirementValue), pledged: show(pledgedTotal), delivered: show(deliveredTotal) },
    warnings,
  };
}

function formatFraction(scaled: bigint): string {
  const digits = scaled.toString().padStart(7, '0');
  return `${digits.slice(0, -6)}.${digits.slice(-6)}`;
}

function formatQuantity(thousandths: bigint): string {
  const whole = thousandths / 1000n;
  const rest = thousandths % 1000n;
  return rest === 0n ? whole.toString() : `${whole}.${rest.toString().padStart(3, '0').replace(/0+$/, '')}`;
}

/** A contribution's pledged amount: money converted (per-year pledges times their years), or units of the required item. */
function pledgedValue(
  commitment: Commitment,
  measure: 'money' | 'quantity' | null,
  item: string | undefined,
  rates: RateTable,
  currency: string,
  asOf: string,
): bigint | null {
  if (measure === 'quantity') {
    if (!commitment.quantity) return null;
    if (item && commitment.quantity.item && commitment.quantity.item !== item) return null;
    return BigInt(Math.round(commitment.quantity.value * 1000));
  }
  if (!commitment.money) return null;
  const from = commitment.period ? yearOfDate(commitment.period.from) : yearOfDate(asOf);
  const years = commitment.money.perYear && commitment.period ? yearOfDate(commitment.period.to) - from + 1 : 1;
  const value = convertAmount(rates, commitment.money, currency, from);
  return value === null ? null : value * BigInt(years);
}
