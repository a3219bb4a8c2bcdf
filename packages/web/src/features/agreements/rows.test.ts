import { describe, expect, it } from 'vitest';
import type { CommitmentView } from '../../api/types.js';
import { countedAsOf, headlinePledges, matchesKind, parseAsOf, parseKind, sortAgreements } from './rows.js';

describe('parseAsOf', () => {
  it('accepts real days from 12.07.2023 on, else today', () => {
    expect(parseAsOf('2024-02-20', '2025-11-30')).toBe('2024-02-20');
    expect(parseAsOf('2023-07-11', '2025-11-30')).toBe('2025-11-30');
    expect(parseAsOf('2024-02-30', '2025-11-30')).toBe('2025-11-30');
    expect(parseAsOf(null, '2025-11-30')).toBe('2025-11-30');
  });
});

describe('kind filter', () => {
  it('defaults to bilateral', () => {
    expect(parseKind(null)).toBe('bilateral');
    expect(parseKind('nonsense')).toBe('bilateral');
    expect(parseKind('all')).toBe('all');
  });

  it('splits bilateral agreements from declarations and multilateral texts', () => {
    expect(matchesKind({ kind: 'bilateral' }, 'bilateral')).toBe(true);
    expect(matchesKind({ kind: 'multilateral' }, 'bilateral')).toBe(false);
    expect(matchesKind({ kind: 'declaration' }, 'bilateral')).toBe(false);
    expect(matchesKind({ kind: 'declaration' }, 'declarations')).toBe(true);
    expect(matchesKind({ kind: 'multilateral' }, 'declarations')).toBe(true);
    expect(matchesKind({ kind: 'bilateral' }, 'declarations')).toBe(false);
    expect(matchesKind({ kind: 'multilateral' }, 'all')).toBe(true);
  });

  it('counts what is signed or in force and counted by Ukraine', () => {
    expect(
      countedAsOf([
        { countedByUkraine: true, statusAsOf: 'signed' },
        { countedByUkraine: true, statusAsOf: 'in-force' },
        { countedByUkraine: true, statusAsOf: 'talks' },
        { countedByUkraine: false, statusAsOf: 'signed' },
      ]),
    ).toBe(2);
  });
});

describe('headlinePledges', () => {
  const base = {
    provider: 'GB',
    beneficiary: 'UA',
    category: 'equipment',
    firmness: 'pledged',
    conditions: [],
    classification: 'public',
    sources: [],
  } as const;
  const commitment = (fields: Partial<CommitmentView>): CommitmentView =>
    ({ id: 'x', agreementId: 'a', ...base, ...fields }) as CommitmentView;

  it('keeps commitments with a figure that restate nothing', () => {
    const pledges = headlinePledges([
      commitment({ id: '1', money: { amount: '1', currency: 'GBP' } }),
      commitment({ id: '2', money: { amount: '2', currency: 'GBP' }, countsAs: '1' }),
      commitment({ id: '3', description: 'training' }),
      commitment({ id: '4', agreementId: 'b', shareOfGdp: { fraction: '0.0025' } }),
    ]);
    expect(pledges.get('a')?.map((c) => c.id)).toEqual(['1']);
    expect(pledges.get('b')?.map((c) => c.id)).toEqual(['4']);
  });
});

describe('sortAgreements', () => {
  it('orders by signature, then name', () => {
    const rows = [
      { signedOn: null, name: 'Z' },
      { signedOn: '2024-02-16', name: 'Germany' },
      { signedOn: '2024-01-12', name: 'United Kingdom' },
      { signedOn: '2024-02-16', name: 'France' },
    ];
    expect(sortAgreements(rows, (r) => r.name, 'en-GB').map((r) => r.name)).toEqual([
      'United Kingdom',
      'France',
      'Germany',
      'Z',
    ]);
  });
});
