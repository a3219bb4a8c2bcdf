// The hand-written fast path must agree with the schema: on random flows, valid and not, it either
// defers (null) or returns exactly what Flow.parse returns, and never accepts what Flow refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Flow } from './entities.js';
import { parseFlowFast } from './fast-flow.js';

/** Mostly valid values, sometimes not: so that many flows pass and each rule is still probed. */
function pick<T>(valid: T[], invalid: T[]): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 12 }, { arbitrary: fc.constantFrom(...invalid), weight: 1 });
}

const id = pick(['kiel:main:DE:0123abcd', 'a', 'flow.1_x-y', 'ok:' + 'y'.repeat(190)], ['', ' bad', 'x'.repeat(201)]);
const partner = pick(['DE', 'UA', 'EU'], ['de', 'DEU', '']);
const date = pick(['2024-02-29', '2023-01-01', '2023-12-31'], ['2023-02-29', '2023-13-01', '2023-1-1', '2023-04-31', '']);
const money = pick<unknown>(
  [{ amount: '100', currency: 'EUR' }, { amount: '100.5', currency: 'EUR' }, { amount: '100.50', currency: 'EUR' }, null],
  [
    { amount: '100.505', currency: 'EUR' },
    { amount: '100.500', currency: 'EUR' },
    { amount: '-1', currency: 'EUR' },
    { amount: '1e5', currency: 'EUR' },
    { amount: 100, currency: 'EUR' },
    { amount: '100', currency: 'USD' },
    { amount: '100.5', currency: 'JPY' },
    { amount: '100', currency: 'EUR', perYear: true },
    { amount: '100', currency: 'EUR', qualifier: 'about' },
  ],
);
const quantity = pick<unknown>(
  [{ value: 3, item: 'Leopard 2A6' }, { value: 0 }, { value: 2, unit: 'pcs' }, null],
  [{ value: -1 }, { value: Number.POSITIVE_INFINITY }, { value: Number.NaN }, { value: 2, item: '' }, { value: '2' }, { value: 1, qualifier: 'at-least' }, {}],
);
const source = pick<unknown>(
  [{ title: 'Kiel Institute Ukraine Support Tracker', publisher: 'IfW', url: 'https://example.org', note: 'row 2' }, { url: 'https://example.org' }, { title: 'x', publisher: '' }],
  [{ publisher: 'no title or url' }, { title: '' }, { title: 'x', accessedOn: '2024-01-01' }, { title: 'x', accessedOn: 'yesterday' }, { title: 'x', note: 5 }, 'just text', null],
);

const flow = fc.record(
  {
    id,
    commitmentId: pick<unknown>([null, 'c-1', undefined], ['', 'bad id', 5]),
    provider: partner,
    beneficiary: partner,
    capabilityArea: pick<unknown>(['armour', 'drones', null, undefined], ['tanks']),
    aidType: pick<unknown>(['military', 'financial', 'humanitarian'], ['Military ']),
    stage: pick<unknown>(['pledge', 'allocated', 'delivered'], ['commitment', undefined]),
    on: date,
    onPrecision: pick<unknown>(['day', 'month', 'year'], ['week']),
    dueOn: pick<unknown>([undefined], ['2024-01-01', 'soon']),
    money,
    quantity,
    parentFlowId: pick<unknown>([null, 'p-1'], ['']),
    restatesFlowId: pick<unknown>([undefined, null, 'kiel:main:DE:1'], ['bad id']),
    newMoney: pick<unknown>([true, false], ['yes']),
    description: pick<unknown>(['Leopard 2 tanks', ''], [7]),
    externalId: pick<unknown>(['main.csv#2'], [3]),
    reported: pick<unknown>([{ amount: '1', currency: 'GBP' }, 'anything'], [undefined]),
    classification: pick<unknown>(['public', 'restricted', 'confidential'], ['secret']),
    sources: fc.array(source, { maxLength: 2 }),
    confidence: pick<unknown>(['V', 'M', 'computed'], ['sure']),
    version: pick<unknown>([1, 3], [0, 2.5, -1]),
  },
  { requiredKeys: ['id', 'stage', 'on'] },
);

describe('parseFlowFast', () => {
  it('agrees with the Flow schema whenever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(flow, (raw) => {
        const fast = parseFlowFast(raw);
        if (fast === null) return;
        answered++;
        const parsed = Flow.safeParse(raw);
        expect(parsed.success).toBe(true);
        expect(fast).toEqual(parsed.data);
      }),
      { numRuns: 20_000, seed: 7 },
    );
    // The property is only worth something if the fast path answers often.
    expect(answered).toBeGreaterThan(1000);
  });

  it('answers for the plain flows importers write, without copying them when defaults are set', () => {
    const raw = {
      id: 'kiel:main:DE:0123456789abcdef',
      provider: 'DE',
      beneficiary: 'UA',
      aidType: 'military',
      capabilityArea: undefined,
      stage: 'allocated',
      on: '2023-03-15',
      onPrecision: 'day',
      money: { amount: '500000000', currency: 'EUR' },
      quantity: { value: 7, item: 'Leopard 2A6' },
      restatesFlowId: 'kiel:main:DE:1',
      newMoney: true,
      externalId: 'main.csv#3',
      reported: { amount: '1', currency: 'GBP' },
      classification: 'public',
      sources: [{ title: 'Kiel Institute Ukraine Support Tracker', publisher: 'Kiel Institute for the World Economy', url: 'https://www.ifw-kiel.de/', note: 'file main.csv, row 3' }],
    };
    expect(parseFlowFast(raw)).toBe(raw);
    const { newMoney: _n, classification: _c, ...bare } = raw;
    expect(parseFlowFast(bare)).toEqual(Flow.parse(bare));
    expect(parseFlowFast({ ...raw, dueOn: '2024-01-01' })).toBeNull();
  });
});
