import { RateTable, formatAmount, parseMoney, validationError, type Commitment, type ExchangeRateRecord, type Flow, type Partner } from '@compact/core';
import { readCsv, writeCsv } from '../csv/csv.js';
import { isPlainObject, joinRecord, textOf, splitRecord, type FieldSpec, type Plain } from '../record-fields.js';

/** FTS flow statuses for a flow's stage. */
export const FTS_STATUS = { pledge: 'pledge', allocated: 'commitment', delivered: 'paid' } as const;

const STAGE_OF_STATUS: Readonly<Record<string, Flow['stage']>> = { pledge: 'pledge', commitment: 'allocated', paid: 'delivered' };

/** Flow fields FTS's own fields carry exactly; everything else travels in the flow's `compact` object. */
const STANDARD_FIELDS: readonly FieldSpec[] = [
  { path: 'id', type: 'text' },
  { path: 'stage', type: 'text' },
  { path: 'on', type: 'text' },
  { path: 'money.amount', type: 'text' },
  { path: 'money.currency', type: 'text' },
  { path: 'description', type: 'text' },
  { path: 'newMoney', type: 'boolean' },
  { path: 'parentFlowId', type: 'text' },
  { path: 'externalId', type: 'text' },
];

export interface FtsObject {
  type: 'Organization' | 'Location' | 'UsageYear';
  id: string;
  name: string;
  behavior: 'single';
}

export interface FtsFlow {
  id: string;
  description: string | null;
  status: 'pledge' | 'commitment' | 'paid';
  date: string;
  decisionDate: string | null;
  budgetYear: string;
  amountUSD: number | null;
  originalAmount: number | null;
  originalCurrency: string | null;
  flowType: 'Standard';
  contributionType: 'financial' | 'inKind';
  newMoney: boolean;
  parentFlowId: string | null;
  childFlowIds: string[];
  keywords: string[];
  sourceObjects: FtsObject[];
  destinationObjects: FtsObject[];
  boundary: 'incoming';
  onBoundary: 'single';
  reportDetails: Array<{ sourceType: string; organization: string | null; reportChannel: string; date: string | null; refCode: string | null }>;
  refCode: string | null;
  /** What FTS's fields cannot carry: Compact's own fields, as in the flow record. */
  compact: Plain;
}

export interface FtsDocument {
  status: 'ok';
  data: { flows: FtsFlow[] };
}

export interface FtsSource {
  readonly flows: readonly Flow[];
  readonly commitments?: readonly Commitment[];
  readonly partners?: readonly Partner[];
}

export interface FtsExportOptions {
  /**
   * Rates for `amountUSD` (the package's own `exchangeRates`). Without rates, or without a rate
   * for the currency or USD in the flow's year, `amountUSD` is null: no conversion is invented.
   */
  readonly exchangeRates?: readonly ExchangeRateRecord[];
}

