import type { AgreementView } from '../../api/types.js';

/** The G7 Joint Declaration, Vilnius: where the timeline starts. */
export const TIMELINE_START = '2023-07-12';

/** Dates the timeline marks: the seed article's snapshot and the Ukraine Compact's signing. */
export const MARKERS = [
  { date: '2024-02-20', key: 'seedArticle' },
  { date: '2024-07-11', key: 'ukraineCompact' },
] as const;
export type MarkerKey = (typeof MARKERS)[number]['key'];

export type Signature = Pick<
  AgreementView,
  'id' | 'kind' | 'partner' | 'title' | 'titleUk' | 'confidence'
> & {
  date: string;
};

export interface TimelineDay {
  date: string;
  signatures: Signature[];
  markers: MarkerKey[];
}

/** Signatures on or after the start, grouped by day, with the marked dates merged in, in date order. */
export function buildTimeline(
  agreements: readonly AgreementView[],
  start: string = TIMELINE_START,
  markers: ReadonlyArray<{ date: string; key: MarkerKey }> = MARKERS,
): TimelineDay[] {
  const days = new Map<string, TimelineDay>();
  const day = (date: string) => {
    let entry = days.get(date);
    if (!entry) {
      entry = { date, signatures: [], markers: [] };
      days.set(date, entry);
    }
    return entry;
  };
  for (const agreement of agreements) {
    if (!agreement.signedOn || agreement.signedOn < start) continue;
    const { id, kind, partner, title, titleUk, confidence } = agreement;
    day(agreement.signedOn).signatures.push({
      id,
      kind,
      partner,
      title,
      titleUk,
      confidence,
      date: agreement.signedOn,
    });
  }
  for (const marker of markers) if (marker.date >= start) day(marker.date).markers.push(marker.key);
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** "2024-02" for a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Every month from the first date's to the last date's, inclusive, as "YYYY-MM". */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = monthOf(to);
  for (let guard = 0; guard < 1200; guard++) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    months.push(current);
    if (current >= last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Where in its month a day falls, from 0 (the 1st) to just under 1, for placing markers. */
export function fractionOfMonth(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (day - 1) / length;
}
