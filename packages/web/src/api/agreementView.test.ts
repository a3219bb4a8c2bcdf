import { describe, expect, it } from 'vitest';
import type { Agreement } from '@compact/core';
import { toAgreementView } from './agreementView.js';

const plain = {
  id: 'us-ua-2024',
  title: 'Bilateral Security Agreement',
  parties: ['US', 'UA'],
  beneficiary: 'UA',
  kind: 'bilateral',
  legalForm: 'executive-agreement',
  status: [
    { status: 'talks', on: '2024-02-20' },
    { status: 'signed', on: '2024-06-13' },
  ],
  countedByUkraine: true,
  classification: 'public',
  sources: [],
} satisfies Agreement;

describe('toAgreementView', () => {
  it('computes the view fields a plain record lacks', () => {
    expect(toAgreementView(plain, '2024-03-01')).toMatchObject({
      statusAsOf: 'talks',
      signedOn: '2024-06-13',
      partner: 'US',
    });
    expect(toAgreementView(plain, '2024-01-01')).toMatchObject({ statusAsOf: null });
  });

  it('keeps what the server computed', () => {
    const view = toAgreementView(
      { ...plain, statusAsOf: 'signed', signedOn: null, partner: null },
      '2024-03-01',
    );
    expect(view).toMatchObject({ statusAsOf: 'signed', signedOn: null, partner: null });
  });

  it('has no single partner for a multilateral text', () => {
    expect(
      toAgreementView({ ...plain, parties: ['US', 'GB', 'UA'], kind: 'multilateral' }, '2024-07-01').partner,
    ).toBeNull();
  });
});