/** An FTS-style document (`{ status, data: { flows } }`, as the FTS API answers) of the flows. */
export function exportFts(source: FtsSource, options: FtsExportOptions = {}): FtsDocument {
  const names = new Map((source.partners ?? []).map((partner) => [partner.code, partner.name]));
  const commitments = new Map((source.commitments ?? []).map((commitment) => [commitment.id, commitment]));
  const byId = new Map(source.flows.map((flow) => [flow.id, flow]));
  const children = new Map<string, string[]>();
  for (const flow of source.flows) {
    if (flow.parentFlowId) children.set(flow.parentFlowId, [...(children.get(flow.parentFlowId) ?? []), flow.id]);
  }
  const rates = options.exchangeRates && options.exchangeRates.length > 0 ? new RateTable(options.exchangeRates) : undefined;
  const party = (code: string | undefined): FtsObject[] =>
    code
      ? [
          { type: 'Organization', id: code, name: `Government of ${names.get(code) ?? code}`, behavior: 'single' },
          { type: 'Location', id: code, name: names.get(code) ?? code, behavior: 'single' },
        ]
      : [];
  const flows = source.flows.map((flow): FtsFlow => {
    const { values, rest } = splitRecord(flow, STANDARD_FIELDS);
    const amount = values.get('money.amount') as string | undefined;
    const currency = values.get('money.currency') as string | undefined;
    // A number carries the amount only if it reads back as the same decimal string.
    const original = amount !== undefined && String(Number(amount)) === amount ? Number(amount) : null;
    if (amount !== undefined && original === null) {
      rest.money = { ...(isPlainObject(rest.money) ? rest.money : {}), amount, currency };
    }
    const commitment = flow.commitmentId ? commitments.get(flow.commitmentId) : undefined;
    const restated = flow.restatesFlowId ? byId.get(flow.restatesFlowId) : undefined;
    return {
      id: flow.id,
      description: (values.get('description') as string | undefined) ?? null,
      status: FTS_STATUS[flow.stage],
      date: `${flow.on}T00:00:00Z`,
      decisionDate: restated ? `${restated.on}T00:00:00Z` : null,
      budgetYear: flow.on.slice(0, 4),
      amountUSD: usd(flow, rates),
      originalAmount: original,
      originalCurrency: original !== null ? (currency ?? null) : null,
      flowType: 'Standard',
      contributionType: flow.money ? 'financial' : 'inKind',
      newMoney: values.has('newMoney') ? (values.get('newMoney') as boolean) : true,
      parentFlowId: (values.get('parentFlowId') as string | undefined) ?? null,
      childFlowIds: children.get(flow.id) ?? [],
      keywords: [flow.capabilityArea ?? commitment?.capabilityArea ?? null, flow.aidType ?? null].filter((word): word is NonNullable<typeof word> => word !== null),
      sourceObjects: party(flow.provider ?? commitment?.provider),
      destinationObjects: party(flow.beneficiary ?? commitment?.beneficiary),
      boundary: 'incoming',
      onBoundary: 'single',
      reportDetails: flow.sources.map((report) => ({
        sourceType: 'Public source',
        organization: report.publisher ?? report.title ?? null,
        reportChannel: 'Website',
        date: report.accessedOn ?? null,
        refCode: report.url ?? null,
      })),
      refCode: (values.get('externalId') as string | undefined) ?? null,
      compact: rest,
    };
  });
  return { status: 'ok', data: { flows } };
}

function usd(flow: Flow, rates: RateTable | undefined): number | null {
  if (!rates || !flow.money) return null;
  try {
    return Number(formatAmount(rates.convert(parseMoney(flow.money.amount, flow.money.currency), 'USD', Number(flow.on.slice(0, 4)))));
  } catch {
    return null;
  }
}

export interface FtsImport {
  readonly flows: Plain[];
  readonly warnings: string[];
}

export interface FtsImportOptions {
  /** Known partner codes and names: a foreign flow's organisations and locations are matched against them. */
  readonly partners?: ReadonlyArray<{ code: string; name: string; nameUk?: string | undefined }>;
}

/**
 * FTS flows back into flow records: a flow with Compact's `compact` object comes back exactly; other
 * FTS data is mapped as far as it goes (status, date, original amount and currency, source and
 * destination when they name a known partner, new money, parent flow), with a warning for each
 * flow that cannot be a Compact flow and for the amounts only known in USD.
 */
