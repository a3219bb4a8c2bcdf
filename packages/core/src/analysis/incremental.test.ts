// Seeded fuzz test: after every random edit, the incremental analysis equals a from-scratch one.
import { describe, expect, it } from 'vitest';
import type { Commitment } from '../schema/entities.js';
import { analyze, createAnalysis } from './engine.js';
import { AS_OF, agreement, build, coalition, commitment } from './test-fixtures.js';
import { randomCommitment, randomPackage, seeded, type Random } from './test-random.js';
import type { AnalysisOptions } from './types.js';

function edit(next: Random, current: Map<string, Commitment>, fresh: () => string): { op: 'add' | 'update' | 'remove'; commitment: Commitment | string } {
  const ids = [...current.keys()];
  const roll = next();
  if (ids.length === 0 || roll < 0.2) {
    // New ids, or ids removed earlier (which dangling countsAs may still name).
    const id = next() < 0.3 ? 'test-c-gone' : fresh();
    if (current.has(id)) return { op: 'update', commitment: randomCommitment(next, id, ids) };
    return { op: 'add', commitment: randomCommitment(next, id, [...ids, 'test-c-gone']) };
  }
  const id = ids[Math.floor(next() * ids.length)] ?? '';
  if (roll < 0.35) return { op: 'remove', commitment: id };
  const old = current.get(id) as Commitment;
  const replacement = randomCommitment(next, id, ids);
  // Change a few fields only, as a what-if edit does; sometimes everything.
  const fields = ['money', 'capabilityArea', 'period', 'countsAs', 'agreementId', 'firmness', 'quantity', 'provider', 'beneficiary', 'conditions'] as const;
  const changed: Commitment = next() < 0.2 ? replacement : { ...old };
  for (const field of fields) {
    if (next() < 0.3) (changed as Record<string, unknown>)[field] = replacement[field];
  }
  if (changed.agreementId === null && !changed.coalitionId) changed.coalitionId = 'test-k1';
  return { op: 'update', commitment: changed };
}

function fuzz(seed: number, size: number, steps: number, options: AnalysisOptions): void {
  const next = seeded(seed);
  const base = randomPackage(next, size);
  const analysis = createAnalysis(base, options);
  const current = new Map(base.commitments.map((c) => [c.id, c]));
  let counter = 0;
  const fresh = () => `test-new${counter++}`;
  expect(JSON.stringify(analysis.result())).toBe(JSON.stringify(analyze(base, options)));
  for (let step = 0; step < steps; step++) {
    const change = edit(next, current, fresh);
    if (change.op === 'remove') {
      analysis.removeCommitment(change.commitment as string);
      current.delete(change.commitment as string);
    } else {
      const commitment = change.commitment as Commitment;
      if (change.op === 'add') analysis.addCommitment(commitment);
      else analysis.updateCommitment(commitment);
      current.set(commitment.id, commitment);
    }
    // Read the result only every few steps too, so several edits accumulate between reads.
    if (step % 3 === 2 || next() < 0.5) {
      const expected = analyze({ ...base, commitments: [...current.values()] }, options);
      const actual = analysis.result();
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        expect({ seed, step, change: change.op, coverage: actual.coverage }).toEqual({ seed, step, change: change.op, coverage: expected.coverage });
        expect({ seed, step, findings: actual.findings }).toEqual({ seed, step, findings: expected.findings });
      }
    }
  }
  expect(JSON.stringify(analysis.result())).toBe(JSON.stringify(analyze({ ...base, commitments: [...current.values()] }, options)));
}

describe('incremental analysis', () => {
  it('equals a from-scratch run after every random edit (seeded fuzz)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) fuzz(seed, 40, 120, { asOf: AS_OF, natoAccession: '2026-07-01' });
  });

  it('does so in another report currency, another day and with fewer rules', () => {
    fuzz(11, 30, 80, { asOf: '2024-03-01', currency: 'GBP' });
    fuzz(12, 30, 80, { asOf: '2027-01-01', rules: ['GAP', 'DOUBLE_COUNT', 'POSSIBLE_DOUBLE_COUNT', 'EXPIRY_CLIFF'] });
  });
});

