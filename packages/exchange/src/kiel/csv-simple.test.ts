// The simple CSV reader against csv-parse with readCsv's options: whenever it answers, it answers
// what csv-parse does; and it does answer for the files exports write.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSimpleCsv } from './csv-simple.js';

const DELIMITERS = [',', ';', '\t'] as const;

function csvParse(text: string, delimiter: string): string[][] | Error {
  try {
    return parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    return error as Error;
  }
}

// Every character that matters to either reader, and a few that should not.
const piece = fc.constantFrom('a', 'b c', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', ' ', 'é', '😀', '\uD83D', '\uDE00', '\uFEFF', '\0', '1,5');
const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('parseSimpleCsv', () => {
  it('agrees with csv-parse whenever it reads a file', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...DELIMITERS), (input, delimiter) => {
        const stats = { multiline: false };
        const simple = parseSimpleCsv(input, delimiter, stats);
        if (simple !== null) {
          expect(simple).toEqual(csvParse(input, delimiter));
          // readCsv counts lines inside cells only when told some cell has a line break.
          expect(stats.multiline).toBe(simple.some((record) => record.some((cell) => cell.includes('\n'))));
        }
      }),
      { numRuns: 20_000, seed: 27 },
    );
  });

  it('agrees on files written field by field, quoted where needed', () => {
    const field = fc.string({ maxLength: 8 }).map((value) => (/[",;\t\n\r]/.test(value) || value.startsWith('"') ? `"${value.replaceAll('"', '""')}"` : value));
    const file = fc.tuple(fc.array(fc.array(field, { maxLength: 6 }), { maxLength: 8 }), fc.boolean(), fc.boolean());
    fc.assert(
      fc.property(file, fc.constantFrom(...DELIMITERS), ([rows, bom, finalNewline], delimiter) => {
        const input = `${bom ? '\uFEFF' : ''}${rows.map((row) => row.join(delimiter)).join('\n')}${finalNewline ? '\n' : ''}`;
        const stats = { multiline: false };
        const simple = parseSimpleCsv(input, delimiter, stats);
        if (simple !== null) {
          expect(simple).toEqual(csvParse(input, delimiter));
          // readCsv counts lines inside cells only when told some cell has a line break.
          expect(stats.multiline).toBe(simple.some((record) => record.some((cell) => cell.includes('\n'))));
        }
      }),
      { numRuns: 5_000, seed: 7 },
    );
  });

  it('reads plain exports itself: quoted cells with separators, quotes and line breaks, empty lines, a BOM', () => {
    const input = '\uFEFFdonor,explanation,item\nGermany,"Tanks, ""Leopard"" 2\nand more",5\n\nFrance,say "hi",\n"",x,';
    const expected = [['donor', 'explanation', 'item'], ['Germany', 'Tanks, "Leopard" 2\nand more', '5'], [''], ['France', 'say "hi"', ''], ['', 'x', '']];
    expect(parseSimpleCsv(input, ',')).toEqual(expected);
    expect(csvParse(input, ',')).toEqual(expected);
  });

  it('leaves to csv-parse what it does not read: carriage returns, text after a closing quote, an open quote', () => {
    expect(parseSimpleCsv('a,b\r\nc,d\r\n', ',')).toBeNull();
    expect(parseSimpleCsv('"a"b,c', ',')).toBeNull();
    expect(parseSimpleCsv('a,"b', ',')).toBeNull();
  });
});
