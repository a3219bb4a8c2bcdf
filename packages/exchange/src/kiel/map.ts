// The tracker's rows mapped to flows: pure, deterministic, and explicit about every row it leaves
// out. See README.md in this folder for the rules.
import { isCurrencyCode, type AidType, type CapabilityArea, type GdpFigure } from '@compact/core';
import { capabilityFromItem } from './capability.js';
import { cellDecimal, cellText, parseDay, parseMonth, yearOf, type DecimalCell } from './cells.js';
import { centsToDecimal, decimalPlaces, isNegative, shiftDecimal, toCents, type Decimal } from './decimal.js';
import { DonorMatcher, type PartnerRef } from './donors.js';
import { findTable, type KielLayout, type KielTable } from './layouts.js';
import { readKielFile, type Cell, type SheetRow } from './read.js';

export const KIEL_SOURCE = {
  title: 'Kiel Institute Ukraine Support Tracker',
  publisher: 'Kiel Institute for the World Economy',
  url: 'https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/',
} as const;

/** What `tot_sub_activity_value_EUR` counts in: euros (the column's name), or millions or billions of them. */
export type ActivityUnit = 'eur' | 'million' | 'billion';
const UNIT_SHIFT: Record<ActivityUnit, number> = { eur: 0, million: 6, billion: 9 };

export type KielStage = 'pledge' | 'allocated';

/** A flow as the data package writes it (validated by the store on import). */
export interface KielFlow {
  id: string;
  provider: string;
  beneficiary: string;
  aidType?: AidType;
  capabilityArea?: CapabilityArea;
  stage: KielStage;
  on: string;
  onPrecision: 'day' | 'month' | 'year';
  money?: { amount: string; currency: 'EUR' };
  quantity?: { value: number; item?: string };
  restatesFlowId?: string;
  /** Always true: the tracker's rows are each donor's own money (restating is said by restatesFlowId). */
  newMoney: true;
  description?: string;
  externalId: string;
  /** The amount and currency the donor reported, before the tracker converted it to euros. */
  reported?: { amount: string; currency: string };
  classification: 'public';
  sources: Array<{ title: string; publisher: string; url: string; note: string }>;
}

export interface NotMapped {
  readonly row: number;
  readonly reason: string;
  readonly donor?: string;
  /** Set when the row repeats an earlier one exactly: imported once, not lost. */
  readonly duplicateOf?: number;
}

export interface KielWarning {
  readonly row: number;
  readonly message: string;
}

export interface GdpUpdate {
  readonly partner: string;
  readonly row: number;
  readonly figure: GdpFigure;
}

export interface StageTotal {
  flows: number;
  /** Sum of the stage's money, EUR, as a decimal string. */
  eur: string;
}

export interface UnmatchedDonor {
  readonly donor: string;
  readonly code?: string;
  readonly reason: string;
  rows: number;
  /** The first few row numbers, for finding them in the file. */
  readonly firstRows: number[];
  /** What the rows would have added, EUR (allocations and commitments alike). */
  eur: string;
}

export interface KielSummary {
  /** Data rows below the header, blank ones not counted. */
  rows: number;
  /** Rows that gave at least one flow or a GDP figure. */
  mapped: number;
  /** Rows without any figure (a panel's zero months): nothing to import, nothing wrong. */
  empty: number;
  notMapped: number;
  /** Of the not-mapped rows, those that repeat an earlier row exactly. */
  duplicates: number;
  flows: number;
  /** Allocations linked to the commitment they carry out (`restatesFlowId`). */
  restating: number;
  byStage: Record<KielStage, StageTotal>;
  unmatchedDonors: UnmatchedDonor[];
}

export interface KielImport {
  readonly layout: KielLayout;
  readonly sheet?: string;
  readonly headerRow: number;
  readonly flows: KielFlow[];
  readonly gdp: GdpUpdate[];
  readonly notMapped: NotMapped[];
  readonly warnings: KielWarning[];
  readonly summary: KielSummary;
}