export function importFts(input: unknown, options: FtsImportOptions = {}): FtsImport {
  const flows = ftsFlows(input);
  if (!flows) {
    throw validationError([{ path: '$', message: 'not an FTS flow document: expected { data: { flows: [...] } } or { flows: [...] }', code: 'INVALID_FTS' }]);
  }
  const warnings: string[] = [];
  const codes = new Set((options.partners ?? []).map((partner) => partner.code));
  const byName = new Map(
    (options.partners ?? []).flatMap((partner) =>
      [partner.name, `Government of ${partner.name}`, partner.nameUk ?? ''].filter(Boolean).map((name) => [name.toLowerCase(), partner.code] as const),
    ),
  );
  const partnerOf = (objects: unknown): string | undefined => {
    for (const type of ['Organization', 'Location']) {
      for (const object of Array.isArray(objects) ? objects : []) {
        if (!isPlainObject(object) || object.type !== type) continue;
        const id = textOf(object.id ?? '').toUpperCase();
        if (/^[A-Z]{2}$/.test(id) && (codes.size === 0 || codes.has(id))) return id;
        const name = typeof object.name === 'string' ? byName.get(object.name.toLowerCase()) : undefined;
        if (name) return name;
      }
    }
    return undefined;
  };
  const out: Plain[] = [];
  flows.forEach((raw, index) => {
    const where = `flow ${isPlainObject(raw) && raw.id !== undefined ? textOf(raw.id) : `#${index + 1}`}`;
    if (!isPlainObject(raw)) {
      warnings.push(`${where}: not an object; skipped`);
      return;
    }
    const stage = STAGE_OF_STATUS[textOf(raw.status)];
    if (!stage) {
      warnings.push(`${where}: status "${textOf(raw.status)}" is not pledge, commitment or paid; skipped`);
      return;
    }
    const values = new Map<string, unknown>();
    values.set('id', textOf(raw.id));
    values.set('stage', stage);
    values.set('on', textOf(raw.date ?? '').slice(0, 10));
    if (typeof raw.originalAmount === 'number' && typeof raw.originalCurrency === 'string') {
      values.set('money.amount', textOf(raw.originalAmount));
      values.set('money.currency', raw.originalCurrency);
    }
    if (typeof raw.description === 'string' && raw.description !== '') values.set('description', raw.description);
    if (typeof raw.newMoney === 'boolean') values.set('newMoney', raw.newMoney);
    if (raw.parentFlowId !== null && raw.parentFlowId !== undefined) values.set('parentFlowId', textOf(raw.parentFlowId));
    if (typeof raw.refCode === 'string' && raw.refCode !== '') values.set('externalId', raw.refCode);
    if (isPlainObject(raw.compact)) {
      out.push(joinRecord(values, raw.compact, STANDARD_FIELDS));
      return;
    }
    // A foreign flow: its id must be one of ours, and it needs a provider and money of its own.
    values.set('id', `fts-${textOf(raw.id)}`.replace(/[^A-Za-z0-9._:-]/g, '-'));
    if (values.has('parentFlowId')) values.set('parentFlowId', `fts-${textOf(raw.parentFlowId)}`.replace(/[^A-Za-z0-9._:-]/g, '-'));
    if (!values.has('externalId')) values.set('externalId', `fts:${textOf(raw.id)}`);
    if (!values.has('money.amount')) {
      warnings.push(`${where}: no original amount and currency${typeof raw.amountUSD === 'number' ? ` (only amountUSD ${raw.amountUSD}, which is a conversion)` : ''}; skipped`);
      return;
    }
    if (!/^\d+(\.\d+)?$/.test(values.get('money.amount') as string)) {
      warnings.push(`${where}: amount ${textOf(raw.originalAmount)} is not a non-negative decimal; skipped`);
      return;
    }
    const provider = partnerOf(raw.sourceObjects);
    if (!provider) {
      warnings.push(`${where}: the source names no known partner; skipped`);
      return;
    }
    const beneficiary = partnerOf(raw.destinationObjects);
    if (!beneficiary) warnings.push(`${where}: the destination names no known partner; beneficiary left empty`);
    const flow = joinRecord(values, {}, STANDARD_FIELDS);
    out.push({ ...flow, provider, ...(beneficiary ? { beneficiary } : {}) });
  });
  return { flows: out, warnings };
}

function ftsFlows(input: unknown): unknown[] | undefined {
  if (!isPlainObject(input)) return undefined;
  if (Array.isArray(input.flows)) return input.flows as unknown[];
  if (isPlainObject(input.data) && Array.isArray(input.data.flows)) return input.data.flows as unknown[];
  return undefined;
}

/** True for a parsed JSON document that looks like FTS flows (they have `sourceObjects`). */
export function looksLikeFts(input: unknown): boolean {
  const flows = ftsFlows(input);
  return Boolean(flows && flows.length > 0 && isPlainObject(flows[0]) && 'sourceObjects' in flows[0]);
}

/** Columns of the flat FTS CSV. Objects are flattened to their organisation and location; lists are JSON. */
export const FTS_CSV_COLUMNS = [
  'id',
  'status',
  'date',
  'decisionDate',
  'budgetYear',
  'originalAmount',
  'originalCurrency',
  'amountUSD',
  'sourceOrganizationId',
  'sourceOrganizationName',
  'sourceLocationId',
  'sourceLocationName',
  'destinationOrganizationId',
  'destinationOrganizationName',
  'destinationLocationId',
  'destinationLocationName',
  'newMoney',
  'parentFlowId',
  'childFlowIds',
  'flowType',
  'contributionType',
  'boundary',
  'onBoundary',
  'keywords',
  'description',
  'refCode',
  'reportDetails',
  'compact',
] as const;

