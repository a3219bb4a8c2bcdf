import { XMLBuilder } from 'fast-xml-parser';
import type { Commitment, Flow, Partner } from '@compact/core';
import { canonicalJson, encodeScalar, isPlainObject, kebabName, plainLineText, splitRecord } from '../record-fields.js';
import {
  ACTIVITY_STATUS,
  COMPACT_IATI_NAMESPACE,
  COMPACT_IATI_PREFIX as P,
  DAC_SECTOR,
  EXTENSION_FIELDS,
  SOURCE_FIELDS,
  STANDARD_FIELDS,
  TRANSACTION_TYPE,
} from './mapping.js';

export interface IatiSource {
  readonly flows: readonly Flow[];
  readonly commitments?: readonly Commitment[];
  readonly partners?: readonly Partner[];
}

export interface IatiExportOptions {
  /** `generated-datetime` of the document (ISO 8601); left out when not given, so output is reproducible. */
  readonly generatedAt?: string;
}

type XmlNode = Record<string, unknown>;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
});

interface Activity {
  readonly key: string;
  readonly commitment?: Commitment;
  readonly commitmentId?: string;
  readonly provider: string;
  readonly beneficiary: string;
  readonly aidType?: string;
  readonly flows: Flow[];
}

/** Government for states, multilateral for the EU (IATI OrganisationType codes 10 and 40). */
function orgType(code: string): string {
  return code === 'EU' ? '40' : '10';
}

function narrative(text: string, lang?: string): XmlNode {
  return { narrative: [{ ...(lang ? { '@_xml:lang': lang } : {}), '#text': text }] };
}

/**
 * Flows as IATI 2.03 activities: one per commitment that has flows or money, one per provider, aid
 * type and beneficiary for flows linked to no commitment (tracker rows). Each flow is a transaction;
 * what IATI cannot carry is in the `compact:` extension, so `importIati` gives the flows back exactly.
 */
export function exportIati(source: IatiSource, options: IatiExportOptions = {}): string {
  const names = new Map((source.partners ?? []).map((partner) => [partner.code, partner.name]));
  const commitments = new Map((source.commitments ?? []).map((commitment) => [commitment.id, commitment]));
  const activities = new Map<string, Activity>();
  for (const commitment of source.commitments ?? []) {
    if (!commitment.money) continue;
    activities.set(`c:${commitment.id}`, { key: commitment.id, commitment, commitmentId: commitment.id, provider: commitment.provider, beneficiary: commitment.beneficiary, flows: [] });
  }
  for (const flow of source.flows) {
    if (flow.commitmentId) {
      const key = `c:${flow.commitmentId}`;
      const commitment = commitments.get(flow.commitmentId);
      let activity = activities.get(key);
      if (!activity) {
        activity = {
          key: flow.commitmentId,
          commitmentId: flow.commitmentId,
          provider: commitment?.provider ?? flow.provider ?? 'XX',
          beneficiary: commitment?.beneficiary ?? flow.beneficiary ?? 'UA',
          flows: [],
          ...(commitment ? { commitment } : {}),
        };
        activities.set(key, activity);
      }
      activity.flows.push(flow);
    } else {
      const provider = flow.provider ?? 'XX';
      const beneficiary = flow.beneficiary ?? 'UA';
      const aidType = flow.aidType ?? 'unspecified';
      const key = `u:${provider}:${aidType}:${beneficiary}`;
      let activity = activities.get(key);
      if (!activity) {
        activity = { key: `tracker-${aidType}${beneficiary === 'UA' ? '' : `-${beneficiary}`}`, provider, beneficiary, aidType, flows: [] };
        activities.set(key, activity);
      }
      activity.flows.push(flow);
    }
  }
  // Commitments come in package order, then unlinked groups in order of their first flow.
  const flowIndex = new Map(source.flows.map((flow, index) => [flow, index]));
  const commitmentIndex = new Map((source.commitments ?? []).map((commitment, index) => [commitment, index]));
  const rank = (activity: Activity) => {
    const index = activity.commitment ? commitmentIndex.get(activity.commitment) : undefined;
    if (index !== undefined) return index;
    const first = activity.flows[0];
    return commitmentIndex.size + (first ? (flowIndex.get(first) ?? 0) : 0);
  };
  const ordered = [...activities.values()].map((activity) => ({ activity, rank: rank(activity) })).sort((a, b) => a.rank - b.rank).map((entry) => entry.activity);
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'iati-activities': {
      '@_version': '2.03',
      ...(options.generatedAt ? { '@_generated-datetime': options.generatedAt } : {}),
      [`@_xmlns:${P}`]: COMPACT_IATI_NAMESPACE,
      'iati-activity': ordered.map((activity) => activityNode(activity, names)),
    },
  };
  return builder.build(document);
}

