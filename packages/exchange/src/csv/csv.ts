import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { validationError, type ValidationIssue } from '@compact/core';
import { canonicalJson, decodeScalar, encodeScalar, isPlainObject, joinRecord, splitRecord, type Plain } from '../record-fields.js';
import { CSV_TABLES, EXTRA_COLUMN, csvTable, type CsvTable } from './columns.js';

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a
 * leading apostrophe, and so does a cell that already begins with one; import strips exactly one,
 * so the guard is undone exactly.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unguardCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/** RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break. UTF-8, no BOM. */
export function writeCsv(rows: ReadonlyArray<readonly string[]>): string {
  return stringify(
    rows.map((row) => row.map(guardCell)),
    { record_delimiter: '\r\n' },
  );
}

/** Rows of text, the formula guard undone; a byte-order mark is dropped if a spreadsheet added one. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  return rows.map((row) => row.map(unguardCell));
}

/** The package's top-level fields other than its record arrays (format, asOf, title, extras). */
function packageFields(pkg: Plain): Array<[string, unknown]> {
  const arrays = new Set(CSV_TABLES.map((table) => table.key));
  return Object.entries(pkg).filter(([key, value]) => !arrays.has(key) && value !== undefined);
}

function tableRows(table: CsvTable, records: readonly unknown[]): string[][] {
  const header = [...table.columns.map((column) => column.path), EXTRA_COLUMN];
  const rows = records.map((record) => {
    const { values, rest } = splitRecord(isPlainObject(record) ? record : {}, table.columns);
    const cells = table.columns.map((column) => (values.has(column.path) ? encodeScalar(values.get(column.path), column.type) : ''));
    return [...cells, Object.keys(rest).length > 0 ? canonicalJson(rest) : ''];
  });
  return [header, ...rows];
}

/**
 * A data package as one CSV file per entity kind (plus `package.csv` for its top-level fields), in a
 * fixed order, keyed by file name. Every file is written, with its header, even when it has no rows.
 */
export function exportCsv(pkg: Plain): Record<string, string> {
  const files: Record<string, string> = {};
  for (const table of CSV_TABLES) {
    if (table.key === '') {
      files[table.file] = writeCsv([['field', 'value'], ...packageFields(pkg).map(([key, value]) => [key, JSON.stringify(value)])]);
    } else {
      const records = pkg[table.key];
      files[table.file] = writeCsv(tableRows(table, Array.isArray(records) ? records : []));
    }
  }
  return files;
}

export interface CsvImport {
  /** A data package for `importPackage` (it validates; this only reads). */
  readonly package: Plain;
  readonly warnings: string[];
}

/**
 * Files of `exportCsv` (or a spreadsheet's edit of them), keyed by file name, back into a data
 * package. A file that is absent leaves its kind empty; an unknown file is ignored with a warning;
 * an unknown column is kept as a text field of that name, with a warning.
 */
export function importCsv(files: Readonly<Record<string, string>>): CsvImport {
  const issues: ValidationIssue[] = [];
  const warnings: string[] = [];
  const pkg: Plain = {};
  const arrays: Record<string, Plain[]> = {};
  for (const [name, text] of Object.entries(files)) {
    const base = name.split(/[\\/]/).pop() ?? name;
    const table = csvTable(base);
    if (!table) {
      warnings.push(`${base}: not a Compact CSV file (expected one of ${CSV_TABLES.map((t) => t.file).join(', ')}); ignored`);
      continue;
    }
    let rows: string[][];
    try {
      rows = readCsv(text);
    } catch (error) {
      issues.push({ path: base, message: `not valid CSV: ${(error as Error).message}`, code: 'INVALID_CSV' });
      continue;
    }
    const [header = [], ...body] = rows;
    if (table.key === '') {
      body.forEach((row, index) => {
        const [field = '', value = ''] = row;
        try {
          pkg[field] = decodeScalar(value, 'json');
        } catch (error) {
          issues.push({ path: `${base}:${index + 2}:value`, message: (error as Error).message, code: 'INVALID_CELL' });
        }
      });
      continue;
    }
    for (const column of header) {
      if (column !== EXTRA_COLUMN && !table.columns.some((known) => known.path === column)) {
        warnings.push(`${base}: unknown column "${column}" kept as a text field`);
      }
    }
    arrays[table.key] = body.map((row, index) => {
      const values = new Map<string, unknown>();
      let rest: Plain = {};
      header.forEach((column, position) => {
        const cell = row[position] ?? '';
        if (cell === '') return;
        const at = `${base}:${index + 2}:${column}`;
        try {
          if (column === EXTRA_COLUMN) {
            const extra = decodeScalar(cell, 'json');
            if (!isPlainObject(extra)) throw new Error('expected a JSON object');
            rest = { ...rest, ...extra };
            return;
          }
          const known = table.columns.find((candidate) => candidate.path === column);
          if (known) values.set(column, decodeScalar(cell, known.type));
          else rest[column] = cell;
        } catch (error) {
          issues.push({ path: at, message: (error as Error).message, code: 'INVALID_CELL' });
        }
      });
      return joinRecord(values, rest, table.columns);
    });
  }
  if (issues.length > 0) throw validationError(issues);
  // Kinds in the package's usual order, whatever order the files came in.
  for (const table of CSV_TABLES) {
    if (table.key !== '' && arrays[table.key]) pkg[table.key] = arrays[table.key];
  }
  pkg.format ??= 'compact/1';
  return { package: pkg, warnings };
}