describe('incremental analysis, shapes the fuzz test reaches rarely', () => {
  const options = { asOf: AS_OF };
  const same = (result: ReturnType<typeof analyze>, expected: ReturnType<typeof analyze>) => expect(JSON.stringify(result)).toBe(JSON.stringify(expected));

  it('re-links the commitments below an edited one (POSSIBLE_DOUBLE_COUNT follows the new original)', () => {
    const base = build({
      agreements: [agreement('test-a', 'XA'), agreement('test-b', 'XA')],
      coalitions: [coalition('test-k', ['drones'], ['XB'])],
      commitments: [
        commitment('test-p', 'XA', 'test-a', { capabilityArea: null, money: { amount: '900', currency: 'EUR' } }),
        commitment('test-q', 'XA', 'test-b', { capabilityArea: null, money: { amount: '800', currency: 'EUR' } }),
        commitment('test-x', 'XA', 'test-a', { capabilityArea: null, money: { amount: '300', currency: 'EUR' }, countsAs: 'test-p' }),
        commitment('test-d', 'XA', 'test-a', { capabilityArea: 'drones', countsAs: 'test-x' }),
        commitment('test-e', 'XA', null, { capabilityArea: 'drones', coalitionId: 'test-k', countsAs: 'test-q' }),
      ],
    });
    const analysis = createAnalysis(base, options);
    expect(analysis.result().findings.some((f) => f.id === 'POSSIBLE_DOUBLE_COUNT:test-d:test-e')).toBe(true);
    const moved = { ...(base.commitments[2] as Commitment), countsAs: 'test-q' };
    analysis.updateCommitment(moved);
    const expected = analyze({ ...base, commitments: base.commitments.map((c) => (c.id === 'test-x' ? moved : c)) }, options);
    expect(expected.findings.some((f) => f.id === 'POSSIBLE_DOUBLE_COUNT:test-d:test-e')).toBe(false);
    same(analysis.result(), expected);
  });

  it('closes and opens a countsAs cycle', () => {
    const base = build({
      agreements: [agreement('test-a', 'XA')],
      commitments: [
        commitment('test-1', 'XA', 'test-a', { money: { amount: '100', currency: 'EUR' } }),
        commitment('test-2', 'XA', 'test-a', { capabilityArea: 'drones', money: { amount: '40', currency: 'EUR' }, countsAs: 'test-1' }),
        commitment('test-3', 'XA', 'test-a', { capabilityArea: 'armour', money: { amount: '10', currency: 'EUR' }, countsAs: 'test-2' }),
      ],
    });
    const analysis = createAnalysis(base, options);
    const closing = { ...(base.commitments[0] as Commitment), countsAs: 'test-3' };
    analysis.updateCommitment(closing);
    same(analysis.result(), analyze({ ...base, commitments: [closing, ...base.commitments.slice(1)] }, options));
    analysis.updateCommitment(base.commitments[0] as Commitment);
    same(analysis.result(), analyze(base, options));
  });

  it('adopts commitments that named a missing one when it is added, and lets them go when it is removed', () => {
    const base = build({
      agreements: [agreement('test-a', 'XA')],
      commitments: [commitment('test-2', 'XA', 'test-a', { capabilityArea: 'drones', money: { amount: '40', currency: 'EUR' }, countsAs: 'test-1' })],
      flows: [
        { id: 'test-f1', commitmentId: 'test-1', stage: 'delivered', on: '2025-02-01', money: { amount: '50', currency: 'EUR' } },
        { id: 'test-f2', commitmentId: 'test-2', stage: 'delivered', on: '2025-03-01', money: { amount: '20', currency: 'EUR' }, parentFlowId: 'test-f1' },
      ],
    });
    const analysis = createAnalysis(base, options);
    const [original] = build({ agreements: [agreement('test-a', 'XA')], commitments: [commitment('test-1', 'XA', 'test-a', { capabilityArea: null })] }).commitments;
    if (!original) throw new Error('fixture');
    analysis.addCommitment(original);
    same(analysis.result(), analyze({ ...base, commitments: [...base.commitments, original] }, options));
    analysis.removeCommitment('test-2');
    same(analysis.result(), analyze({ ...base, commitments: [original] }, options));
    analysis.removeCommitment('test-1');
    same(analysis.result(), analyze({ ...base, commitments: [] }, options));
  });
});
