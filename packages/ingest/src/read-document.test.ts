import { readFileSync } from 'node:fs';
import { CompactError } from '@compact/core';
import { describe, expect, it } from 'vitest';
import { readDocument } from './read-document.js';
import { makeDocx, makePdf } from './testing/make-documents.js';

async function failure(work: Promise<unknown>): Promise<CompactError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CompactError);
  return error as CompactError;
}

describe('reading agreement files', () => {
  it('reads a multi-page PDF, pages separated by form feeds', async () => {
    const pdf = makePdf([
      ['Illustrative test agreement', 'I. Purpose', '1. The Participants will consult within 24 hours.'],
      ['Illustrative test agreement', '2. This Agreement will remain in effect for ten years.', 'Page 2'],
    ]);
    const document = await readDocument(pdf, 'test.pdf');
    expect(document).toMatchObject({ format: 'pdf', pages: 2, bytes: pdf.byteLength });
    expect(document.text).toContain('1. The Participants will consult within 24 hours.');
    expect(document.text.split('\f')).toHaveLength(2);
    expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a DOCX and keeps Ukrainian letters intact', async () => {
    const docx = await makeDocx(['Стаття 1', 'Сторони консультуються протягом 24 годин.', 'Réaffirmant leur soutien ;']);
    const document = await readDocument(docx, 'угода.docx');
    expect(document.format).toBe('docx');
    expect(document.text).toContain('Сторони консультуються протягом 24 годин.');
    expect(document.text).toContain('Réaffirmant');
  });

  it('reads UTF-8 and UTF-16 text and refuses an unknown encoding', async () => {
    expect((await readDocument(new TextEncoder().encode('Ґрунтуючись на ;'), 'a.txt')).text).toBe('Ґрунтуючись на ;');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('Article I', 'utf16le')]);
    expect((await readDocument(utf16, 'a.md')).text).toBe('Article I');
    const latin1 = new Uint8Array(Buffer.from('Réaffirmant', 'latin1'));
    expect((await failure(readDocument(latin1, 'a.txt'))).message).toMatch(/unknown encoding/);
  });

  it('gives a clear error for a file that is not what it claims, empty or of an unknown type', async () => {
    expect((await failure(readDocument(new TextEncoder().encode('hello'), 'fake.pdf'))).message).toMatch(/not a PDF/);
    const encrypted = new Uint8Array(readFileSync(new URL('../../../test/fixtures/documents/encrypted.pdf', import.meta.url)));
    expect((await failure(readDocument(encrypted, 'encrypted.pdf'))).message).toMatch(/encrypted PDF/);
    expect((await failure(readDocument(new TextEncoder().encode('hello'), 'fake.docx'))).message).toMatch(/not a DOCX/);
    expect((await failure(readDocument(new Uint8Array(), 'empty.txt'))).message).toMatch(/empty/);
    expect((await failure(readDocument(new TextEncoder().encode('   \n '), 'blank.txt'))).message).toMatch(/no text/);
    expect((await failure(readDocument(new TextEncoder().encode('x'), 'agreement.rtf'))).message).toMatch(/use \.txt, \.md, \.pdf or \.docx/);
  });
});
