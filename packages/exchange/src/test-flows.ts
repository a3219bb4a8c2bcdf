// Flows the exchange tests add to the shipped dataset (which has none yet). Illustrative, not facts:
// they cover every mapping (each stage, parent and child, restatements, new money, tracker rows with
// no commitment, quantities, extra fields, nulls) and awkward text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const AWKWARD_TEXT = `=SUM(A1) "quoted", comma; <tag> & ampersand\nsecond line — Київ, Україна 'apostrophe'`;

export const TEST_FLOWS = [
  {
    id: 'test-gb-pledge',
    commitmentId: 'gb-ua-2024-1',
    stage: 'pledge',
    on: '2024-01-12',
    money: { amount: '2500000000', currency: 'GBP', qualifier: 'at-least' },
    description: 'pledge "as signed", in Kyiv',
    sources: [{ url: 'https://example.org/a?x=1&y=<2>', title: 'Source, with comma', confidence: 'V', pageNote: { page: 3 } }],
  },
  {
    id: 'test-gb-allocated',
    commitmentId: 'gb-ua-2024-1',
    stage: 'allocated',
    on: '2024-03-01',
    dueOn: '2024-09-30',
    money: { amount: '74.4', currency: 'GBP', perYear: false },
    restatesFlowId: 'test-gb-pledge',
    description: AWKWARD_TEXT,
    confidence: 'M',
  },
  {
    id: 'test-gb-delivered',
    commitmentId: 'gb-ua-2024-1',
    stage: 'delivered',
    on: '2024-06-15',
    money: { amount: '74.4', currency: 'GBP' },
    restatesFlowId: 'test-gb-allocated',
    description: '  leading and trailing spaces  ',
    sources: [{ title: '@mention, =formula, +plus, -minus' }],
  },
  {
    id: 'test-eu-fund',
    provider: 'EU',
    beneficiary: 'UA',
    aidType: 'military',
    capabilityArea: 'artillery',
    stage: 'allocated',
    on: '2024-03',
    money: { amount: '123456789012345678901234', currency: 'EUR' },
    description: "'starts with an apostrophe",
  },
  {
    id: 'test-de-through-eu',
    provider: 'DE',
    aidType: 'military',
    capabilityArea: 'artillery',
    stage: 'delivered',
    on: '2024-04-01',
    onPrecision: 'month',
    money: { amount: '1000000', currency: 'EUR' },
    parentFlowId: 'test-eu-fund',
    newMoney: false,
    externalId: 'kiel:row-42',
  },
  {
    id: 'test-us-in-kind',
    provider: 'US',
    beneficiary: 'UA',
    aidType: 'military',
    stage: 'delivered',
    on: '2024-01-01',
    onPrecision: 'year',
    quantity: { value: 31, unit: 'tanks', item: 'M1 Abrams', qualifier: 'approximate' },
    description: 'Танки M1 Abrams <доставлено>',
    classification: 'restricted',
  },
  {
    id: 'test-us-humanitarian',
    provider: 'US',
    aidType: 'humanitarian',
    capabilityArea: 'humanitarian',
    stage: 'pledge',
    on: '2023-05-20',
    money: { amount: '0.5', currency: 'USD' },
    commitmentId: null,
    parentFlowId: null,
    restatesFlowId: null,
    quantity: null,
    description: '',
    extraField: 'kept',
    nestedExtra: { list: [1, 'two', null], flag: true },
  },
  {
    id: 'test-dk-confidential',
    commitmentId: 'dk-ua-2024-1',
    stage: 'allocated',
    on: '2025-02-01',
    money: { amount: '5000000', currency: 'EUR', perYear: true, note: 'extra inside money' },
    quantity: { value: 2.5, unit: 'batteries', extraInQuantity: 'x' },
    classification: 'confidential',
    description: 'confidential test flow, not a fact',
  },
  {
    id: 'test-demining',
    provider: 'LT',
    capabilityArea: 'demining',
    stage: 'delivered',
    on: '2024-11-30',
    money: { amount: '-0', currency: 'EUR' },
  },
];

// `on: '2024-03'` and amount "-0" above would not validate: they are replaced here so the list stays
// readable while every record is a valid flow.
TEST_FLOWS[3]!.on = '2024-03-01';
TEST_FLOWS[8]!.money = { amount: '250000', currency: 'EUR' };

/** The shipped dataset plus the test flows. */
export function shippedWithTestFlows(): Record<string, unknown> {
  const shipped = JSON.parse(readFileSync(fileURLToPath(new URL('../../../data/compact.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
  return { ...shipped, flows: structuredClone(TEST_FLOWS) };
}
