import { describe, expect, it } from 'vitest';
import type { Agreement } from '@compact/core';
import { networkOn } from './network.js';

const agreement = (id: string, party: string, status: Agreement['status'], fields: Partial<Agreement> = {}): Agreement => ({
  id,
  title: id,
  parties: [party, 'UA'],
  beneficiary: 'UA',
  kind: 'bilateral',
  legalForm: 'political-commitment',
  status,
  countedByUkraine: true,
  classification: 'public',
  sources: [],
  ...fields,
});

describe('the network on a day', () => {
  const records = [
    agreement('gb', 'GB', [{ status: 'signed', on: '2024-01-12' }]),
    agreement('us', 'US', [
      { status: 'talks', on: '2024-01-01' },
      { status: 'signed', on: '2024-06-13' },
    ], { legalForm: 'executive-agreement', legallyBinding: true }),
  ];

  it('computes each agreement’s status on the day from the plain records', () => {
    const before = networkOn(records, ['GB', 'US', 'SE', 'UA'], '2024-02-20');
    expect(before.statuses.get('GB')?.status).toBe('signed');
    expect(before.statuses.get('US')?.status).toBe('talks');
    expect(before.counts).toMatchObject({ signed: 1, talks: 1, none: 1, binding: 0 });

    const after = networkOn(records, ['GB', 'US', 'SE', 'UA'], '2024-07-01');
    expect(after.statuses.get('US')?.status).toBe('binding');
    expect(after.views.find((view) => view.id === 'us')?.statusAsOf).toBe('signed');
  });

  it('ignores a status computed for another day', () => {
    const stale = [{ ...records[1]!, statusAsOf: 'signed' as const }];
    expect(networkOn(stale, ['US'], '2024-02-20').statuses.get('US')?.status).toBe('talks');
  });
});
