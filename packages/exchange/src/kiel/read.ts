// Reads the tracker's files into rows of cells: CSV (comma, semicolon or tab; BOM; quoted fields)
// and XLSX (every sheet; numbers, dates, rich text, formulas' cached results). No file I/O: the
// caller hands over the bytes.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { parseSimpleCsv } from './csv-simple.js';

export type Cell = string | number | Date | boolean | null;

export interface SheetRow {
  /** 1-based line (CSV) or row (XLSX) number, as a spreadsheet shows it. */
  readonly row: number;
  readonly cells: readonly Cell[];
}

export interface RawSheet {
  /** The XLSX sheet's name; absent for CSV. */
  readonly name?: string;
  readonly rows: readonly SheetRow[];
}

export interface RawFile {
  readonly format: 'csv' | 'xlsx';
  readonly sheets: readonly RawSheet[];
  /** A `;`-separated file: a lone comma in a number is a decimal comma. */
  readonly decimalComma: boolean;
}

/** A file the importer cannot read at all (as opposed to rows it cannot map). */
export class KielFormatError extends Error {
  override readonly name = 'KielFormatError';
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** CSV or XLSX by content (a ZIP archive is XLSX), whatever the file is called. */
export async function readKielFile(bytes: Uint8Array, fileName = ''): Promise<RawFile> {
  if (startsWith(bytes, ZIP)) return { format: 'xlsx', sheets: await readXlsx(bytes), decimalComma: false };
  if (startsWith(bytes, OLE) || /\.xls$/i.test(fileName)) {
    throw new KielFormatError(`${fileName || 'the file'} is an old binary Excel file (.xls); save it as .xlsx or .csv`);
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return readCsv(text);
}

/** The separator that occurs most often outside quotes in the first non-empty line. */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let seenContent = false;
  for (let i = start; i < text.length && i < start + 65536; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (seenContent) break;
    } else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char]++;
    else if (char !== ' ') seenContent = true;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

export function readCsv(text: string): RawFile {
  const delimiter = sniffDelimiter(text);
  // Plain files (most) are read by the simple reader, which gives what csv-parse would; csv-parse
  // reads the rest and words the errors.
  // Whether any cell may hold a line break: when none can, line numbers need no look into cells.
  const stats = { multiline: false };
  let records: string[][] | null = parseSimpleCsv(text, delimiter, stats);
  if (!records) {
    stats.multiline = true;
    try {
      // Without csv-parse's per-record `info` (a third of its time at 100,000 rows): line numbers
      // are counted here, one per record plus the line breaks inside its quoted cells, which is why
      // empty lines are kept as records (and skipped as blank rows by the mapping).
      records = parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
    } catch (error) {
      throw new KielFormatError(`cannot read the CSV: ${(error as Error).message}`);
    }
  }
  const rows: SheetRow[] = [];
  let line = 1;
  for (const cells of records) {
    rows.push({ row: line, cells });
    line++;
    if (!stats.multiline) continue;
    for (const cell of cells) {
      if (cell.length > 0 && cell.includes('\n')) line += cell.split('\n').length - 1;
    }
  }
  return { format: 'csv', sheets: [{ rows }], decimalComma: delimiter === ';' };
}

/** A cell's value as the sheet shows it: a formula's cached result, rich text's plain text. */
export function cellValue(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('result' in value) return cellValue(value.result);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

export async function readXlsx(bytes: Uint8Array): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (error) {
    throw new KielFormatError(`cannot read the XLSX workbook: ${(error as Error).message}`);
  }
  return workbook.worksheets.map((sheet) => {
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      // row.values is 1-based and sparse: index 0 is always empty.
      const values = row.values as ExcelJS.CellValue[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
      rows.push({ row: number, cells });
    });
    return { name: sheet.name, rows };
  });
}
