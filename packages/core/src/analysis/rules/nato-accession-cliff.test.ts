import { describe, expect, it } from 'vitest';
import { agreement, commitment, findingsOf, run } from '../test-fixtures.js';

const commitments = [commitment('test-1', 'XA', 'test-a', { money: { amount: '365', currency: 'EUR' }, period: { from: '2030-01-01', to: '2030-12-31' } })];
const check = (effect: 'ends' | 'continues' | 'review' | undefined, natoAccession: string | null = '2030-07-01') =>
  findingsOf(run({ agreements: [agreement('test-a', 'XA', { onNatoAccession: effect })], commitments }, { natoAccession }), 'NATO_ACCESSION_CLIFF');

describe('NATO_ACCESSION_CLIFF', () => {
  it('reports the coverage lost from the accession day on, pro rata by days', () => {
    // 2030-07-01..2030-12-31 is 184 of 365 days.
    const [finding] = check('ends');
    expect(finding).toMatchObject({ severity: 'high', subject: { year: 2030, lost: '184', underReview: '0', agreementIds: ['test-a'] } });
    expect(finding?.message).toContain('take away EUR 184 of the EUR 365 committed for air defence in 2030 (50.4 %)');
  });

  it('is medium below half, and low when the money is only under review', () => {
    expect(check('ends', '2030-09-01')[0]?.severity).toBe('medium');
    expect(check('review')).toMatchObject([{ severity: 'low', subject: { lost: '0', underReview: '184' } }]);
  });

  it('is silent when agreements continue, without an accession date, or for money that ends before it', () => {
    expect(check('continues')).toEqual([]);
    expect(check(undefined)).toEqual([]);
    expect(check('ends', null)).toEqual([]);
    expect(check('ends', '2031-01-01')).toEqual([]);
  });
});

describe('NATO_ACCESSION_CLIFF wording', () => {
  it('speaks of review, not of a loss, when nothing ends', () => {
    const [finding] = findingsOf(
      run({ agreements: [agreement('test-a', 'XA', { onNatoAccession: 'review' })], commitments: [commitment('test-1', 'XA', 'test-a', { period: { from: '2030-01-01', to: '2030-12-31' } })] }, { natoAccession: '2030-01-01' }),
      'NATO_ACCESSION_CLIFF',
    );
    expect(finding?.message).toBe(
      'If XZ joins NATO on 2030-01-01, EUR 100 of the EUR 100 committed for air defence in 2030 (100.0 %) is in agreements to be reviewed on accession. Agreements: test-a.',
    );
  });
});