export interface KielMapOptions {
  /** The registry's partners: donors are mapped to these and to nothing else. */
  readonly partners: readonly PartnerRef[];
  /** Named in every flow's source note. */
  readonly fileName: string;
  readonly activityUnit?: ActivityUnit;
  readonly beneficiary?: string;
  readonly onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 5000;

/** Reads the bytes, finds the table and maps it. */
export async function importKielFile(bytes: Uint8Array, options: KielMapOptions): Promise<KielImport> {
  return mapKielTable(findTable(await readKielFile(bytes, options.fileName)), options);
}

export function mapKielTable(table: KielTable, options: KielMapOptions): KielImport {
  const context = new MapContext(table, options);
  if (table.layout === 'country-month') mapCountryMonth(context);
  else mapMain(context);
  return context.result();
}

class MapContext {
  readonly flows: KielFlow[] = [];
  readonly gdp: GdpUpdate[] = [];
  readonly notMapped: NotMapped[] = [];
  readonly warnings: KielWarning[] = [];
  readonly donors: DonorMatcher;
  readonly summary: KielSummary = {
    rows: 0,
    mapped: 0,
    empty: 0,
    notMapped: 0,
    duplicates: 0,
    flows: 0,
    restating: 0,
    byStage: { pledge: { flows: 0, eur: '0' }, allocated: { flows: 0, eur: '0' } },
    unmatchedDonors: [],
  };
  private readonly stageCents: Record<KielStage, bigint> = { pledge: 0n, allocated: 0n };
  private readonly unmatched = new Map<string, UnmatchedDonor & { cents: bigint }>();
  readonly beneficiary: string;
  private readonly where: string;

  constructor(
    readonly table: KielTable,
    readonly options: KielMapOptions,
  ) {
    this.donors = new DonorMatcher(options.partners);
    this.beneficiary = options.beneficiary ?? 'UA';
    this.where = `file ${options.fileName}${table.sheet ? `, sheet "${table.sheet}"` : ''}`;
  }

  column(name: string): number {
    return this.table.columns.get(name) ?? -1;
  }

  source(row: number): KielFlow['sources'] {
    return [{ title: KIEL_SOURCE.title, publisher: KIEL_SOURCE.publisher, url: KIEL_SOURCE.url, note: `${this.where}, row ${row}` }];
  }

  externalId(row: number): string {
    return `${this.table.sheet ?? this.options.fileName}#${row}`;
  }

  decimal(cell: Cell | undefined): DecimalCell {
    return cellDecimal(cell, this.table.decimalComma);
  }

  addFlow(flow: KielFlow, cents: bigint | null): void {
    this.flows.push(flow);
    const stage = this.summary.byStage[flow.stage];
    stage.flows++;
    if (cents !== null) this.stageCents[flow.stage] += cents;
  }

  skip(row: number, reason: string, donor?: string): void {
    this.notMapped.push({ row, reason, ...(donor ? { donor } : {}) });
  }

  duplicate(row: number, of: number, donor: string): void {
    this.summary.duplicates++;
    this.notMapped.push({ row, reason: `duplicate of row ${of}`, donor, duplicateOf: of });
  }

  unknownDonor(row: number, label: string, reason: string, cents: bigint, code?: string): void {
    this.skip(row, reason, label);
    let entry = this.unmatched.get(label);
    if (!entry) {
      entry = { donor: label, ...(code ? { code } : {}), reason, rows: 0, firstRows: [], eur: '0', cents: 0n };
      this.unmatched.set(label, entry);
    }
    entry.rows++;
    if (entry.firstRows.length < 10) entry.firstRows.push(row);
    entry.cents += cents;
  }

  warn(row: number, message: string): void {
    this.warnings.push({ row, message });
  }

  progress(done: number, total: number): void {
    if (done % PROGRESS_EVERY === 0 || done === total) this.options.onProgress?.(done, total);
  }

