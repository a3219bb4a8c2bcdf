import { publicUrl } from '../../api/publicClient.js';

// Addresses of the public API's files: briefings, embeddable cards and the areas chart. Pure, so
// the portal's links and the snippets readers copy are tested together.

export type BriefingScope =
  | { kind: 'network' }
  | { kind: 'partner'; code: string }
  | { kind: 'coalition'; id: string };

export type BriefingFormat = 'pdf' | 'md';
export type BriefingLanguage = 'en' | 'uk';

/** GET /api/public/briefing.{pdf,md}: the whole network, one partner or one coalition. */
export function briefingUrl(
  format: BriefingFormat,
  scope: BriefingScope,
  lang: BriefingLanguage,
  asOf?: string,
): string {
  return publicUrl(`/briefing.${format}`, {
    partner: scope.kind === 'partner' ? scope.code : undefined,
    coalition: scope.kind === 'coalition' ? scope.id : undefined,
    lang,
    asOf,
  });
}

export type EmbedTarget =
  | { kind: 'partner'; code: string }
  | { kind: 'coalition'; id: string }
  /** Money committed for the year by capability area, for the network or one partner or coalition. */
  | { kind: 'areas'; partner?: string; coalition?: string };

export function embedUrl(target: EmbedTarget, asOf?: string): string {
  switch (target.kind) {
    case 'partner':
      return publicUrl(`/embed/partners/${encodeURIComponent(target.code)}.svg`, { asOf });
    case 'coalition':
      return publicUrl(`/embed/coalitions/${encodeURIComponent(target.id)}.svg`, { asOf });
    case 'areas':
      return publicUrl('/embed/areas.svg', { partner: target.partner, coalition: target.coalition, asOf });
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The HTML another site pastes to show a card: an image, with its alternative text, linking back. */
export function embedSnippet(origin: string, address: string, alt: string, linkTo?: string): string {
  const img = `<img src="${escapeAttribute(origin + address)}" alt="${escapeAttribute(alt)}" loading="lazy">`;
  return linkTo ? `<a href="${escapeAttribute(origin + linkTo)}">${img}</a>` : img;
}

/** Portal addresses of records, so every page links to the same place. */
export const portalPath = {
  home: '/public',
  agreements: '/public/agreements',
  agreement: (id: string) => `/public/agreements/${encodeURIComponent(id)}`,
  coalitions: '/public/coalitions',
  /** Coalitions share one page; each has an anchor on it. */
  coalition: (id: string) => `/public/coalitions#${coalitionAnchor(id)}`,
  peaceFormula: '/public/peace-formula',
  coverage: '/public/coverage',
  data: '/public/data',
  api: '/public/api',
};

export function coalitionAnchor(id: string): string {
  return `coalition-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** A scope as a <select> value: "network", "partner:GB", "coalition:drone". */
export function scopeValue(scope: BriefingScope): string {
  switch (scope.kind) {
    case 'network':
      return 'network';
    case 'partner':
      return `partner:${scope.code}`;
    case 'coalition':
      return `coalition:${scope.id}`;
  }
}

/** The scope a <select> value names; anything else is the whole network. */
export function parseScope(value: string): BriefingScope {
  const [kind, ...rest] = value.split(':');
  const id = rest.join(':');
  if (kind === 'partner' && id) return { kind: 'partner', code: id };
  if (kind === 'coalition' && id) return { kind: 'coalition', id };
  return { kind: 'network' };
}

/** The areas chart for a scope: the whole network, one partner or one coalition. */
export function areasTarget(scope: BriefingScope): EmbedTarget {
  if (scope.kind === 'partner') return { kind: 'areas', partner: scope.code };
  if (scope.kind === 'coalition') return { kind: 'areas', coalition: scope.id };
  return { kind: 'areas' };
}

/** An ISO date `days` before `date`, for the changes form's first suggestion. */
export function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** The portal page of a record named by its kind and id, when it has one. */
export function portalPathOf(entity: string, id: string): string | null {
  if (entity === 'agreements') return portalPath.agreement(id);
  if (entity === 'coalitions') return portalPath.coalition(id);
  return null;
}
