import { describe, expect, it } from 'vitest';
import { agreement, findingsOf, run, type AgreementIn } from '../test-fixtures.js';

const multilateral = (extra: Partial<AgreementIn>) => agreement('test-m', 'XA', { kind: 'multilateral', parties: ['XA', 'XC', 'XZ'], ...extra });

describe('CONFLICTING_TERMS', () => {
  it('flags two agreements of a provider that disagree on the effect of NATO accession (high)', () => {
    const result = run({ agreements: [agreement('test-a', 'XA', { onNatoAccession: 'ends' }), multilateral({ onNatoAccession: 'continues' })] });
    const [finding] = findingsOf(result, 'CONFLICTING_TERMS');
    expect(finding).toMatchObject({ id: 'CONFLICTING_TERMS:test-a:test-m:nato-accession', severity: 'high', subject: { agreementIds: ['test-a', 'test-m'], partners: ['XA'], term: 'nato-accession' } });
    expect(finding?.message).toContain('under test-a the agreement ends, under test-m it continues');
  });

  it('flags differing consultation hours (medium), not worded windows', () => {
    expect(findingsOf(run({ agreements: [agreement('test-a', 'XA'), multilateral({ consultation: { trigger: 'armed-attack', withinHours: 48 } })] }), 'CONFLICTING_TERMS')).toMatchObject([
      { severity: 'medium', subject: { term: 'consultation' } },
    ]);
    expect(findingsOf(run({ agreements: [agreement('test-a', 'XA'), multilateral({ consultation: { trigger: 'armed-attack', withinHours: null, wording: 'immediately' } })] }), 'CONFLICTING_TERMS')).toEqual([]);
  });

  it('needs the same provider, both in force, and overlapping validity', () => {
    expect(findingsOf(run({ agreements: [agreement('test-a', 'XA', { onNatoAccession: 'ends' }), agreement('test-b', 'XB', { onNatoAccession: 'continues' })] }), 'CONFLICTING_TERMS')).toEqual([]);
    expect(
      findingsOf(run({ agreements: [agreement('test-a', 'XA', { onNatoAccession: 'ends' }), multilateral({ onNatoAccession: 'continues', status: [{ status: 'talks', on: '2024-01-01' }] })] }), 'CONFLICTING_TERMS'),
    ).toEqual([]);
  });
});
