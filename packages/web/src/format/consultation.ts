import type { TFunction } from 'i18next';
import type { Consultation } from '@compact/core';
import { formatNumber } from './number.js';

/** "24 h", "24 h (best effort)", "swiftly", or "not recorded" when the clause is absent or unknown. */
export function formatConsultation(
  consultation: Consultation | null | undefined,
  locale: string,
  t: TFunction,
): string {
  if (!consultation) return t('consultation.notRecorded');
  const { withinHours, bestEffort, wording } = consultation;
  if (typeof withinHours === 'number') {
    const hours = formatNumber(withinHours, locale);
    return bestEffort ? t('consultation.hoursBestEffort', { hours }) : t('consultation.hours', { hours });
  }
  const known = wording?.trim().toLowerCase();
  if (known === 'swiftly') return t('consultation.swiftly');
  if (known === 'immediately') return t('consultation.immediately');
  if (wording) return t('consultation.wording', { wording });
  return t('consultation.noDeadline');
}
