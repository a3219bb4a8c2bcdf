import { XMLParser } from 'fast-xml-parser';
import { CapabilityArea, validationError } from '@compact/core';
import { decodeScalar, textOf, isPlainObject, joinRecord, kebabName, type Plain } from '../record-fields.js';
import {
  COMPACT_IATI_NAMESPACE,
  EXTENSION_FIELDS,
  SOURCE_FIELDS,
  STANDARD_FIELDS,
  TRANSACTION_TYPE,
  TRANSACTION_TYPE_NAMES,
} from './mapping.js';

export interface PartnerName {
  readonly code: string;
  readonly name: string;
  readonly nameUk?: string | undefined;
}

export interface IatiImportOptions {
  /** Known partners: a foreign file's organisation refs and names are matched against them. */
  readonly partners?: readonly PartnerName[];
}

export interface IatiImport {
  /** Flow records, for `importFlows` or a package's `flows` (they are validated there). */
  readonly flows: Plain[];
  /** What could not be mapped, one line each. */
  readonly warnings: string[];
}

const REPEATED = new Set(['iati-activity', 'transaction', 'narrative', 'sector', 'activity-date', 'recipient-country', 'participating-org']);

const STAGE_OF_TYPE: Readonly<Record<string, 'pledge' | 'allocated' | 'delivered'>> = Object.fromEntries(
  Object.entries(TRANSACTION_TYPE).map(([stage, code]) => [code, stage as 'pledge']),
);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => REPEATED.has(name) || name.endsWith(':source'),
});

function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (isPlainObject(node) && typeof node['#text'] === 'string') return node['#text'];
  if (isPlainObject(node) && node['#text'] !== undefined) return textOf(node['#text']);
  return undefined;
}

function attr(node: unknown, name: string): string | undefined {
  if (!isPlainObject(node)) return undefined;
  const value = node[`@_${name}`];
  return value === undefined ? undefined : textOf(value);
}

function firstNarrative(node: unknown): string | undefined {
  if (!isPlainObject(node)) return undefined;
  const narratives = node.narrative;
  return Array.isArray(narratives) ? text(narratives[0]) : undefined;
}

function list(node: unknown): unknown[] {
  if (node === undefined) return [];
  return Array.isArray(node) ? node : [node];
}

/**
 * IATI activities back into flows. Transactions that carry Compact's extension come back exactly as
 * exported; those of other publishers are mapped as far as IATI allows (types 2, 3 and 12; value,
 * currency and date; provider and receiver when they name a known partner), and every thing that
 * could not be mapped is reported in `warnings`.
 */
export function importIati(xml: string, options: IatiImportOptions = {}): IatiImport {
  let document: Plain;
  try {
    document = parser.parse(xml) as Plain;
  } catch (error) {
    throw validationError([{ path: '$', message: `not valid XML: ${(error as Error).message}`, code: 'INVALID_XML' }]);
  }
  const root = document['iati-activities'];
  if (!isPlainObject(root)) {
    throw validationError([{ path: '$', message: 'not an IATI activity file: no <iati-activities> element', code: 'INVALID_XML' }]);
  }
  // The extension is found by its namespace, whatever prefix the file gives it.
  const prefix =
    Object.entries(root)
      .find(([key, value]) => key.startsWith('@_xmlns:') && value === COMPACT_IATI_NAMESPACE)?.[0]
      .slice('@_xmlns:'.length) ?? undefined;
  const flows: Plain[] = [];
  const warnings: string[] = [];
  const foreign = new ForeignMapper(options.partners ?? [], warnings);
  list(root['iati-activity']).forEach((activity, activityIndex) => {
    if (!isPlainObject(activity)) return;
    const identifier = text(activity['iati-identifier'])?.trim() || `activity-${activityIndex + 1}`;
    list(activity.transaction).forEach((transaction, transactionIndex) => {
      if (!isPlainObject(transaction)) return;
      const where = `${identifier}, transaction ${transactionIndex + 1}`;
      const extension = prefix ? transaction[`${prefix}:flow`] : undefined;
      try {
        const flow = extension !== undefined && prefix ? ownFlow(transaction, extension, prefix) : foreign.flow(activity, identifier, transaction, transactionIndex, where);
        if (flow) flows.push(flow);
      } catch (error) {
        warnings.push(`${where}: ${(error as Error).message}; skipped`);
      }
    });
  });
  foreign.summarise();
  return { flows, warnings };
}

/** A transaction Compact wrote: IATI's elements plus the extension give the flow exactly. */
function ownFlow(transaction: Plain, extension: unknown, prefix: string): Plain {
  const values = new Map<string, unknown>();
  const set = (path: string, value: string | undefined) => {
    if (value !== undefined && value !== '') values.set(path, value);
  };
  set('id', attr(transaction, 'ref'));
  const code = attr(transaction['transaction-type'], 'code') ?? '';
  const stage = STAGE_OF_TYPE[code];
  if (!stage) throw new Error(`transaction type ${code} is not one Compact writes`);
  set('stage', stage);
  set('on', attr(transaction['transaction-date'], 'iso-date'));
  if (transaction.value !== undefined) {
    set('money.amount', text(transaction.value));
    set('money.currency', attr(transaction.value, 'currency'));
  }
  set('description', firstNarrative(transaction.description));
  let rest: Plain = {};
  let sources: Plain[] | undefined;
  if (isPlainObject(extension)) {
    for (const field of EXTENSION_FIELDS) {
      const value = attr(extension, kebabName(field.path));
      if (value !== undefined) values.set(field.path, decodeScalar(value, field.type));
    }
    const wrapper = extension[`${prefix}:sources`];
    if (wrapper !== undefined) {
      sources = list(isPlainObject(wrapper) ? wrapper[`${prefix}:source`] : undefined).map((source) => {
        const sourceValues = new Map<string, unknown>();
        for (const field of SOURCE_FIELDS) {
          const value = attr(source, kebabName(field.path));
          if (value !== undefined) sourceValues.set(field.path, value);
        }
        const extra = text(source);
        return joinRecord(sourceValues, extra ? (decodeScalar(extra, 'json') as Plain) : {}, SOURCE_FIELDS);
      });
    }
    const extra = text(extension[`${prefix}:extra`]);
    if (extra) {
      const parsed = decodeScalar(extra, 'json');
      if (!isPlainObject(parsed)) throw new Error('the compact:extra element does not hold a JSON object');
      rest = parsed;
    }
  }
  if (sources) rest = { ...rest, sources };
  return joinRecord(values, rest, [...STANDARD_FIELDS, ...EXTENSION_FIELDS]);
}

