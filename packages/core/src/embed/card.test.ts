import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatePackage } from '../schema/references.js';
import { coalitionCard, partnerCard } from './card.js';

const result = validatePackage(JSON.parse(readFileSync(fileURLToPath(new URL('../../../../data/compact.json', import.meta.url)), 'utf8')));
if (!result.ok) throw new Error('the shipped dataset should be valid');
const pkg = result.package;

describe('embeddable cards', () => {
  it("shows a partner's agreement as of a day, its consultation promise and coalitions", () => {
    const before = partnerCard(pkg, 'GB', '2023-12-31')!;
    const after = partnerCard(pkg, 'GB', '2024-06-30')!;
    expect(after).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(after).toContain('United Kingdom');
    expect(after).toContain('signed (2024-01-12)');
    expect(after).toContain('within 24 h');
    expect(before).not.toContain('signed (2024-01-12)');
    expect(after).not.toContain('<script');
    expect(after).toContain('role="img" aria-label="United Kingdom: Agreement with Ukraine signed (2024-01-12)');
    expect(partnerCard(pkg, 'ZZ', '2024-06-30')).toBeUndefined();
  });

  it('shows a coalition and escapes what it prints', () => {
    const svg = coalitionCard({ ...pkg, coalitions: pkg.coalitions.map((coalition) => (coalition.id === 'artillery' ? { ...coalition, name: 'Artillery <&> "Coalition"' } : coalition)) }, 'artillery', '2025-01-01')!;
    expect(svg).toContain('Artillery &lt;&amp;&gt; &quot;Coalition&quot;');
    expect(svg).toContain('FR, US');
    expect(coalitionCard(pkg, 'nowhere', '2025-01-01')).toBeUndefined();
  });
});
