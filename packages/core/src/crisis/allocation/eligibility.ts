// Which offer can serve which request line, and why not: pure, no solver.
import type { AllocationExclusion, AllocationLine, AllocationOffer, AllocationOptions, OfferCondition, Priority } from './types.js';

/** Objective weight of one item delivered to a line of this priority. Integers, so stage values are exact. */
export const PRIORITY_WEIGHTS: Readonly<Record<Priority, number>> = { critical: 8, high: 4, medium: 2, low: 1 };

export interface EligiblePair {
  offerId: string;
  lineId: string;
  partner: string;
  /** Index into the lines and offers arrays as given. */
  lineIndex: number;
  offerIndex: number;
  /** Most this pair can carry: min(offer quantity, line quantity). */
  upper: number;
  deliveryDate: string;
  daysLate: number;
  onTime: boolean;
  weight: number;
  unitCostEur: number | null;
}

export interface Eligibility {
  pairs: EligiblePair[];
  excluded: AllocationExclusion[];
}

const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01, UTC) of an ISO date or timestamp; NaN when unreadable. */
export function dayNumber(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

function norm(text: string): string {
  return text.trim().toLowerCase();
}

/** Offer quantity as whole items: fractional quantities are rounded down, negatives count as 0. */
export function offerUnits(offer: AllocationOffer): number {
  return Number.isFinite(offer.quantity) ? Math.max(0, Math.floor(offer.quantity)) : 0;
}

interface PreparedCondition {
  condition: OfferCondition;
  tags: Array<[string, string]>;
  regions: Set<string>;
}

function prepareConditions(offer: AllocationOffer): PreparedCondition[] {
  return (offer.conditions ?? [])
    .filter((c) => c.excludesUseTags?.length || c.excludesRegions?.length)
    .map((condition) => ({
      condition,
      tags: (condition.excludesUseTags ?? []).map((tag): [string, string] => [norm(tag), tag]),
      regions: new Set((condition.excludesRegions ?? []).map(norm)),
    }));
}

function conditionReason(prepared: PreparedCondition, lineTags: ReadonlySet<string>, lineRegion: string, line: AllocationLine): string | null {
  const parts: string[] = [];
  const hitTags = prepared.tags.filter(([key]) => lineTags.has(key)).map(([, tag]) => tag);
  if (hitTags.length) parts.push(`excludes use ${hitTags.map((t) => `'${t}'`).join(', ')}`);
  if (lineRegion !== '' && prepared.regions.has(lineRegion)) parts.push(`excludes region '${line.region}'`);
  if (!parts.length) return null;
  return `${prepared.condition.type} condition "${prepared.condition.text}" ${parts.join(' and ')}`;
}

/**
 * Every (offer, line) pair with the same item and unit (compared trimmed, case-insensitively)
 * where the offer is not aimed at another line. Pairs an offer condition or the coordinator rules
 * out go to `excluded` with the reason in words; the rest are `pairs`, line-major in the order the
 * lines are given, offers in the order given within a line.
 */
export function eligiblePairs(lines: readonly AllocationLine[], offers: readonly AllocationOffer[], options: AllocationOptions = {}): Eligibility {
  const excludedIds = new Set(options.excludedOfferIds ?? []);
  const byKey = new Map<string, number[]>();
  const conditions = offers.map(prepareConditions);
  const deliveryDays = offers.map((offer) => dayNumber(offer.earliestDelivery));
  const units = offers.map(offerUnits);
  offers.forEach((offer, index) => {
    const key = `${norm(offer.item)}\u0000${norm(offer.unit)}`;
    const list = byKey.get(key);
    if (list) list.push(index);
    else byKey.set(key, [index]);
  });
  const pairs: EligiblePair[] = [];
  const excluded: AllocationExclusion[] = [];
  lines.forEach((line, lineIndex) => {
    const candidates = byKey.get(`${norm(line.item)}\u0000${norm(line.unit)}`) ?? [];
    const needed = dayNumber(line.neededBy);
    const weight = PRIORITY_WEIGHTS[line.priority];
    const lineTags = new Set((line.useTags ?? []).map(norm));
    const lineRegion = line.region === undefined ? '' : norm(line.region);
    for (const offerIndex of candidates) {
      const offer = offers[offerIndex] as AllocationOffer;
      if (offer.lineId !== undefined && offer.lineId !== null && offer.lineId !== line.id) continue;
      const reasons: string[] = [];
      if (excludedIds.has(offer.id)) reasons.push('excluded by coordinator');
      for (const prepared of conditions[offerIndex] ?? []) {
        const reason = conditionReason(prepared, lineTags, lineRegion, line);
        if (reason) reasons.push(reason);
      }
      if (reasons.length) {
        excluded.push({ offerId: offer.id, lineId: line.id, reason: reasons.join('; ') });
        continue;
      }
      const delivery = deliveryDays[offerIndex] ?? 0;
      const daysLate = Math.max(0, delivery - needed);
      pairs.push({
        offerId: offer.id,
        lineId: line.id,
        partner: offer.partner,
        lineIndex,
        offerIndex,
        upper: Math.min(units[offerIndex] ?? 0, line.quantity),
        deliveryDate: offer.earliestDelivery,
        daysLate,
        onTime: daysLate === 0,
        weight,
        unitCostEur: offer.unitCostEur,
      });
    }
  });
  return { pairs, excluded };
}
