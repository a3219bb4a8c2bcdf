import { directOwner, signedOn, statusAsOf } from '@compact/core';
import type { Agreement } from '@compact/core';
import type { AgreementView } from './types.js';

/**
 * Fills in the computed fields (statusAsOf, signedOn, partner) when an answer lacks them, as a plain
 * record from GET /api/agreements/{id} may, using the core's own valid-time rules.
 */
export function toAgreementView(agreement: Agreement & Partial<AgreementView>, asOf: string): AgreementView {
  return {
    ...agreement,
    statusAsOf:
      agreement.statusAsOf !== undefined ? agreement.statusAsOf : (statusAsOf(agreement, asOf) ?? null),
    signedOn: agreement.signedOn !== undefined ? agreement.signedOn : (signedOn(agreement) ?? null),
    partner: agreement.partner !== undefined ? agreement.partner : directOwner('agreements', agreement),
  };
}
