import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFromClause } from './extract.js';
import { normaliseText } from './normalise.js';
import { segmentClauses } from './segment.js';

const word = fc.constantFrom('support', 'Ukraine', 'the', 'air', 'defence', 'будуть', 'ППО', 'réaffirmé', 'sécurité', 'Participants', '2024', '€1.8', 'billion', 'within', '24', 'hours', 'ґрунт', 'Ї');
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
const line = fc.oneof(
  sentence.map((s) => `${s}.`),
  fc.tuple(fc.integer({ min: 1, max: 40 }), sentence).map(([n, s]) => `${n}. ${s};`),
  fc.tuple(fc.constantFrom('a', 'b', 'c', 'i', 'ii'), sentence).map(([l, s]) => `(${l}) ${s};`),
  fc.tuple(fc.constantFrom('•', '-', '–'), sentence).map(([b, s]) => `${b} ${s}`),
  fc.tuple(fc.constantFrom('I', 'II', 'IV', 'IX'), fc.constantFrom('Purpose', 'Military support', 'Final provisions')).map(([r, h]) => `${r}. ${h}`),
  fc.tuple(fc.constantFrom('I', '2', 'V'), fc.constantFrom('', 'Training')).map(([n, h]) => `Article ${n}${h ? `\n${h}` : ''}`),
  sentence.map((s) => `Reaffirming ${s};`),
  sentence.map((s) => `Commend ${s}.`),
  fc.constant('Annex'),
  fc.constant('Done at Kyiv.'),
  fc.constant(''),
);
const documentText = fc.array(line, { minLength: 1, maxLength: 30 }).map((lines) => lines.join('\n'));

describe('segmentation properties', () => {
  it('every non-blank character of the normalised body is in exactly one clause or one skipped span', () => {
    fc.assert(
      fc.property(documentText, (raw) => {
        const { text, clauses, skipped } = segmentClauses(raw);
        const owner = new Array<number>(text.length).fill(0);
        for (const span of [...clauses, ...skipped]) for (let i = span.start; i < span.end; i++) owner[i] = (owner[i] ?? 0) + 1;
        for (let i = 0; i < text.length; i++) {
          const blank = /\s/u.test(text[i] ?? '');
          if (!blank) expect(owner[i], `character ${i} "${text[i]}" of ${JSON.stringify(text)}`).toBe(1);
          else expect(owner[i] ?? 0).toBeLessThanOrEqual(1);
        }
        for (const clause of clauses) expect(clause.text).toBe(text.slice(clause.start, clause.end));
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('refs are unique per document', () => {
    fc.assert(
      fc.property(documentText, (raw) => {
        const refs = segmentClauses(raw).clauses.map((clause) => clause.ref);
        expect(new Set(refs).size).toBe(refs.length);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('normalising a clean text keeps every non-blank character in order', () => {
    fc.assert(
      fc.property(documentText, (raw) => {
        expect(normaliseText(raw).replace(/\s+/gu, '')).toBe(raw.normalize('NFC').replace(/\s+/gu, ''));
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});

describe('money round trip', () => {
  const groups = (digits: string, sep: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/gu, sep);
  it('formats a random amount in several styles and reads back the exact major units', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 999_999n }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom(['billion', 9], ['million', 6], ['', 0]) as fc.Arbitrary<[string, number]>,
        fc.constantFrom('en-symbol', 'en-code', 'fr-words'),
        (units, decimals, [scaleWord, power], style) => {
          const digits = units.toString();
          const whole = decimals > 0 && digits.length > decimals ? digits.slice(0, -decimals) : digits;
          const fraction = decimals > 0 && digits.length > decimals ? digits.slice(-decimals) : '';
          if (power === 0 && fraction) return;
          const expected = ((BigInt(whole + fraction) * 10n ** BigInt(power)) / 10n ** BigInt(fraction.length)).toString();
          let text: string;
          if (style === 'en-symbol') text = `€${groups(whole, ',')}${fraction ? `.${fraction}` : ''}${scaleWord ? ` ${scaleWord}` : ''}`;
          else if (style === 'en-code') text = `SEK ${whole}${fraction ? `.${fraction}` : ''}${scaleWord ? ` ${scaleWord}` : ''}`;
          else text = `${groups(whole, ' ')}${fraction ? `,${fraction}` : ''}${scaleWord ? ` ${scaleWord === 'billion' ? 'milliards' : 'millions'} d'` : ' '}euros`;
          // "1,234" alone is read as one thousand two hundred and thirty-four, never 1.234.
          if (style === 'fr-words' && !scaleWord && whole.length > 3) return;
          const money = extractFromClause(`Il fournira ${text} à l'Ukraine.`).filter((e) => e.kind === 'money');
          expect(money.length, text).toBe(1);
          expect(money[0]?.value).toMatchObject({ amount: expected });
        },
      ),
      { numRuns: 500, seed: 11 },
    );
  });
});