/** Maps other publishers' transactions as far as IATI allows, collecting what it could not. */
class ForeignMapper {
  private readonly byCode: Map<string, string>;
  private readonly byName: Map<string, string>;
  private readonly ignored = new Map<string, number>();

  constructor(
    partners: readonly PartnerName[],
    private readonly warnings: string[],
  ) {
    this.byCode = new Map(partners.map((partner) => [partner.code, partner.code]));
    this.byName = new Map(partners.flatMap((partner) => [partner.name, partner.nameUk ?? ''].filter(Boolean).map((name) => [name.toLowerCase(), partner.code] as const)));
  }

  /** An organisation ref or name to a partner code: `GB`, a government ref such as `GB-GOV-1`, or a partner's name. */
  private partner(org: unknown): string | undefined {
    const ref = attr(org, 'ref')?.trim().toUpperCase() ?? '';
    const candidate = /^[A-Z]{2}$/.test(ref) ? ref : /^([A-Z]{2})-GOV(-|$)/.exec(ref)?.[1];
    if (candidate && (this.byCode.size === 0 || this.byCode.has(candidate))) return candidate;
    const name = firstNarrative(org)?.trim().toLowerCase();
    return name ? this.byName.get(name) : undefined;
  }

  flow(activity: Plain, identifier: string, transaction: Plain, index: number, where: string): Plain | undefined {
    for (const key of Object.keys(transaction)) {
      if (!key.startsWith('@_') && !['transaction-type', 'transaction-date', 'value', 'description', 'provider-org', 'receiver-org', 'sector'].includes(key)) {
        this.ignored.set(key, (this.ignored.get(key) ?? 0) + 1);
      }
    }
    const code = attr(transaction['transaction-type'], 'code') ?? '';
    const stage = STAGE_OF_TYPE[code];
    if (!stage) {
      const name = TRANSACTION_TYPE_NAMES[code];
      const incoming = code === '1' || code === '11' || code === '13';
      this.warnings.push(`${where}: transaction type ${code}${name ? ` (${name})` : ''} ${incoming ? 'is money coming in to the publisher, not a flow to a beneficiary' : 'has no Compact stage'}; ignored`);
      return undefined;
    }
    const on = (attr(transaction['transaction-date'], 'iso-date') ?? attr(transaction.value, 'value-date') ?? '').slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) throw new Error('no transaction date');
    const amount = text(transaction.value)?.trim().replace(/^\+/, '') ?? '';
    if (!/^\d+(\.\d+)?$/.test(amount)) throw new Error(`value "${amount}" is not a non-negative decimal amount`);
    const currency = attr(transaction.value, 'currency') ?? attr(activity, 'default-currency');
    if (!currency) throw new Error('value has no currency and the activity no default-currency');
    const reporting = this.partner(activity['reporting-org']);
    const provider = this.partner(transaction['provider-org']) ?? reporting;
    if (!provider) {
      throw new Error(`provider "${attr(transaction['provider-org'], 'ref') ?? firstNarrative(transaction['provider-org']) ?? attr(activity['reporting-org'], 'ref') ?? ''}" is not a known partner`);
    }
    const countries = list(activity['recipient-country']).map((country) => attr(country, 'code')).filter((code): code is string => Boolean(code));
    const beneficiary = this.partner(transaction['receiver-org']) ?? (countries.length === 1 ? countries[0] : undefined);
    if (!beneficiary) this.warnings.push(`${where}: receiver not a known partner and no single recipient country; beneficiary left empty`);
    const area = this.area([...list(transaction.sector), ...list(activity.sector)]);
    const ref = attr(transaction, 'ref');
    const id = ref && /^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(ref) ? ref : `${identifier}-t${index + 1}`.replace(/[^A-Za-z0-9._:-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
    const description = firstNarrative(transaction.description) ?? firstNarrative(activity.title);
    return {
      id,
      provider,
      ...(beneficiary ? { beneficiary } : {}),
      ...(area ? { capabilityArea: area } : {}),
      stage,
      on,
      money: { amount, currency: currency.toUpperCase() },
      ...(description ? { description } : {}),
      externalId: `${identifier}#${ref ?? index + 1}`,
    };
  }

  private area(sectors: unknown[]): string | undefined {
    for (const sector of sectors) {
      const vocabulary = attr(sector, 'vocabulary') ?? '1';
      const code = attr(sector, 'code') ?? '';
      if ((vocabulary === '99' || vocabulary === '98') && CapabilityArea.safeParse(code).success) return code;
      if (vocabulary === '1' && code === '15250') return 'demining';
      if (vocabulary === '1' && /^7[234]\d{3}$/.test(code)) return 'humanitarian';
    }
    return undefined;
  }

  summarise(): void {
    for (const [element, count] of this.ignored) {
      this.warnings.push(`<${element}> of ${count} transaction${count === 1 ? '' : 's'} has no Compact field; not imported`);
    }
  }
}
