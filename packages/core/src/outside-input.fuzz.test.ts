// Property-based fuzzing of the parsers in core that take outside input: data packages and
// agreement texts. Whatever arrives, they answer with a result or a clear, located error — never a
// crash, never a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseAgreementText } from './text/agreement-text.js';
import { validatePackage } from './schema/references.js';

const PARTIES = { agreementId: 'fuzz', provider: 'GB', beneficiary: 'UA' };

/** JSON-like values, biased towards the package's own keys so that the checks deep inside are reached. */
const packageish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('compact/1', 'EUR', 'GBX', '-1', '2024-02-30', 'UA', 'signed', '', '1e400'),
    fc.array(tie('value'), { maxLength: 4 }),
    tie('record'),
  ),
  record: fc.dictionary(
    fc.constantFrom('format', 'partners', 'agreements', 'commitments', 'flows', 'coalitions', 'money', 'amount', 'currency', 'id', 'code', 'period', 'from', 'to', 'status', 'on', 'parties', 'provider', 'countsAs', 'commitmentId', '__proto__', 'constructor'),
    tie('value'),
    { maxKeys: 6 },
  ),
}));

describe('outside input never crashes a parser', () => {
  it('validates any JSON value as a package: ok, or issues that each name a path', () => {
    fc.assert(
      fc.property(packageish.value, (input) => {
        const result = validatePackage(input);
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) {
            expect(issue.path).toMatch(/^\$/);
            expect(issue.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 400, seed: 20261126 },
    );
  });

  it('takes any package-shaped object with random entity records without throwing', () => {
    const entity = fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 8 });
    fc.assert(
      fc.property(fc.array(entity, { maxLength: 5 }), fc.array(entity, { maxLength: 5 }), (agreements, commitments) => {
        const result = validatePackage({ format: 'compact/1', agreements, commitments, flows: commitments });
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('segments and extracts from any text in bounded time', () => {
    const numbered = fc.array(
      fc.oneof(
        fc.string({ maxLength: 80 }),
        fc.constantFrom('I. General', '1.', '(a)', 'Article 5', 'EUR 2.5 billion', '74,4 millions d’euros', 'within 24 hours', '10 years', 'ІІ.', '\u0000', '\r\n', '\t'),
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(numbered, (parts) => {
        const text = parts.join(parts.length % 2 === 0 ? '\n' : ' ');
        const started = performance.now();
        const result = analyseAgreementText(text, PARTIES);
        expect(Array.isArray(result.clauses)).toBe(true);
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