function activityNode(activity: Activity, names: ReadonlyMap<string, string>): XmlNode {
  const { commitment, provider, beneficiary, flows } = activity;
  const providerName = names.get(provider) ?? provider;
  const title = commitment
    ? (commitment.description ?? `${providerName}: commitment ${commitment.id}`)
    : activity.commitmentId
      ? `${providerName}: commitment ${activity.commitmentId}`
      : `${providerName}: ${activity.aidType} aid recorded without a commitment`;
  const area = commitment ? commitment.capabilityArea : commonArea(flows);
  const started = flows.some((flow) => flow.stage !== 'pledge') || commitment?.firmness === 'binding' || commitment?.firmness === 'pledged';
  const dates: XmlNode[] = [];
  if (commitment?.period) {
    dates.push({ '@_type': '1', '@_iso-date': commitment.period.from }, { '@_type': '3', '@_iso-date': commitment.period.to });
  } else {
    const first = flows.map((flow) => flow.on).sort()[0];
    if (first) dates.push({ '@_type': '2', '@_iso-date': first });
  }
  const sectors: XmlNode[] = [];
  if (area) {
    sectors.push({ '@_vocabulary': '99', '@_code': area, '@_percentage': '100', ...narrative(area, 'en') });
    const dac = DAC_SECTOR[area];
    if (dac) sectors.push({ '@_vocabulary': '1', '@_code': dac, '@_percentage': '100' });
  }
  return {
    '@_xml:lang': 'en',
    ...(commitment?.money ? { '@_default-currency': commitment.money.currency } : {}),
    ...(area === 'humanitarian' || activity.aidType === 'humanitarian' ? { '@_humanitarian': '1' } : {}),
    'iati-identifier': `${provider}-COMPACT-${activity.key}`,
    'reporting-org': { '@_ref': provider, '@_type': orgType(provider), ...narrative(providerName) },
    title: narrative(title.trim() === '' ? activity.key : title, 'en'),
    ...(commitment?.money ? { description: { '@_type': '1', ...narrative(describeMoney(commitment), 'en') } } : {}),
    'participating-org': [
      { '@_ref': provider, '@_role': '1', '@_type': orgType(provider), ...narrative(providerName) },
      { '@_ref': beneficiary, '@_role': '4', '@_type': orgType(beneficiary), ...narrative(names.get(beneficiary) ?? beneficiary) },
    ],
    'activity-status': { '@_code': started ? ACTIVITY_STATUS.implementation : ACTIVITY_STATUS.pipeline },
    'activity-date': dates,
    'recipient-country': { '@_code': beneficiary, '@_percentage': '100' },
    sector: sectors,
    transaction: flows.map((flow) => transactionNode(flow, activity, names)),
    [`${P}:activity`]: {
      '@_kind': activity.commitmentId ? 'commitment' : 'unlinked',
      ...(activity.commitmentId ? { '@_commitment-id': activity.commitmentId } : {}),
      ...(commitment?.money ? { '@_money-amount': commitment.money.amount, '@_money-currency': commitment.money.currency } : {}),
      ...(commitment?.money?.perYear ? { '@_money-per-year': 'true' } : {}),
      ...(commitment?.money?.qualifier ? { '@_money-qualifier': commitment.money.qualifier } : {}),
    },
  };
}

function describeMoney(commitment: Commitment): string {
  const money = commitment.money!;
  const qualifier = money.qualifier ? `${money.qualifier} ` : '';
  const period = commitment.period ? ` from ${commitment.period.from} to ${commitment.period.to}` : '';
  return `Commitment of ${qualifier}${money.currency} ${money.amount}${money.perYear ? ' per year' : ''}${period}.`;
}

function commonArea(flows: readonly Flow[]): string | undefined {
  const areas = new Set(flows.map((flow) => flow.capabilityArea ?? ''));
  const [only] = [...areas];
  return areas.size === 1 && only ? only : undefined;
}

function transactionNode(flow: Flow, activity: Activity, names: ReadonlyMap<string, string>): XmlNode {
  const { values, rest } = splitRecord(flow, [...STANDARD_FIELDS, ...EXTENSION_FIELDS], plainLineText);
  const provider = flow.provider ?? activity.provider;
  const receiver = flow.beneficiary ?? activity.beneficiary;
  const amount = values.get('money.amount');
  const currency = values.get('money.currency');
  const description = values.get('description');
  const extension: XmlNode = {};
  for (const field of EXTENSION_FIELDS) {
    if (values.has(field.path)) extension[`@_${kebabName(field.path)}`] = encodeScalar(values.get(field.path), field.type);
  }
  const sources = rest.sources;
  if (Array.isArray(sources) && sources.every(isPlainObject)) {
    delete rest.sources;
    extension[`${P}:sources`] = {
      [`${P}:source`]: sources.map((source) => {
        const split = splitRecord(source, SOURCE_FIELDS, plainLineText);
        const node: XmlNode = {};
        for (const field of SOURCE_FIELDS) {
          if (split.values.has(field.path)) node[`@_${kebabName(field.path)}`] = encodeScalar(split.values.get(field.path), field.type);
        }
        if (Object.keys(split.rest).length > 0) node['#text'] = canonicalJson(split.rest);
        return node;
      }),
    };
    // An empty list must still show, so that `sources: []` comes back as a list.
    if (sources.length === 0) extension[`${P}:sources`] = { '@_count': '0' };
  }
  if (Object.keys(rest).length > 0) extension[`${P}:extra`] = canonicalJson(rest);
  return {
    '@_ref': flow.id,
    'transaction-type': { '@_code': TRANSACTION_TYPE[flow.stage] },
    'transaction-date': { '@_iso-date': flow.on },
    ...(typeof amount === 'string' && typeof currency === 'string'
      ? { value: { '@_currency': currency, '@_value-date': flow.on, '#text': amount } }
      : {}),
    ...(typeof description === 'string' ? { description: narrative(description) } : {}),
    'provider-org': { '@_ref': provider, '@_type': orgType(provider), ...narrative(names.get(provider) ?? provider) },
    'receiver-org': { '@_ref': receiver, '@_type': orgType(receiver), ...narrative(names.get(receiver) ?? receiver) },
    [`${P}:flow`]: extension,
  };
}
