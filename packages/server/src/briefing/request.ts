import { BRIEFING_LANGUAGES, CompactError, IsoDate, isCurrencyCode, type BriefingLanguage, type BriefingScope, type DataPackage } from '@compact/core';
import type { Context } from 'hono';

export interface BriefingRequest {
  readonly scope: BriefingScope;
  readonly language: BriefingLanguage;
  readonly asOf: string;
  readonly currency: string;
}

/** The briefing's query: `partner=GB` or `coalition=artillery` (neither: the network), `lang`, `asOf`, `currency`. */
export const BRIEFING_QUERY = ['partner', 'coalition', 'lang', 'asOf', 'currency'] as const;

/**
 * Reads a briefing request and checks it against the package the reader may see, so an unknown
 * partner or coalition is a 404 naming the parameter, and one the reader may not see looks the same.
 */
export function briefingRequest(c: Context, pkg: DataPackage): BriefingRequest {
  const partner = c.req.query('partner')?.trim().toUpperCase() || undefined;
  const coalition = c.req.query('coalition')?.trim() || undefined;
  if (partner && coalition) throw new CompactError('VALIDATION', 'ask for a partner or a coalition, not both', 'query.coalition');
  if (partner && !pkg.partners.some((candidate) => candidate.code === partner)) throw new CompactError('NOT_FOUND', `no partner "${partner}"`, 'query.partner');
  if (coalition && !pkg.coalitions.some((candidate) => candidate.id === coalition)) throw new CompactError('NOT_FOUND', `no coalition "${coalition}"`, 'query.coalition');

  const language = c.req.query('lang') || 'en';
  if (!BRIEFING_LANGUAGES.includes(language as BriefingLanguage)) throw new CompactError('VALIDATION', `lang must be en or uk, not "${language}"`, 'query.lang');
  const asOf = c.req.query('asOf') || new Date().toISOString().slice(0, 10);
  if (!IsoDate.safeParse(asOf).success) throw new CompactError('VALIDATION', 'asOf must be an ISO 8601 date such as 2024-02-20', 'query.asOf');
  const currency = c.req.query('currency') || 'EUR';
  if (!isCurrencyCode(currency)) throw new CompactError('VALIDATION', `currency must be an ISO 4217 code such as EUR, not "${currency}"`, 'query.currency');

  const scope: BriefingScope = partner ? { kind: 'partner', partner } : coalition ? { kind: 'coalition', coalition } : { kind: 'network' };
  return { scope, language: language as BriefingLanguage, asOf, currency };
}

/** `briefing-GB-uk-2025-06-30.pdf`: what it is about, in which language, as of when. */
export function briefingFilename(request: BriefingRequest, extension: 'pdf' | 'md'): string {
  const subject = request.scope.kind === 'partner' ? request.scope.partner : request.scope.kind === 'coalition' ? request.scope.coalition : 'network';
  return `briefing-${subject.replace(/[^A-Za-z0-9-]/g, '_')}-${request.language}-${request.asOf}.${extension}`;
}
