// The scenario editor's state and its translation into the API's scenario (pure, tested).
import type { StressScenarioInput } from '@compact/core';

export type ChangeDraft =
  | { kind: 'remove-partner'; partner: string }
  | { kind: 'delay-partner'; partner: string; months: number }
  | { kind: 'add-pledge'; partner: string; capabilityArea: string; amount: string; year: number }
  | { kind: 'nato-accession'; date: string }
  | { kind: 'funding-hold'; partner: string; months: number };

export const CHANGE_KINDS = [
  'remove-partner',
  'delay-partner',
  'add-pledge',
  'nato-accession',
  'funding-hold',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export function emptyChange(kind: ChangeKind, year: number): ChangeDraft {
  switch (kind) {
    case 'remove-partner':
      return { kind, partner: '' };
    case 'delay-partner':
    case 'funding-hold':
      return { kind, partner: '', months: 6 };
    case 'add-pledge':
      return { kind, partner: '', capabilityArea: 'air-defence', amount: '', year };
    case 'nato-accession':
      return { kind, date: `${year + 1}-01-01` };
  }
}

/** The scenario the API takes; null when the editor holds nothing. Partner codes are upper-cased. */
export function toScenario(name: string, drafts: readonly ChangeDraft[]): StressScenarioInput | null {
  if (drafts.length === 0) return null;
  const shocks: NonNullable<StressScenarioInput['shocks']> = [];
  const changes: NonNullable<StressScenarioInput['changes']> = [];
  drafts.forEach((draft, index) => {
    switch (draft.kind) {
      case 'remove-partner':
        changes.push({ type: 'remove-partner', partner: draft.partner.trim().toUpperCase() });
        break;
      case 'delay-partner':
        changes.push({
          type: 'delay-partner',
          partner: draft.partner.trim().toUpperCase(),
          months: draft.months,
        });
        break;
      case 'funding-hold':
        shocks.push({
          type: 'funding-hold',
          partner: draft.partner.trim().toUpperCase(),
          months: draft.months,
        });
        break;
      case 'nato-accession':
        changes.push({ type: 'nato-accession', date: draft.date });
        break;
      case 'add-pledge':
        changes.push({
          type: 'add-pledge',
          id: `web-pledge-${index + 1}`,
          partner: draft.partner.trim().toUpperCase(),
          capabilityArea: draft.capabilityArea as 'air-defence',
          amount: draft.amount.replace(/[\s,_]/g, ''),
          currency: 'EUR',
          from: `${draft.year}-01-01`,
          to: `${draft.year}-12-31`,
        });
        break;
    }
  });
  return { name: name.trim() || 'scenario', shocks, changes };
}

/** One capability area's fan: per year the percentiles 5, 10, 25, 50, 75, 90, 95 and the mean. */
export interface FanSeries {
  readonly area: string;
  readonly years: number[];
  readonly fans: number[][];
  readonly means: number[];
  readonly critical: boolean;
}

/** Cells grouped by capability area, years ascending; areas in the given order, unknown ones last. */
export function fanSeries(
  cells: readonly {
    capabilityArea: string;
    year: number;
    fan: readonly number[];
    mean: number;
    critical: boolean;
  }[],
  order: readonly string[],
): FanSeries[] {
  const byArea = new Map<string, (typeof cells)[number][]>();
  for (const cell of cells)
    byArea.set(cell.capabilityArea, [...(byArea.get(cell.capabilityArea) ?? []), cell]);
  const rank = (area: string) => (order.includes(area) ? order.indexOf(area) : order.length);
  return [...byArea.entries()]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1))
    .map(([area, list]) => {
      const sorted = [...list].sort((a, b) => a.year - b.year);
      return {
        area,
        years: sorted.map((c) => c.year),
        fans: sorted.map((c) => [...c.fan]),
        means: sorted.map((c) => c.mean),
        critical: sorted.some((c) => c.critical),
      };
    });
}
