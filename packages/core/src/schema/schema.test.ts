import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataPackageJsonSchema } from './json-schema.js';
import { validatePackage } from './references.js';

const partners = [
  { code: 'UA', name: 'Ukraine' },
  { code: 'GB', name: 'United Kingdom' },
];

describe('data package validation', () => {
  it('reports a wrong currency, a missing agreement and a negative amount together, by path', () => {
    const result = validatePackage({
      format: 'compact/1',
      partners,
      commitments: [
        { id: 'a', agreementId: 'nowhere', provider: 'GB', beneficiary: 'UA', category: 'equipment', firmness: 'pledged', money: { amount: '-5', currency: 'GBP' } },
        { id: 'b', agreementId: null, coalitionId: null, provider: 'GB', beneficiary: 'UA', category: 'equipment', firmness: 'pledged', money: { amount: '5', currency: 'ZZZ' } },
      ],
    });
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['$.commitments[0].agreementId', 'UNKNOWN_REFERENCE'],
      ['$.commitments[0].money.amount', 'INVALID'],
      ['$.commitments[1].agreementId', 'INVALID'],
      ['$.commitments[1].money.currency', 'INVALID'],
    ]);
    expect(result.issues[1]?.message).toMatch(/negative/);
  });

  it('keeps extra fields and fills defaults', () => {
    const result = validatePackage({ format: 'compact/1', partners: [{ ...partners[0], flag: '🇺🇦' }], custom: { a: 1 } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.package.partners[0]).toMatchObject({ flag: '🇺🇦', classification: 'public', sources: [] });
    expect((result.package as Record<string, unknown>).custom).toEqual({ a: 1 });
  });

  it('refuses duplicate ids, backwards periods and unknown formats', () => {
    const result = validatePackage({
      format: 'compact/2',
      partners: [...partners, partners[0]],
      requirements: [{ id: 'r', beneficiary: 'UA', capabilityArea: 'drones', period: { from: '2025-12-31', to: '2025-01-01' }, money: { amount: '1', currency: 'EUR' }, priority: 'high', basis: 'illustrative' }],
    });
    expect(result.issues.map((issue) => issue.path)).toEqual(['$.format', '$.partners[2].code', '$.requirements[0].period.to']);
  });
});

describe('published JSON Schema', () => {
  it('is the file in the repository, regenerated from the schemas (npm run schema)', () => {
    const committed = JSON.parse(readFileSync(fileURLToPath(new URL('../../data-package.schema.json', import.meta.url)), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(dataPackageJsonSchema())));
  });
});
