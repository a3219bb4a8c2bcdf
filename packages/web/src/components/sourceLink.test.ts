import { describe, expect, it } from 'vitest';
import { safeHref, sourceLabel } from './sourceLink.js';

describe('source links', () => {
  it('links only web addresses', () => {
    expect(safeHref('https://www.gov.uk/government/news/x')).toBe('https://www.gov.uk/government/news/x');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('gov.uk/news')).toBeNull();
    expect(safeHref(undefined)).toBeNull();
  });

  it('labels a source by its title, else its host', () => {
    expect(sourceLabel({ url: 'https://www.gov.uk/a', title: 'PM in Kyiv' }, 'source')).toBe('PM in Kyiv');
    expect(sourceLabel({ url: 'https://www.gov.uk/a' }, 'source')).toBe('gov.uk');
    expect(sourceLabel({}, 'source')).toBe('source');
  });
});
