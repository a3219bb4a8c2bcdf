// Seeded random packages for the property and fuzz tests: small, dense in the cases that matter
// (countsAs chains and cycles, flows passing through flows, missing rates, quantities, periods
// crossing years, commitments without period). Fictional partners XA–XE, beneficiaries XY and XZ.
import { seededRandom } from '../random.js';
import { Commitment, type Requirement } from '../schema/entities.js';
import type { DataPackage } from '../schema/package.js';
import { agreement, build, coalition, commitment, requirement, SOURCE, type CommitmentIn, type FlowIn } from './test-fixtures.js';

export type Random = () => number;

/** The project's seeded generator (mulberry32), under the name the tests use. */
export const seeded: (seed: number) => Random = seededRandom;

function pick<T>(next: Random, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

const PROVIDERS = ['XA', 'XB', 'XC', 'XD', 'XE'];
const BENEFICIARIES = ['XY', 'XZ'];
const AREAS = ['air-defence', 'drones', 'armour', null] as const;
const AGREEMENT_IDS = ['test-a1', 'test-a2', 'test-a3', 'test-a4', 'test-a5', 'test-a6'];
const CURRENCIES = ['EUR', 'EUR', 'GBP', 'USD', 'SEK'];
const ITEMS = ['Model A', 'Model B', 'model a', 'Model C', 'Model D'];

function isoDay(next: Random, from: number, to: number): string {
  const year = from + Math.floor(next() * (to - from + 1));
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A random commitment (as package input) with the given id; `ids` are candidates for countsAs. */
export function randomCommitmentInput(next: Random, id: string, ids: readonly string[]): CommitmentIn {
  const provider = pick(next, PROVIDERS);
  const contribution = next() < 0.15;
  const agreementId = contribution ? null : pick(next, AGREEMENT_IDS);
  const area = pick(next, AREAS);
  const kind = next();
  const currency = pick(next, CURRENCIES);
  const amount = String(Math.floor(next() * 5) * 25 + (next() < 0.3 ? 0.5 : 0) + 1);
  const from = isoDay(next, 2023, 2027);
  const to = isoDay(next, Number(from.slice(0, 4)), 2028);
  return commitment(id, provider, agreementId, {
    beneficiary: pick(next, BENEFICIARIES),
    coalitionId: contribution ? pick(next, ['test-k1', 'test-k2', 'test-k-missing']) : next() < 0.2 ? 'test-k1' : null,
    capabilityArea: area,
    money: kind < 0.75 ? { amount, currency, ...(next() < 0.2 ? { perYear: true } : {}) } : null,
    quantity: kind >= 0.6 && kind < 0.9 ? { value: 1 + Math.floor(next() * 6), unit: 'units', item: pick(next, ITEMS) } : null,
    shareOfGdp: kind >= 0.9 ? { fraction: '0.001' } : null,
    period: next() < 0.9 && from <= to ? { from, to } : null,
    firmness: pick(next, ['pledged', 'pledged', 'binding', 'intended', 'conditional'] as const),
    conditions: next() < 0.15 ? [{ type: pick(next, ['parliamentary-approval', 'pending-legislation', 'end-use-restriction'] as const) }] : [],
    countsAs: ids.length > 0 && next() < 0.25 ? (next() < 0.1 ? 'test-c-gone' : pick(next, ids)) : null,
    clauseRef: agreementId && next() < 0.5 ? pick(next, ['I.1', 'II.2']) : null,
    sources: next() < 0.9 ? SOURCE : [],
  });
}

export function randomCommitment(next: Random, id: string, ids: readonly string[]): Commitment {
  return Commitment.parse(randomCommitmentInput(next, id, ids));
}

/** A restatement candidate: another framework's commitment with the same provider, money and area as `like`. */
function echo(next: Random, input: CommitmentIn, like: CommitmentIn): CommitmentIn {
  const contribution = like.agreementId !== null ? next() < 0.5 : false;
  return {
    ...input,
    provider: like.provider,
    capabilityArea: like.capabilityArea ?? null,
    money: like.money ?? null,
    agreementId: contribution ? null : pick(next, AGREEMENT_IDS),
    coalitionId: contribution ? 'test-k1' : (input.coalitionId ?? null),
    period: like.period && next() < 0.7 ? like.period : input.period,
  };
}

/** A random package with `count` commitments. */
export function randomPackage(next: Random, count: number): DataPackage {
  const ids: string[] = [];
  const commitments: CommitmentIn[] = [];
  for (let i = 0; i < count; i++) {
    const id = `test-c${i}`;
    const input = randomCommitmentInput(next, id, [...ids, `test-c${i + 1}`]);
    const like = commitments.length > 0 && next() < 0.3 ? pick(next, commitments) : undefined;
    commitments.push(like ? echo(next, input, like) : input);
    ids.push(id);
  }
  const statuses = [
    [{ status: 'signed' as const, on: '2023-06-01' }],
    [{ status: 'signed' as const, on: '2024-02-10' }, { status: 'in-force' as const, on: '2024-05-01' }],
    [{ status: 'talks' as const, on: '2024-01-01' }],
    [{ status: 'talks' as const, on: '2024-01-01' }, { status: 'signed' as const, on: '2026-03-01' }],
    [{ status: 'signed' as const, on: '2023-01-01' }, { status: 'terminated' as const, on: '2025-02-01' }],
    [{ status: 'signed' as const, on: '2024-09-09' }],
  ];
  const agreements = AGREEMENT_IDS.map((id, i) =>
    agreement(id, PROVIDERS[i % PROVIDERS.length] ?? 'XA', {
      parties: i === 5 ? ['XA', 'XB', 'XC', 'XZ'] : [PROVIDERS[i % PROVIDERS.length] ?? 'XA', 'XZ'],
      kind: i === 5 ? 'multilateral' : 'bilateral',
      status: statuses[i] ?? [],
      endsOn: i === 1 ? '2026-06-30' : '2033-12-31',
      onNatoAccession: pick(next, ['ends', 'continues', 'review', undefined] as const),
      consultation: pick(next, [null, undefined, { trigger: 'armed-attack' as const, withinHours: 24 }, { trigger: 'armed-attack' as const, withinHours: 72 }]),
    }),
  );
  const requirements: Requirement[] = [];
  for (const beneficiary of BENEFICIARIES) {
    for (const area of ['air-defence', 'drones', 'armour'] as const) {
      for (let year = 2024; year <= 2027; year++) {
        if (next() < 0.6) {
          requirements.push(
            requirement(`test-r-${beneficiary}-${area}-${year}`, area, year, String(25 + Math.floor(next() * 8) * 25), {
              beneficiary,
              ...(next() < 0.2 ? { money: { amount: '40', currency: 'GBP' } } : {}),
            }) as Requirement,
          );
        }
      }
      if (next() < 0.3) {
        requirements.push(
          requirement(`test-r-${beneficiary}-${area}-items`, area, 2025, '0', { beneficiary, money: null, quantity: { value: 8, unit: 'units', item: 'Model A' } }) as Requirement,
        );
      }
    }
  }
  const flows: FlowIn[] = [];
  for (let i = 0; i < count / 3; i++) {
    const target = pick(next, ids);
    flows.push({
      id: `test-f${i}`,
      commitmentId: target,
      stage: pick(next, ['delivered', 'delivered', 'allocated'] as const),
      on: isoDay(next, 2024, 2027),
      money: next() < 0.8 ? { amount: String(1 + Math.floor(next() * 40)), currency: pick(next, CURRENCIES) } : null,
      quantity: next() < 0.2 ? { value: 1, unit: 'units', item: 'Model A' } : null,
      parentFlowId: i > 0 && next() < 0.3 ? `test-f${Math.floor(next() * i)}` : null,
      newMoney: next() < 0.9,
    });
  }
  const rate = (currency: string, year: number, eurPerUnit: string) => ({ currency, year, eurPerUnit, source: 'test rate (fictional)' });
  return build({
    agreements,
    coalitions: [coalition('test-k1', ['air-defence'], ['XA', 'XB']), coalition('test-k2', ['drones', 'armour'], ['XC'])],
    clauses: [{ agreementId: 'test-a1', ref: 'I.1', text: 'fictional', topics: ['consultation'] }],
    commitments,
    requirements,
    flows,
    exchangeRates: [
      ...[2023, 2024, 2025, 2026, 2027].map((year) => rate('GBP', year, `1.${10 + year - 2023}`)),
      ...[2023, 2024, 2025, 2026, 2027, 2028].map((year) => rate('USD', year, `0.9${year - 2023}`)),
    ],
  });
}
