import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { CompactError } from '@compact/core';

export type DocumentFormat = 'txt' | 'md' | 'pdf' | 'docx';

/** The text of an uploaded agreement, with what is needed to keep the original and cite it. */
export interface ReadDocument {
  readonly format: DocumentFormat;
  /** Plain text; PDF pages are separated by form feeds so running headers can be found. */
  readonly text: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly pages?: number;
}

const FORMATS: Record<string, DocumentFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.pdf': 'pdf', '.docx': 'docx' };

export function formatOf(filename: string): DocumentFormat {
  const format = FORMATS[extname(filename).toLowerCase()];
  if (!format) throw new CompactError('VALIDATION', `cannot read "${filename}": use .txt, .md, .pdf or .docx`, 'file');
  return format;
}

/** Reads a file's bytes into text; bad files get a clear error and nothing else happens. */
export async function readDocument(data: Uint8Array, filename: string): Promise<ReadDocument> {
  const format = formatOf(filename);
  const sha256 = createHash('sha256').update(data).digest('hex');
  if (data.byteLength === 0) throw new CompactError('VALIDATION', `"${filename}" is empty`, 'file');
  const { text, pages } =
    format === 'pdf' ? await readPdf(data, filename) : format === 'docx' ? await readDocx(data, filename) : { text: decodeText(data, filename), pages: undefined };
  if (text.trim().length === 0) {
    throw new CompactError('VALIDATION', `"${filename}" has no text${format === 'pdf' ? ' (a scanned PDF needs OCR first)' : ''}`, 'file');
  }
  return { format, text: text.normalize('NFC'), sha256, bytes: data.byteLength, ...(pages !== undefined ? { pages } : {}) };
}

/** UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark; anything else is refused. */
export function decodeText(data: Uint8Array, filename: string): string {
  const bom16 = data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : data[0] === 0xfe && data[1] === 0xff ? 'utf-16be' : undefined;
  try {
    return new TextDecoder(bom16 ?? 'utf-8', { fatal: true }).decode(data);
  } catch {
    throw new CompactError('VALIDATION', `"${filename}" is not UTF-8 or UTF-16 text (unknown encoding); save it as UTF-8`, 'file');
  }
}

async function readPdf(data: Uint8Array, filename: string): Promise<{ text: string; pages: number }> {
  if (!(data[0] === 0x25 && data[1] === 0x50 && data[2] === 0x44 && data[3] === 0x46)) {
    throw new CompactError('VALIDATION', `"${filename}" is not a PDF (it does not start with %PDF)`, 'file');
  }
  // The legacy build runs on Node without DOM globals; the modern one needs DOMMatrix.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document;
  try {
    document = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new CompactError('VALIDATION', `"${filename}" is an encrypted PDF; remove the password first`, 'file');
    throw new CompactError('VALIDATION', `"${filename}" is not a readable PDF: ${(error as Error).message}`, 'file');
  }
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      // A vertical gap clearly larger than the line spacing is a paragraph break: keep it as a
      // blank line, because clause splitting relies on it where the text has no numbering.
      let text = '';
      let lastY: number | undefined;
      let lineHeight: number | undefined;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = item.transform[5] as number;
        if (lastY !== undefined && text.endsWith('\n')) {
          const gap = lastY - y;
          const fontSize = Math.abs(item.transform[3] as number) || 10;
          // Until the page shows its line spacing, judge by the font size.
          const threshold = lineHeight === undefined ? fontSize * 1.6 : Math.max(lineHeight * 1.4, fontSize * 1.3);
          if (gap > threshold) text += '\n';
          else if (gap > 0 && (lineHeight === undefined || gap < lineHeight)) lineHeight = gap;
        }
        lastY = y;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text);
      page.cleanup();
    }
    return { text: pages.join('\n\f\n'), pages: document.numPages };
  } finally {
    await document.destroy();
  }
}

async function readDocx(data: Uint8Array, filename: string): Promise<{ text: string; pages: undefined }> {
  if (!(data[0] === 0x50 && data[1] === 0x4b)) throw new CompactError('VALIDATION', `"${filename}" is not a DOCX file (not a zip archive)`, 'file');
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(data) });
    return { text: result.value, pages: undefined };
  } catch (error) {
    throw new CompactError('VALIDATION', `"${filename}" is not a readable DOCX file: ${(error as Error).message}`, 'file');
  }
}