/** The FTS document as one flat CSV (RFC 4180, formula guard as in the entity CSVs). */
export function ftsCsv(document: FtsDocument): string {
  const object = (objects: FtsObject[], type: FtsObject['type']) => objects.find((candidate) => candidate.type === type);
  const rows = document.data.flows.map((flow) => {
    const cell: Record<(typeof FTS_CSV_COLUMNS)[number], string> = {
      id: flow.id,
      status: flow.status,
      date: flow.date,
      decisionDate: flow.decisionDate ?? '',
      budgetYear: flow.budgetYear,
      originalAmount: flow.originalAmount === null ? '' : String(flow.originalAmount),
      originalCurrency: flow.originalCurrency ?? '',
      amountUSD: flow.amountUSD === null ? '' : String(flow.amountUSD),
      sourceOrganizationId: object(flow.sourceObjects, 'Organization')?.id ?? '',
      sourceOrganizationName: object(flow.sourceObjects, 'Organization')?.name ?? '',
      sourceLocationId: object(flow.sourceObjects, 'Location')?.id ?? '',
      sourceLocationName: object(flow.sourceObjects, 'Location')?.name ?? '',
      destinationOrganizationId: object(flow.destinationObjects, 'Organization')?.id ?? '',
      destinationOrganizationName: object(flow.destinationObjects, 'Organization')?.name ?? '',
      destinationLocationId: object(flow.destinationObjects, 'Location')?.id ?? '',
      destinationLocationName: object(flow.destinationObjects, 'Location')?.name ?? '',
      newMoney: String(flow.newMoney),
      parentFlowId: flow.parentFlowId ?? '',
      childFlowIds: JSON.stringify(flow.childFlowIds),
      flowType: flow.flowType,
      contributionType: flow.contributionType,
      boundary: flow.boundary,
      onBoundary: flow.onBoundary,
      keywords: JSON.stringify(flow.keywords),
      description: flow.description ?? '',
      refCode: flow.refCode ?? '',
      reportDetails: JSON.stringify(flow.reportDetails),
      compact: JSON.stringify(flow.compact),
    };
    return FTS_CSV_COLUMNS.map((column) => cell[column]);
  });
  return writeCsv([[...FTS_CSV_COLUMNS], ...rows]);
}

/** The flat FTS CSV back into an FTS document (then `importFts`). */
export function readFtsCsv(text: string): FtsDocument {
  const [header = [], ...rows] = readCsv(text);
  const flows = rows.map((row) => {
    const cell = (name: string) => row[header.indexOf(name)] ?? '';
    const json = (name: string, fallback: unknown) => (cell(name) === '' ? fallback : (JSON.parse(cell(name)) as unknown));
    const objects = (side: 'source' | 'destination') =>
      (['Organization', 'Location'] as const).flatMap((type) => {
        const id = cell(`${side}${type}Id`);
        return id ? [{ type, id, name: cell(`${side}${type}Name`), behavior: 'single' as const }] : [];
      });
    const number = (name: string) => (cell(name) === '' ? null : Number(cell(name)));
    const text = (name: string) => (cell(name) === '' ? null : cell(name));
    return {
      id: cell('id'),
      description: text('description'),
      status: cell('status'),
      date: cell('date'),
      decisionDate: text('decisionDate'),
      budgetYear: cell('budgetYear'),
      amountUSD: number('amountUSD'),
      originalAmount: number('originalAmount'),
      originalCurrency: text('originalCurrency'),
      flowType: cell('flowType'),
      contributionType: cell('contributionType'),
      newMoney: cell('newMoney') === '' ? true : cell('newMoney') === 'true',
      parentFlowId: text('parentFlowId'),
      childFlowIds: json('childFlowIds', []),
      keywords: json('keywords', []),
      sourceObjects: objects('source'),
      destinationObjects: objects('destination'),
      boundary: cell('boundary'),
      onBoundary: cell('onBoundary'),
      reportDetails: json('reportDetails', []),
      refCode: text('refCode'),
      ...(header.includes('compact') && cell('compact') !== '' ? { compact: json('compact', {}) } : {}),
    };
  });
  return { status: 'ok', data: { flows: flows as unknown as FtsFlow[] } };
}

/** True for CSV text whose header is the flat FTS one. */
export function looksLikeFtsCsv(text: string): boolean {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes('sourceOrganizationId') && firstLine.includes('status');
}
