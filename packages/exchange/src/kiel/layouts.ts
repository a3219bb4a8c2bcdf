// The tracker's two layouts, recognised by their header row wherever it sits in the first rows of
// a sheet (the workbook's sheets often open with a title block).
import { KielFormatError, type Cell, type RawFile, type SheetRow } from './read.js';

export type KielLayout = 'country-month' | 'main';

interface LayoutSpec {
  readonly label: string;
  /** Columns whose presence says "this is that layout" (any one of them is enough to try it). */
  readonly signature: readonly string[];
  /** Each entry is one requirement; alternatives are separated by `|`. */
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

export const LAYOUTS: Record<KielLayout, LayoutSpec> = {
  'country-month': {
    label: 'country-by-month export',
    signature: ['pct_gdp', 'commitments', 'humanitarian'],
    required: ['country|iso', 'year', 'month', 'financial', 'humanitarian', 'military'],
    optional: ['country', 'iso', 'total', 'commitments', 'gdp', 'pct_gdp'],
  },
  main: {
    label: 'main data sheet',
    signature: ['measure', 'aid_type_general', 'tot_sub_activity_value_eur'],
    required: ['donor', 'aid_type_general', 'measure', 'tot_sub_activity_value_eur', 'announcement_date|month'],
    optional: [
      'announcement_date', 'month', 'year', 'source_reported_value', 'reporting_currency', 'explanation', 'item',
      'item_numb_deliv', 'id', 'activity_id', 'sub_activity_id', 'iso', 'iso3', 'countrycode', 'country_code',
    ],
  },
};

/** "Tot_Sub_Activity_Value_EUR " → "tot_sub_activity_value_eur". */
export function normaliseHeader(cell: Cell): string {
  return String(cell ?? '')
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export interface KielTable {
  readonly layout: KielLayout;
  readonly sheet?: string;
  readonly headerRow: number;
  /** Column index by normalised header name; extra columns are not listed. */
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: readonly SheetRow[];
  readonly decimalComma: boolean;
  readonly format: 'csv' | 'xlsx';
}

/** Rows searched for a header in each sheet. */
const HEADER_SCAN = 25;

function missingColumns(spec: LayoutSpec, names: ReadonlySet<string>): string[] {
  return spec.required.filter((requirement) => !requirement.split('|').some((name) => names.has(name))).map((requirement) => requirement.replace('|', ' or '));
}

/**
 * The first sheet (in workbook order) with a recognised header. A header that looks like a layout
 * but lacks required columns is an error naming them, unless a later sheet has a complete one.
 */
export function findTable(file: RawFile): KielTable {
  let partial: { where: string; label: string; missing: string[] } | undefined;
  for (const sheet of file.sheets) {
    const scan = sheet.rows.slice(0, HEADER_SCAN);
    for (let index = 0; index < scan.length; index++) {
      const header = scan[index];
      if (!header) continue;
      const names = header.cells.map(normaliseHeader);
      const present = new Set(names);
      for (const [layout, spec] of Object.entries(LAYOUTS) as Array<[KielLayout, LayoutSpec]>) {
        if (!spec.signature.some((name) => present.has(name))) continue;
        const missing = missingColumns(spec, present);
        if (missing.length > 0) {
          const where = `${sheet.name ? `sheet "${sheet.name}", ` : ''}row ${header.row}`;
          if (!partial || missing.length < partial.missing.length) partial = { where, label: spec.label, missing };
          continue;
        }
        const columns = new Map<string, number>();
        const wanted = new Set([...spec.required.flatMap((name) => name.split('|')), ...spec.optional]);
        names.forEach((name, column) => {
          if (wanted.has(name) && !columns.has(name)) columns.set(name, column);
        });
        return {
          layout,
          ...(sheet.name ? { sheet: sheet.name } : {}),
          headerRow: header.row,
          columns,
          rows: sheet.rows.slice(index + 1),
          decimalComma: file.decimalComma,
          format: file.format,
        };
      }
    }
  }
  if (partial) throw new KielFormatError(`the header at ${partial.where} looks like the tracker's ${partial.label} but lacks the column${partial.missing.length === 1 ? '' : 's'} ${partial.missing.join(', ')}`);
  const expected = Object.values(LAYOUTS)
    .map((spec) => `${spec.label}: ${spec.required.map((name) => name.replace('|', ' or ')).join(', ')}`)
    .join('; ');
  throw new KielFormatError(`no header of the Kiel tracker found (looked for ${expected})`);
}