  result(): KielImport {
    const summary = this.summary;
    summary.flows = this.flows.length;
    summary.notMapped = this.notMapped.length;
    for (const stage of ['pledge', 'allocated'] as const) summary.byStage[stage].eur = centsToDecimal(this.stageCents[stage]);
    summary.unmatchedDonors = [...this.unmatched.values()]
      .map(({ cents, ...entry }) => ({ ...entry, eur: centsToDecimal(cents) }))
      .sort((a, b) => b.rows - a.rows || a.donor.localeCompare(b.donor));
    return {
      layout: this.table.layout,
      ...(this.table.sheet ? { sheet: this.table.sheet } : {}),
      headerRow: this.table.headerRow,
      flows: this.flows,
      gdp: this.gdp,
      notMapped: this.notMapped,
      warnings: this.warnings,
      summary,
    };
  }
}

function isBlank(row: SheetRow): boolean {
  for (const cell of row.cells) if (cell !== null && (typeof cell !== 'string' || cell.trim() !== '')) return false;
  return true;
}

const COUNTRY_AID: ReadonlyArray<AidType> = ['military', 'financial', 'humanitarian'];

/** EUR billions as written → whole cents, exact. */
function billionsToCents(value: Decimal): bigint {
  return toCents(shiftDecimal(value, 9));
}

/**
 * Country-by-month rows: one allocation per non-zero aid-type cell, one pledge for `commitments`;
 * `total` is checked against the three, `gdp` becomes the partner's GDP for the year.
 */
function mapCountryMonth(context: MapContext): void {
  const rows = context.table.rows;
  const col = {
    country: context.column('country'),
    iso: context.column('iso'),
    year: context.column('year'),
    month: context.column('month'),
    total: context.column('total'),
    commitments: context.column('commitments'),
    gdp: context.column('gdp'),
    military: context.column('military'),
    financial: context.column('financial'),
    humanitarian: context.column('humanitarian'),
  };
  const seen = new Map<string, { row: number; content: string }>();
  const gdpSeen = new Map<string, { row: number; cents: bigint }>();
  rows.forEach((sheetRow, index) => {
    context.progress(index + 1, rows.length);
    if (isBlank(sheetRow)) return;
    context.summary.rows++;
    const { row, cells } = sheetRow;
    const name = cellText(cells[col.country]);
    const iso = cellText(cells[col.iso]);
    const label = name || iso;

    // Figures first: an unknown donor's rows are reported with what they would have added.
    const figures = new Map<AidType | 'commitments', bigint>();
    const written = new Map<AidType | 'commitments', Decimal>();
    const problems: string[] = [];
    for (const field of [...COUNTRY_AID, 'commitments'] as const) {
      if (field === 'commitments' && col.commitments < 0) continue;
      const cell = context.decimal(cells[col[field]]);
      if ('invalid' in cell) problems.push(`${field} "${cell.invalid}" is not a number`);
      else if ('value' in cell) {
        if (isNegative(cell.value)) problems.push(`${field} ${cell.value} is negative (a flow cannot be)`);
        else {
          figures.set(field, billionsToCents(cell.value));
          written.set(field, cell.value);
        }
      }
    }
    const allocatedCents = COUNTRY_AID.reduce((sum, field) => sum + (figures.get(field) ?? 0n), 0n);

    const donor = context.donors.match(name, iso);
    if (donor.partner === undefined) {
      context.unknownDonor(row, label || '(none)', donor.reason, allocatedCents + (figures.get('commitments') ?? 0n), donor.code);
      return;
    }
    if (donor.conflict) context.warn(row, donor.conflict);
    const partner = donor.partner;
    const year = yearOf(cells[col.year]);
    if (year === null) {
      const text = cellText(cells[col.year]);
      context.skip(row, text ? `year "${text}" is not a year` : 'no year', label);
      return;
    }
    const monthText = cellText(cells[col.month]).replace(/\.0+$/, '');
    let month = 0;
    if (monthText !== '') {
      month = /^\d{1,2}$/.test(monthText) ? Number(monthText) : -1;
      if (month < 0 || month > 12) {
        context.skip(row, `month "${monthText}" is not 0–12`, label);
        return;
      }
    }
    if (problems.length > 0) {
      context.skip(row, problems.join('; '), label);
      return;
    }

    const period = `${year}-${String(month).padStart(2, '0')}`;
    const key = `${partner}:${period}`;
    const gdpCell = col.gdp >= 0 ? context.decimal(cells[col.gdp]) : ({ empty: true } as const);
    const content = [...figures.entries()].map(([field, cents]) => `${field}=${cents}`).join(',') + ('value' in gdpCell ? `,gdp=${gdpCell.value}` : '');
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.content === content) {
        context.duplicate(row, earlier.row, label);
      } else {
        context.skip(row, `${partner} ${period} already given in row ${earlier.row} with other figures`, label);
      }
      return;
    }
    seen.set(key, { row, content });

    const on = month === 0 ? `${year}-01-01` : `${period}-01`;
    const onPrecision = month === 0 ? 'year' : 'month';
    const base = { provider: partner, beneficiary: context.beneficiary, on, onPrecision, newMoney: true, externalId: context.externalId(row), classification: 'public', sources: context.source(row) } as const;
    let produced = 0;
    for (const aidType of COUNTRY_AID) {
      const cents = figures.get(aidType);
      if (!cents) continue;
      context.addFlow({ id: `kiel:country-month:${partner}:${period}:${aidType}:allocated`, ...base, sources: context.source(row), aidType, stage: 'allocated', money: { amount: centsToDecimal(cents), currency: 'EUR' } }, cents);
      produced++;
    }
    const pledged = figures.get('commitments');
    if (pledged) {
      context.addFlow({ id: `kiel:country-month:${partner}:${period}:pledge`, ...base, sources: context.source(row), stage: 'pledge', money: { amount: centsToDecimal(pledged), currency: 'EUR' } }, pledged);
      produced++;
    }

    // `total` restates the sum of the three: checked, never imported.
    const total = col.total >= 0 ? context.decimal(cells[col.total]) : ({ empty: true } as const);
    if ('value' in total && COUNTRY_AID.some((field) => figures.has(field))) {
      const places = Math.max(decimalPlaces(total.value), ...COUNTRY_AID.flatMap((field) => (written.has(field) ? [decimalPlaces(written.get(field) ?? '')] : [])));
      // The file's precision is its most precise figure (writers drop trailing zeros: 2.0 is "2");
      // each of the four figures may be rounded by half a unit of that digit, then to cents.
      const tolerance = 2n * 10n ** BigInt(Math.max(0, 11 - places)) + 2n;
      const difference = billionsToCents(total.value) - allocatedCents;
      if (difference > tolerance || -difference > tolerance) {
        context.warn(row, `total ${total.value} differs from military + financial + humanitarian = ${shiftDecimal(centsToDecimal(allocatedCents), -9)} (EUR bn); total is not imported`);
      }
    } else if ('invalid' in total) context.warn(row, `total "${total.invalid}" is not a number (not imported; only checked)`);

    if ('invalid' in gdpCell) context.warn(row, `gdp "${gdpCell.invalid}" is not a number; no GDP figure taken`);
    else if ('value' in gdpCell && !isNegative(gdpCell.value) && billionsToCents(gdpCell.value) > 0n) {
      const cents = billionsToCents(gdpCell.value);
      const gdpKey = `${partner}:${year}`;
      const first = gdpSeen.get(gdpKey);
      if (!first) {
        gdpSeen.set(gdpKey, { row, cents });
        context.gdp.push({ partner, row, figure: { year, money: { amount: centsToDecimal(cents), currency: 'EUR' }, sources: context.source(row) } });
        produced++;
      } else if (first.cents !== cents) {
        context.warn(row, `GDP of ${partner} for ${year} is ${centsToDecimal(cents)} EUR here but ${centsToDecimal(first.cents)} EUR in row ${first.row}; row ${first.row}'s figure was kept`);
      }
    }
    if (produced > 0) context.summary.mapped++;
    else context.summary.empty++;
  });
}

