import { describe, expect, it } from 'vitest';
import type { AgreementView } from '../../api/types.js';
import { alpha2Of, NUMERIC_BY_ALPHA2 } from './atlas.js';
import { addDays, clampDate, dayIndex, headline, partnerStatuses, topFindings } from './partnerStatus.js';

function agreement(fields: Partial<AgreementView> & Pick<AgreementView, 'id' | 'parties'>): AgreementView {
  return {
    title: fields.id,
    beneficiary: 'UA',
    kind: 'bilateral',
    legalForm: 'political-commitment',
    status: [{ status: 'signed', on: '2024-01-12' }],
    countedByUkraine: true,
    classification: 'public',
    sources: [],
    statusAsOf: 'signed',
    signedOn: '2024-01-12',
    partner: null,
    ...fields,
  };
}

describe('partner statuses for the map', () => {
  const g7 = agreement({ id: 'g7', kind: 'declaration', legalForm: 'declaration', parties: ['GB', 'US', 'UA'] });
  it('takes the strongest agreement a partner is party to, and leaves the beneficiary out', () => {
    const statuses = partnerStatuses(['GB', 'US', 'SE', 'UA'], [
      g7,
      agreement({ id: 'gb', parties: ['GB', 'UA'], consultation: { trigger: 'armed-attack', withinHours: 24 } }),
      agreement({ id: 'us', parties: ['US', 'UA'], legalForm: 'executive-agreement', legallyBinding: true, statusAsOf: 'talks' }),
    ]);
    expect(statuses.has('UA')).toBe(false);
    expect(statuses.get('GB')).toMatchObject({ status: 'signed', agreementId: 'gb', hasConsultation: true });
    // In talks outranks the declaration it joined.
    expect(statuses.get('US')).toMatchObject({ status: 'talks', agreementId: 'us' });
    expect(statuses.get('SE')?.status).toBe('none');
  });

  it('marks a signed legally binding agreement, and drops expired ones', () => {
    const statuses = partnerStatuses(['US', 'XX'], [
      agreement({ id: 'us', parties: ['US', 'UA'], legalForm: 'executive-agreement', legallyBinding: true }),
      agreement({ id: 'xx', parties: ['XX', 'UA'], statusAsOf: 'expired' }),
    ]);
    expect(statuses.get('US')?.status).toBe('binding');
    expect(statuses.get('XX')?.status).toBe('none');
  });

  it('counts signed agreements Ukraine counts, and the share with a consultation clause', () => {
    const figures = headline([
      g7,
      agreement({ id: 'gb', parties: ['GB', 'UA'], consultation: { trigger: 'armed-attack', withinHours: 24 } }),
      agreement({ id: 'it', parties: ['IT', 'UA'] }),
      agreement({ id: 'hr', parties: ['HR', 'UA'], countedByUkraine: false }),
    ]);
    // The G7 declaration is not counted by Ukraine in the shipped data; here it is, as a plain record.
    expect(figures.signed).toBe(3);
    expect(figures.withConsultation).toBe(1);
  });
});

describe('the slider’s days', () => {
  it('counts and adds days in UTC, and keeps a date from the address in range', () => {
    expect(dayIndex('2023-07-12', '2024-02-20')).toBe(223);
    expect(addDays('2023-07-12', 223)).toBe('2024-02-20');
    expect(clampDate('2020-01-01', '2026-11-26')).toBe('2023-07-12');
    expect(clampDate('2030-01-01', '2026-11-26')).toBe('2026-11-26');
    expect(clampDate('nonsense', '2026-11-26')).toBe('2026-11-26');
    expect(clampDate('2024-02-20', '2026-11-26')).toBe('2024-02-20');
  });
});

describe('the atlas', () => {
  it('finds every country partner by its numeric id, and Kosovo by name', () => {
    for (const [alpha2, numeric] of Object.entries(NUMERIC_BY_ALPHA2))
      if (numeric) expect(alpha2Of({ id: numeric })).toBe(alpha2);
    expect(alpha2Of({ id: '826', properties: { name: 'United Kingdom' } })).toBe('GB');
    expect(alpha2Of({ properties: { name: 'Kosovo' } })).toBe('XK');
    expect(alpha2Of({ id: '643', properties: { name: 'Russia' } })).toBeNull();
    expect(Object.keys(NUMERIC_BY_ALPHA2)).toHaveLength(34);
  });
});

describe('top findings', () => {
  it('puts one of each kind first, most severe first', () => {
    const findings = [
      { code: 'GAP', severity: 'critical' },
      { code: 'GAP', severity: 'critical' },
      { code: 'NO_CONSULTATION', severity: 'medium' },
      { code: 'SINGLE_GUARANTOR', severity: 'high' },
    ];
    const top = topFindings(findings, ['critical', 'high', 'medium', 'low', 'info'], 3);
    expect(top.map((finding) => finding.code)).toEqual(['GAP', 'SINGLE_GUARANTOR', 'NO_CONSULTATION']);
  });
});
