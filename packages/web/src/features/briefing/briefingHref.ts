import type { Language } from '../../i18n/language.js';

export interface BriefingTarget {
  /** One partner (two-letter code); with neither partner nor coalition, the whole network. */
  readonly partner?: string | undefined;
  readonly coalition?: string | undefined;
  readonly asOf?: string | undefined;
}

/**
 * The address of the briefing that counts what the signed-in reader may see (`/api/briefing.*`);
 * the portal links to the public one (`/api/public/briefing.*`, see features/public/links.ts).
 */
export function briefingHref(format: 'pdf' | 'md', target: BriefingTarget, language: Language): string {
  const query = new URLSearchParams();
  if (target.partner) query.set('partner', target.partner);
  if (target.coalition) query.set('coalition', target.coalition);
  query.set('lang', language);
  if (target.asOf) query.set('asOf', target.asOf);
  return `/api/briefing.${format}?${query.toString()}`;
}
