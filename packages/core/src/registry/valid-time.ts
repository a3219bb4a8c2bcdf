import type { Agreement, StatusEntry } from '../schema/entities.js';
import type { AgreementStatus } from '../schema/vocabulary.js';

/** The status entry in force on `asOf` (the last one dated on or before it), if any. */
export function statusEntryAsOf(agreement: Pick<Agreement, 'status'>, asOf: string): StatusEntry | undefined {
  let current: StatusEntry | undefined;
  for (const entry of agreement.status) if (entry.on <= asOf && (!current || entry.on >= current.on)) current = entry;
  return current;
}

export function statusAsOf(agreement: Pick<Agreement, 'status'>, asOf: string): AgreementStatus | undefined {
  return statusEntryAsOf(agreement, asOf)?.status;
}

const SIGNED_OR_LATER: ReadonlySet<AgreementStatus> = new Set(['signed', 'in-force']);

/** Signed or in force: the states in which an agreement's commitments count. */
export function isActiveAsOf(agreement: Pick<Agreement, 'status'>, asOf: string): boolean {
  const status = statusAsOf(agreement, asOf);
  return status !== undefined && SIGNED_OR_LATER.has(status);
}

export function signedOn(agreement: Pick<Agreement, 'status'>): string | undefined {
  return agreement.status.find((entry) => entry.status === 'signed')?.on;
}

/** Adds whole years to an ISO date and steps back one day: a 10-year term from 2024-01-12 ends 2034-01-11. */
export function endOfTerm(startsOn: string, years: number): string {
  const start = new Date(`${startsOn}T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear() + Math.trunc(years), start.getUTCMonth(), start.getUTCDate()));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}
