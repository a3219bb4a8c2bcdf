import { describe, expect, it } from 'vitest';
import { areasTarget, briefingUrl, coalitionAnchor, daysBefore, embedSnippet, embedUrl, parseScope, portalPath, portalPathOf, scopeValue } from './links.js';

describe('briefing addresses', () => {
  it('name the scope, the language and the day', () => {
    expect(briefingUrl('pdf', { kind: 'network' }, 'en')).toBe('/api/public/briefing.pdf?lang=en');
    expect(briefingUrl('md', { kind: 'partner', code: 'GB' }, 'uk', '2024-02-20')).toBe(
      '/api/public/briefing.md?partner=GB&lang=uk&asOf=2024-02-20',
    );
    expect(briefingUrl('pdf', { kind: 'coalition', id: 'drone' }, 'en')).toBe(
      '/api/public/briefing.pdf?coalition=drone&lang=en',
    );
  });
});

describe('embeds', () => {
  it('address partner and coalition cards and the areas chart', () => {
    expect(embedUrl({ kind: 'partner', code: 'GB' })).toBe('/api/public/embed/partners/GB.svg');
    expect(embedUrl({ kind: 'coalition', id: 'artillery' }, '2025-01-01')).toBe(
      '/api/public/embed/coalitions/artillery.svg?asOf=2025-01-01',
    );
    expect(embedUrl({ kind: 'areas' })).toBe('/api/public/embed/areas.svg');
    expect(embedUrl({ kind: 'areas', coalition: 'drone' })).toBe('/api/public/embed/areas.svg?coalition=drone');
  });

  it('give a snippet with the full address and escaped text', () => {
    expect(embedSnippet('https://compact.example', '/api/public/embed/partners/GB.svg', 'A "card" <GB>')).toBe(
      '<img src="https://compact.example/api/public/embed/partners/GB.svg" alt="A &quot;card&quot; &lt;GB&gt;" loading="lazy">',
    );
    expect(embedSnippet('https://x.org', '/a.svg?x=1&y=2', 'c', '/public')).toBe(
      '<a href="https://x.org/public"><img src="https://x.org/a.svg?x=1&amp;y=2" alt="c" loading="lazy"></a>',
    );
  });
});

describe('portal paths', () => {
  it('link records to their portal pages', () => {
    expect(portalPath.agreement('gb-ua-2024')).toBe('/public/agreements/gb-ua-2024');
    expect(portalPath.coalition('air-force')).toBe('/public/coalitions#coalition-air-force');
    expect(coalitionAnchor('a b')).toBe('coalition-a-b');
    expect(portalPathOf('agreements', 'gb-ua-2024')).toBe('/public/agreements/gb-ua-2024');
    expect(portalPathOf('coalitions', 'drone')).toBe('/public/coalitions#coalition-drone');
    expect(portalPathOf('flows', 'x')).toBeNull();
  });
});

describe('scopes in a picker', () => {
  it('round-trip through a select value', () => {
    for (const scope of [{ kind: 'network' }, { kind: 'partner', code: 'GB' }, { kind: 'coalition', id: 'air-force' }] as const)
      expect(parseScope(scopeValue(scope))).toEqual(scope);
    expect(parseScope('')).toEqual({ kind: 'network' });
    expect(parseScope('partner:')).toEqual({ kind: 'network' });
  });

  it('address the areas chart of a scope', () => {
    expect(embedUrl(areasTarget({ kind: 'partner', code: 'GB' }), '2025-01-01')).toBe('/api/public/embed/areas.svg?partner=GB&asOf=2025-01-01');
    expect(embedUrl(areasTarget({ kind: 'network' }))).toBe('/api/public/embed/areas.svg');
  });

  it('counts days back', () => {
    expect(daysBefore('2025-03-01', 1)).toBe('2025-02-28');
  });
});
