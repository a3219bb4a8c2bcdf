import type { AgreementView, CommitmentView } from '../../api/types.js';
import { isIsoDate } from '../../format/date.js';
import { hasFigure } from '../../format/pledge.js';

/** The G7 Joint Declaration (Vilnius): nothing in this network predates it. */
export const MIN_AS_OF = '2023-07-12';

export const KIND_FILTERS = ['bilateral', 'declarations', 'all'] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];

export function parseKind(value: string | null): KindFilter {
  return (KIND_FILTERS as readonly string[]).includes(value ?? '') ? (value as KindFilter) : 'bilateral';
}

/** A date from the address bar, if it is a real day on or after the first one; otherwise today. */
export function parseAsOf(value: string | null, today: string): string {
  if (value && isIsoDate(value) && value >= MIN_AS_OF) return value;
  return today < MIN_AS_OF ? MIN_AS_OF : today;
}

/**
 * The filter splits the network in two: the bilateral security agreements (the EU's counts as one,
 * as Ukraine counts it), and everything signed by many at once (the G7 Joint Declaration, the
 * Ukraine Compact).
 */
export function matchesKind(agreement: Pick<AgreementView, 'kind'>, filter: KindFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'declarations':
      return agreement.kind !== 'bilateral';
    case 'bilateral':
      return agreement.kind === 'bilateral';
  }
}

/** As the API's summary counts: signed or in force on the day, and counted by Ukraine's Ministry of Defence. */
export function countedAsOf(
  rows: ReadonlyArray<Pick<AgreementView, 'countedByUkraine' | 'statusAsOf'>>,
): number {
  return rows.filter(
    (row) => row.countedByUkraine && (row.statusAsOf === 'signed' || row.statusAsOf === 'in-force'),
  ).length;
}

/** Commitments with a figure, by agreement; restatements (countsAs) are left out so none is shown twice. */
export function headlinePledges(commitments: readonly CommitmentView[]): Map<string, CommitmentView[]> {
  const byAgreement = new Map<string, CommitmentView[]>();
  for (const commitment of commitments) {
    if (!commitment.agreementId || commitment.countsAs || !hasFigure(commitment)) continue;
    const list = byAgreement.get(commitment.agreementId) ?? [];
    list.push(commitment);
    byAgreement.set(commitment.agreementId, list);
  }
  return byAgreement;
}

/** In order of signature (unsigned last), then by name in the active language. */
export function sortAgreements<T extends Pick<AgreementView, 'signedOn'>>(
  rows: readonly T[],
  nameOf: (row: T) => string,
  locale: string,
): T[] {
  const collator = new Intl.Collator(locale);
  return [...rows].sort((a, b) => {
    if (a.signedOn !== b.signedOn) {
      if (a.signedOn === null) return 1;
      if (b.signedOn === null) return -1;
      return a.signedOn < b.signedOn ? -1 : 1;
    }
    return collator.compare(nameOf(a), nameOf(b));
  });
}
