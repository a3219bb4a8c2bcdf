// Shared by the consultation rules: how a consultation window is named and grouped.
import type { Consultation } from '../schema/entities.js';
import type { Lang } from './format.js';

/** Same key, same window: hours and whether they are a hard deadline, or the words used. */
export function windowKey(consultation: Consultation): string {
  if (consultation.withinHours !== null) return `h:${consultation.withinHours}:${consultation.bestEffort === true ? 1 : 0}`;
  return `w:${(consultation.wording ?? '').trim().toLowerCase()}`;
}

export function windowText(consultation: Consultation, lang: Lang): string {
  if (consultation.withinHours !== null) {
    const hours = consultation.withinHours;
    if (lang === 'en') return `within ${hours} hours${consultation.bestEffort ? ' (best effort)' : ''}`;
    return `протягом ${hours} год.${consultation.bestEffort ? ' (за можливості)' : ''}`;
  }
  if (consultation.wording) return lang === 'en' ? `“${consultation.wording}”` : `«${consultation.wording}»`;
  return lang === 'en' ? 'no time stated' : 'строк не визначено';
}
