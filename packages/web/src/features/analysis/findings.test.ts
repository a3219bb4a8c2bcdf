import { describe, expect, it } from 'vitest';
import type { Finding } from '../../api/types.js';
import {
  agreementIdsOf,
  codesIn,
  countBySeverity,
  filterFindings,
  groupBySeverity,
  isFindingCode,
  matchesQuery,
  NO_FILTER,
  subjectEntries,
  subjectKind,
} from './findings.js';

function finding(id: string, code: string, severity: Finding['severity'], message = id): Finding {
  return { id, code, severity, subject: {}, clauses: [], message, messageUk: `${message} uk`, remedy: '' };
}

const findings = [
  finding('a', 'NO_CONSULTATION', 'medium', 'Latvia has no consultation clause'),
  finding('b', 'GAP', 'critical', 'Air defence 2025 is 37 % covered'),
  finding('c', 'CONSULTATION_MISMATCH', 'info'),
  finding('d', 'GAP', 'high', 'Drones 2026 is 60 % covered'),
  finding('e', 'SOMETHING_NEW', 'low'),
  finding('f', 'NO_CONSULTATION', 'medium', 'Café clause'),
];

describe('grouping', () => {
  it('groups by severity, critical first, skipping empty groups and keeping order', () => {
    const groups = groupBySeverity(findings);
    expect(groups.map((g) => g.severity)).toEqual(['critical', 'high', 'medium', 'low', 'info']);
    expect(groups.find((g) => g.severity === 'medium')?.findings.map((f) => f.id)).toEqual(['a', 'f']);
    expect(groupBySeverity([findings[0]!]).map((g) => g.severity)).toEqual(['medium']);
  });

  it('counts by severity', () => {
    expect(countBySeverity(findings)).toEqual({ critical: 1, high: 1, medium: 2, low: 1, info: 1 });
  });

  it('lists the codes present, known ones in the engine’s order', () => {
    expect(codesIn(findings)).toEqual([
      { code: 'GAP', count: 2 },
      { code: 'NO_CONSULTATION', count: 2 },
      { code: 'CONSULTATION_MISMATCH', count: 1 },
      { code: 'SOMETHING_NEW', count: 1 },
    ]);
    expect(isFindingCode('GAP')).toBe(true);
    expect(isFindingCode('SOMETHING_NEW')).toBe(false);
  });
});

describe('filtering', () => {
  const text = (f: Finding) => f.message;

  it('passes everything with no filter', () => {
    expect(filterFindings(findings, NO_FILTER, text)).toHaveLength(findings.length);
  });

  it('filters by severity, code and words', () => {
    expect(filterFindings(findings, { ...NO_FILTER, severity: 'medium' }, text).map((f) => f.id)).toEqual([
      'a',
      'f',
    ]);
    expect(filterFindings(findings, { ...NO_FILTER, code: 'GAP' }, text).map((f) => f.id)).toEqual([
      'b',
      'd',
    ]);
    expect(filterFindings(findings, { ...NO_FILTER, query: 'covered  2025' }, text).map((f) => f.id)).toEqual(
      ['b'],
    );
    expect(
      filterFindings(findings, { severity: 'high', code: 'GAP', query: 'air' }, text).map((f) => f.id),
    ).toEqual([]);
  });

  it('ignores case and accents, in Ukrainian too', () => {
    expect(matchesQuery('Café clause', 'CAFE')).toBe(true);
    expect(matchesQuery('Протиповітряна оборона', 'протиповітряна')).toBe(true);
    expect(matchesQuery('Їжак', 'ї')).toBe(true);
    expect(matchesQuery('anything', '   ')).toBe(true);
    expect(matchesQuery('anything', 'nothing')).toBe(false);
  });
});

describe('subjects', () => {
  it('reads what a field names from its key', () => {
    expect(subjectKind('agreementId')).toBe('agreement');
    expect(subjectKind('otherAgreementIds')).toBe('agreement');
    expect(subjectKind('commitmentIds')).toBe('commitment');
    expect(subjectKind('requirementId')).toBe('requirement');
    expect(subjectKind('coalitionId')).toBe('coalition');
    expect(subjectKind('partner')).toBe('partner');
    expect(subjectKind('provider')).toBe('provider');
    expect(subjectKind('lead')).toBe('lead');
    expect(subjectKind('beneficiary')).toBe('beneficiary');
    expect(subjectKind('capabilityArea')).toBe('capabilityArea');
    expect(subjectKind('year')).toBe('year');
    expect(subjectKind('currency')).toBe('other');
    expect(subjectKind('commitment')).toBe('commitment');
    expect(subjectKind('countsAs')).toBe('commitment');
    expect(subjectKind('partners')).toBe('partner');
    expect(subjectKind('parties')).toBe('partner');
    expect(subjectKind('years')).toBe('year');
    expect(subjectKind('countedIn')).toBe('year');
    expect(subjectKind('periodFrom')).toBe('date');
    expect(subjectKind('signedOn')).toBe('date');
    expect(subjectKind('shortfall')).toBe('amount');
    expect(subjectKind('amount')).toBe('amount');
    expect(subjectKind('fraction')).toBe('fraction');
    expect(subjectKind('windows')).toBe('other');
  });

  it('lists the fields in reading order, as lists, without the default measure', () => {
    const entries = subjectEntries({
      year: 2025,
      measure: 'money',
      capabilityArea: null,
      commitmentIds: ['c1', 'c2'],
      agreementId: 'gb-2024',
      empty: [],
      skipped: undefined,
    });
    expect(entries).toEqual([
      { key: 'agreementId', kind: 'agreement', values: ['gb-2024'] },
      { key: 'commitmentIds', kind: 'commitment', values: ['c1', 'c2'] },
      { key: 'capabilityArea', kind: 'capabilityArea', values: [null] },
      { key: 'year', kind: 'year', values: [2025] },
    ]);
  });

  it('collects the agreements a finding is about or cites', () => {
    expect(
      agreementIdsOf({
        subject: { agreementId: 'a', otherAgreementId: 'b' },
        clauses: [
          { agreementId: 'b', ref: 'II.6' },
          { agreementId: 'c', ref: '3' },
        ],
      }),
    ).toEqual(['a', 'b', 'c']);
  });
});
