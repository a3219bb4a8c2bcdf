import { describe, expect, it } from 'vitest';
import { FIELDS } from './fields.js';
import { diffFields, fromRaw, inputOfIssue, toRaw } from './formModel.js';

const commitment = {
  id: 'gb-ua-2024-2',
  agreementId: 'gb-ua-2024',
  clauseRef: null,
  provider: 'GB',
  beneficiary: 'UA',
  category: 'equipment',
  capabilityArea: 'drones',
  money: { amount: '200000000', currency: 'GBP', qualifier: 'at-least' },
  quantity: null,
  period: { from: '2024-04-01', to: '2025-03-31' },
  firmness: 'pledged',
  conditions: [],
  countsAs: 'gb-ua-2024-1',
  scope: 'military',
  classification: 'public',
  sources: [{ url: 'https://www.gov.uk/x', confidence: 'V' }],
  version: 3,
};
const specs = FIELDS.commitments;

describe('the generic form', () => {
  it('round-trips a record unchanged, keeping fields it does not show', () => {
    const raw = toRaw(specs, commitment);
    expect(raw['money.amount']).toBe('200000000');
    expect(raw['money.perYear']).toBe(false);
    const { body, errors } = fromRaw(specs, raw, commitment);
    expect(errors).toEqual({});
    expect(body).toEqual(commitment);
  });

  it('reads edits: money parts, emptied nullable fields, codes, numbers as typed', () => {
    const raw = {
      ...toRaw(specs, commitment),
      'money.amount': '250000000',
      'money.qualifier': '',
      'money.perYear': true,
      capabilityArea: '',
      clauseRef: 'I.2',
      'quantity.value': '12',
      'quantity.item': 'drone',
    };
    const { body } = fromRaw(specs, raw, commitment);
    expect(body['money']).toEqual({ amount: '250000000', currency: 'GBP', perYear: true });
    expect(body['capabilityArea']).toBeNull();
    expect(body['clauseRef']).toBe('I.2');
    expect(body['quantity']).toEqual({ value: 12, item: 'drone' });
    const agreement = fromRaw(FIELDS.agreements, { ...toRaw(FIELDS.agreements, {}), parties: 'gb, ua', durationYears: 'ten' }, {});
    expect(agreement.body['parties']).toEqual(['GB', 'UA']);
    // Left as typed: the API says what is wrong with it, at $.durationYears.
    expect(agreement.body['durationYears']).toBe('ten');
  });

  it('refuses JSON that does not parse, at its field', () => {
    const { errors } = fromRaw(specs, { ...toRaw(specs, commitment), sources: '[{' }, commitment);
    expect(errors).toEqual({ sources: 'edit.invalidJson' });
  });

  it('maps the API’s paths to the inputs', () => {
    expect(inputOfIssue(specs, '$.money.amount')).toBe('money.amount');
    expect(inputOfIssue(specs, '$.money')).toBe('money');
    expect(inputOfIssue(specs, '$.sources[0].url')).toBe('sources');
    expect(inputOfIssue(FIELDS.agreements, '$.status[1].on')).toBe('status');
    expect(inputOfIssue(specs, '$.provider')).toBe('provider');
    expect(inputOfIssue(specs, '$.nothing')).toBeNull();
  });

  it('lists what the other editor changed and where both changed the same field', () => {
    const theirs = { ...commitment, version: 4, description: 'theirs', firmness: 'binding' };
    const mine = { ...toRaw(specs, commitment), description: 'mine', clauseRef: 'I.2' };
    const rows = diffFields(specs, commitment, theirs, mine);
    expect(rows.map((row) => row.path)).toEqual(['clauseRef', 'firmness', 'description']);
    expect(rows.find((row) => row.path === 'description')).toMatchObject({ theirsChanged: true, clash: true });
    expect(rows.find((row) => row.path === 'firmness')).toMatchObject({ theirsChanged: true, clash: false });
    expect(rows.find((row) => row.path === 'clauseRef')).toMatchObject({ theirsChanged: false, mine: 'I.2' });
  });
});
