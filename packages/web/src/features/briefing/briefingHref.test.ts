import { describe, expect, it } from 'vitest';
import { briefingHref } from './briefingHref.js';

describe('briefingHref', () => {
  it("asks for the viewer's briefing of a partner in the page's language", () => {
    expect(briefingHref('pdf', { partner: 'GB', asOf: '2025-06-30' }, 'uk')).toBe('/api/briefing.pdf?partner=GB&lang=uk&asOf=2025-06-30');
  });
  it('asks for the network when neither a partner nor a coalition is given', () => {
    expect(briefingHref('md', {}, 'en')).toBe('/api/briefing.md?lang=en');
  });
  it('escapes a coalition id', () => {
    expect(briefingHref('md', { coalition: 'a&b' }, 'en')).toBe('/api/briefing.md?coalition=a%26b&lang=en');
  });
});