const AID_TYPES: Record<string, AidType> = { military: 'military', financial: 'financial', humanitarian: 'humanitarian' };
const MEASURES: Record<string, KielStage> = { commitment: 'pledge', commitments: 'pledge', allocation: 'allocated', allocations: 'allocated' };

/**
 * `table[text.toLowerCase()]`, remembered per text as written: a column holds a handful of
 * spellings, and lower-casing and looking up each row's copy cost more than a Map lookup.
 */
function lowerCaseLookup<T>(table: Record<string, T>): (text: string) => T | undefined {
  const seen = new Map<string, T | undefined>();
  return (text) => {
    if (seen.has(text)) return seen.get(text);
    const value = table[text.toLowerCase()];
    seen.set(text, value);
    return value;
  };
}

/** ASCII letters and digits in words separated by single spaces (`i` without `u` matches ASCII only). */
const WORDS = /^[a-z0-9]+(?: [a-z0-9]+)*$/i;

/** Lower case, no accents or punctuation, single spaces: how two rows' descriptions are compared. */
export function normaliseText(text: string): string {
  // Most descriptions are ASCII words and single spaces: lower-casing is all that would change.
  if (WORDS.test(text)) return text.toLowerCase();
  // Plain ASCII (nearly every row) needs no Unicode decomposition.
  return (/^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFD'))
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * 64 bits of a row's identity as 16 hex digits: two 32-bit multiplicative hashes (cyrb53's mixing)
 * over the same text. Not cryptographic; ids need stability and spread, and this is ten times
 * cheaper than SHA-256 at 100,000 rows.
 */
export function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex32(h1) + hex32(h2);
}

