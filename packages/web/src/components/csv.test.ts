import { describe, expect, it } from 'vitest';
import { csvField, fileStem, toCsv } from './csv.js';

describe('CSV', () => {
  it('quotes fields with separators, quotes and line breaks only', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes a BOM, CRLF rows and defuses formulas but not negative numbers', () => {
    const csv = toCsv([
      ['Partner', 'Amount'],
      ['Велика Британія', '2 500 000 000,00'],
      ['=HYPERLINK("x")', '-5'],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Partner,Amount',
      'Велика Британія,"2 500 000 000,00"',
      `"'=HYPERLINK(""x"")",-5`,
      '',
    ]);
  });

  it('makes file names from titles in either language', () => {
    expect(fileStem('Agreements as of 20/02/2024')).toBe('agreements-as-of-20-02-2024');
    expect(fileStem('Угоди')).toBe('угоди');
    expect(fileStem('***')).toBe('compact');
  });
});
