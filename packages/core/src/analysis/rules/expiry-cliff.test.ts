import { describe, expect, it } from 'vitest';
import { agreement, commitment, findingsOf, run, type CommitmentIn } from '../test-fixtures.js';

const agreements = [agreement('test-a', 'XA'), agreement('test-b', 'XB')];
const money = (amount: string) => ({ amount, currency: 'EUR' });
const lasting = commitment('test-long', 'XB', 'test-b', { money: { ...money('75'), perYear: true }, period: { from: '2025-01-01', to: '2027-12-31' } });
// `lasting` itself ends in 2027, a cliff of its own; the tests look at 2025.
const check = (...commitments: CommitmentIn[]) => findingsOf(run({ agreements, commitments }), 'EXPIRY_CLIFF');
const in2025 = (...commitments: CommitmentIn[]) => check(...commitments).filter((finding) => finding.subject.year === 2025);

describe('EXPIRY_CLIFF', () => {
  it('flags exactly 25 % of the year’s coverage ending unrenewed (medium)', () => {
    const [finding] = in2025(lasting, commitment('test-1', 'XA', 'test-a', { money: money('25') }));
    expect(finding).toMatchObject({ id: 'EXPIRY_CLIFF:XZ:air-defence:2025', severity: 'medium', subject: { year: 2025, partners: ['XA'], amount: '25' } });
    expect(finding?.message).toContain('end in 2025 and are not renewed for 2026');
  });

  it('is silent just below 25 %', () => {
    expect(in2025(lasting, commitment('test-1', 'XA', 'test-a', { money: money('24.99') }))).toEqual([]);
  });

  it('is high when half or more ends', () => {
    expect(check(commitment('test-1', 'XA', 'test-a'))[0]?.severity).toBe('high');
  });

  it('counts a commitment of the same provider starting the next year as a renewal', () => {
    const next = commitment('test-2', 'XA', 'test-a', { period: { from: '2026-01-01', to: '2026-12-31' } });
    expect(in2025(lasting, commitment('test-1', 'XA', 'test-a', { money: money('25') }), next)).toEqual([]);
  });

  it('does not flag years before the analysis day’s year', () => {
    expect(check(commitment('test-1', 'XA', 'test-a', { period: { from: '2024-01-01', to: '2024-12-31' } }))).toEqual([]);
  });
});