/** Two hex digits per byte value: four lookups give a 32-bit number's eight (toString(16) and padStart cost more). */
const HEX_BYTE = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return (HEX_BYTE[n >>> 24] as string) + (HEX_BYTE[(n >>> 16) & 255] as string) + (HEX_BYTE[(n >>> 8) & 255] as string) + (HEX_BYTE[n & 255] as string);
}

interface PledgeRef {
  readonly id: string;
  readonly on: string;
}

/**
 * The rows of one identity: the first, and later ones with other figures. Kept per identity, not
 * per row, and chained to the next identity of the same hash (a collision, practically never):
 * a group array per row and a scan of it cost noticeably at 100,000 rows, mostly in garbage
 * collection of what the mapping keeps until it ends.
 */
interface IdentityRows {
  readonly identity: string;
  readonly row: number;
  readonly content: string;
  /** Later rows of the identity with other figures, each its next occurrence. */
  later: Array<{ readonly row: number; readonly content: string }> | null;
  /** The next identity whose hash is the same, in the order first seen. */
  collision: IdentityRows | null;
}

/**
 * Main data sheet rows: Commitment → pledge, Allocation → allocation, each one flow; an allocation
 * that carries out a commitment of the same donor is linked to it (`restatesFlowId`).
 */
function mapMain(context: MapContext): void {
  const rows = context.table.rows;
  const shift = UNIT_SHIFT[context.options.activityUnit ?? 'eur'];
  const first = (...names: string[]) => names.map((name) => context.column(name)).find((index) => index >= 0) ?? -1;
  const col = {
    donor: context.column('donor'),
    iso: first('iso', 'iso3', 'countrycode', 'country_code'),
    aid: context.column('aid_type_general'),
    measure: context.column('measure'),
    date: context.column('announcement_date'),
    month: context.column('month'),
    year: context.column('year'),
    value: context.column('tot_sub_activity_value_eur'),
    reportedValue: context.column('source_reported_value'),
    reportedCurrency: context.column('reporting_currency'),
    explanation: context.column('explanation'),
    item: context.column('item'),
    count: context.column('item_numb_deliv'),
    activity: first('id', 'activity_id'),
    subActivity: context.column('sub_activity_id'),
  };
  /** Rows by the hash of their identity: a second row of the same identity is a duplicate when its content matches too. */
  const identities = new Map<string, IdentityRows>();
  const pledgesByText = new Map<string, PledgeRef | PledgeRef[]>();
  const pledgesByActivity = new Map<string, PledgeRef | PledgeRef[]>();
  const measureStage = lowerCaseLookup(MEASURES);
  const aidTypeOf = lowerCaseLookup(AID_TYPES);
  const allocations: Array<{ flow: KielFlow; byText: string | null; byActivity: string | null }> = [];

  rows.forEach((sheetRow, index) => {
    context.progress(index + 1, rows.length);
    if (isBlank(sheetRow)) return;
    context.summary.rows++;
    const { row, cells } = sheetRow;
    const name = cellText(cells[col.donor]);
    const iso = cellText(cells[col.iso]);
    const label = name || iso || '(none)';

    const valueCell = context.decimal(cells[col.value]);
    let cents: bigint | null = null;
    let valueProblem: string | null = null;
    if ('invalid' in valueCell) valueProblem = `tot_sub_activity_value_EUR "${valueCell.invalid}" is not a number`;
    else if ('value' in valueCell) {
      if (isNegative(valueCell.value)) valueProblem = `tot_sub_activity_value_EUR ${valueCell.value} is negative (a flow cannot be)`;
      else cents = toCents(shiftDecimal(valueCell.value, shift));
    }

    const donor = context.donors.match(name, iso);
    if (donor.partner === undefined) {
      context.unknownDonor(row, label, donor.reason, cents ?? 0n, donor.code);
      return;
    }
    if (donor.conflict) context.warn(row, donor.conflict);
    const partner = donor.partner;

    const measureText = cellText(cells[col.measure]);
    const stage = measureStage(measureText);
    if (!stage) {
      context.skip(row, measureText ? `measure "${measureText}" is neither Commitment nor Allocation` : 'no measure', label);
      return;
    }
    const aidText = cellText(cells[col.aid]);
    const aidType = aidTypeOf(aidText);
    if (!aidType) {
      context.skip(row, aidText ? `aid_type_general "${aidText}" is not Military, Financial or Humanitarian` : 'no aid_type_general', label);
      return;
    }
    if (valueProblem) {
      context.skip(row, valueProblem, label);
      return;
    }

    let on: string;
    let onPrecision: KielFlow['onPrecision'];
    const day = parseDay(cells[col.date]);
    if (day) {
      on = day;
      onPrecision = 'day';
    } else {
      const dateText = cellText(cells[col.date]);
      const month = parseMonth(cells[col.month], cells[col.year]);
      if (!month) {
        const monthText = cellText(cells[col.month]);
        const said = [dateText && `announcement_date "${dateText}"`, monthText && `month "${monthText}"`].filter(Boolean).join(', ');
        context.skip(row, said ? `no date (${said} not understood)` : 'no date', label);
        return;
      }
      if (dateText) context.warn(row, `announcement_date "${dateText}" is not a date; the month was used`);
      on = month.on;
      onPrecision = month.precision;
    }

    const item = cellText(cells[col.item]);
    let quantity: KielFlow['quantity'];
    const countCell = context.decimal(cells[col.count]);
    const count = 'value' in countCell ? Number(countCell.value) : 0;
    if ('value' in countCell && Number.isFinite(count) && count > 0) {
      // Two literals rather than a spread of a temporary object per row (same fields, same order).
      quantity = item ? { value: count, item } : { value: count };
    } else if ('invalid' in countCell || ('value' in countCell && (isNegative(countCell.value) || !Number.isFinite(count)))) {
      context.warn(row, `item_numb_deliv "${'invalid' in countCell ? countCell.invalid : countCell.value}" is not a count; no quantity taken`);
    }
    if (!cents && !quantity) {
      context.skip(row, 'no value and no quantity', label);
      return;
    }

    let reported: KielFlow['reported'];
    const reportedCell = context.decimal(cells[col.reportedValue]);
    const currency = cellText(cells[col.reportedCurrency]).toUpperCase();
    if ('value' in reportedCell && !isNegative(reportedCell.value) && isCurrencyCode(currency)) reported = { amount: reportedCell.value, currency };

    const explanation = cellText(cells[col.explanation]);
    const activityId = cellText(cells[col.activity]);
    const subActivityId = cellText(cells[col.subActivity]);
    const activity = activityId && subActivityId ? `${activityId}/${subActivityId}` : activityId || subActivityId;
    const normalExplanation = normaliseText(explanation);
    const normalItem = normaliseText(item);
    const text = normalExplanation || normalItem;
    const identityKey = `${activity}\u001f${partner}\u001f${stage}\u001f${aidType}\u001f${on}\u001f${normalExplanation}\u001f${normalItem}`;
    const content = `${cents ?? ''}|${quantity?.value ?? ''}|${reported ? `${reported.amount} ${reported.currency}` : ''}`;
    // Rows are grouped by the hash of their identity (a short key is cheaper to look up than the
    // identity itself); the identity is compared too, so a hash collision only adds a suffix.
    const identityHash = hash(identityKey);
    // The identity's place among those of its hash (0 but for a collision), and its rows so far.
    let rank = 0;
    let last: IdentityRows | null = null;
    let same: IdentityRows | null = null;
    for (let entry = identities.get(identityHash) ?? null; entry; entry = entry.collision) {
      if (entry.identity === identityKey) {
        same = entry;
        break;
      }
      last = entry;
      rank++;
    }
    // Rows alike in all but their figures are told apart by their order: the n-th such row.
    let occurrence = 1;
    let duplicateOf: number | undefined;
    if (same) {
      if (same.content === content) duplicateOf = same.row;
      else occurrence++;
      for (const later of same.later ?? []) {
        if (later.content === content) duplicateOf = later.row;
        else occurrence++;
      }
    }
    if (duplicateOf !== undefined) {
      context.duplicate(row, duplicateOf, label);
      return;
    }
    if (same) (same.later ??= []).push({ row, content });
    else {
      const entry: IdentityRows = { identity: identityKey, row, content, later: null, collision: null };
      if (last) last.collision = entry;
      else identities.set(identityHash, entry);
    }

    const capabilityArea = aidType === 'military' ? capabilityFromItem(item) : null;
    // One object shape for every flow (absent fields undefined, dropped by JSON): 100,000 flows
    // of a dozen different shapes made every later step (validation, JSON) measurably slower.
    const flow: KielFlow = {
      id: `kiel:main:${partner}:${identityHash}${occurrence > 1 ? `-${occurrence}` : ''}${rank > 0 ? `~${rank + 1}` : ''}`,
      provider: partner,
      beneficiary: context.beneficiary,
      aidType,
      capabilityArea: capabilityArea ?? undefined,
      stage,
      on,
      onPrecision,
      money: cents ? { amount: centsToDecimal(cents), currency: 'EUR' } : undefined,
      quantity,
      restatesFlowId: undefined,
      newMoney: true,
      description: explanation || undefined,
      externalId: context.externalId(row),
      reported,
      classification: 'public',
      sources: context.source(row),
    };
    context.addFlow(flow, cents);
    context.summary.mapped++;

    const byText = text ? `${partner}|${aidType}|${text}` : null;
    const byActivity = activityId ? `${partner}|${activityId}` : null;
    if (stage === 'pledge') {
      const ref = { id: flow.id, on };
      if (byText) pushTo(pledgesByText, byText, ref);
      if (byActivity) pushTo(pledgesByActivity, byActivity, ref);
    } else {
      allocations.push({ flow, byText, byActivity });
    }
  });

  // The never-double-count rule: an allocation restates the commitment with the same activity id
  // (when the allocation has one, only that counts), else the same donor, aid type and description; among several, the latest announced on or
  // before the allocation (else the earliest).
  for (const { flow, byText, byActivity } of allocations) {
    const candidates = byActivity ? pledgesByActivity.get(byActivity) : byText ? pledgesByText.get(byText) : undefined;
    if (!candidates) continue;
    let chosen: PledgeRef | undefined;
    if (!Array.isArray(candidates)) chosen = candidates;
    else {
      for (const candidate of candidates) {
        if (candidate.on <= flow.on && (!chosen || candidate.on > chosen.on)) chosen = candidate;
      }
      chosen ??= candidates.reduce((a, b) => (b.on < a.on ? b : a));
    }
    flow.restatesFlowId = chosen.id;
    context.summary.restating++;
  }
}

/** Adds to a key's values: the first one alone, an array from the second (most keys have one). */
function pushTo<T extends object>(map: Map<string, T | T[]>, key: string, value: T): void {
  const held = map.get(key);
  if (held === undefined) map.set(key, value);
  else if (Array.isArray(held)) held.push(value);
  else map.set(key, [held, value]);
}
