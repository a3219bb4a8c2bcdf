import type { Agreement } from '../schema/entities.js';
import type { AgreementStatus } from '../schema/vocabulary.js';
import { directOwner } from './entity-kinds.js';
import { signedOn, statusAsOf } from './valid-time.js';

/** An agreement as the registry shows it on a given day. */
export type AgreementView<A extends Agreement = Agreement> = A & {
  /** The status on the day asked about; null when nothing is known of it by then. */
  readonly statusAsOf: AgreementStatus | null;
  readonly signedOn: string | null;
  /** The partner party of a bilateral agreement. */
  readonly partner: string | null;
};

export function viewAgreement<A extends Agreement>(agreement: A, asOf: string): AgreementView<A> {
  return {
    ...agreement,
    statusAsOf: statusAsOf(agreement, asOf) ?? null,
    signedOn: signedOn(agreement) ?? null,
    partner: directOwner('agreements', agreement),
  };
}

export interface AgreementSummary {
  readonly total: number;
  /** Signed or in force and counted by Ukraine's Ministry of Defence. */
  readonly counted: number;
  readonly byStatus: Partial<Record<AgreementStatus, number>>;
}

export function summariseAgreements(views: readonly AgreementView[]): AgreementSummary {
  const byStatus: Partial<Record<AgreementStatus, number>> = {};
  let counted = 0;
  for (const view of views) {
    if (view.statusAsOf) byStatus[view.statusAsOf] = (byStatus[view.statusAsOf] ?? 0) + 1;
    if (view.countedByUkraine && (view.statusAsOf === 'signed' || view.statusAsOf === 'in-force')) counted++;
  }
  return { total: views.length, counted, byStatus };
}
