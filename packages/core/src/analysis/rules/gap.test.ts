import { describe, expect, it } from 'vitest';
import { agreement, commitment, findingsOf, requirement, run } from '../test-fixtures.js';

const agreements = [agreement('test-a', 'XA'), agreement('test-b', 'XB')];
const withCommitted = (amount: string, extra = {}) =>
  run({ agreements, requirements: [requirement('test-r', 'air-defence', 2025, '1000')], commitments: [commitment('test-1', 'XA', 'test-a', { money: { amount, currency: 'EUR' }, ...extra })] });

describe('GAP', () => {
  it('is silent at exactly 100 % and above', () => {
    expect(findingsOf(withCommitted('1000'), 'GAP')).toEqual([]);
    expect(findingsOf(withCommitted('1000.01'), 'GAP')).toEqual([]);
  });

  it('grades the shortfall: medium below 100 %, high below 80 %, critical below 50 %', () => {
    expect(findingsOf(withCommitted('999.99'), 'GAP')[0]?.severity).toBe('medium');
    expect(findingsOf(withCommitted('800'), 'GAP')[0]?.severity).toBe('medium');
    expect(findingsOf(withCommitted('799.99'), 'GAP')[0]?.severity).toBe('high');
    expect(findingsOf(withCommitted('500'), 'GAP')[0]?.severity).toBe('high');
    expect(findingsOf(withCommitted('499.99'), 'GAP')[0]?.severity).toBe('critical');
    expect(findingsOf(withCommitted('0'), 'GAP')[0]?.severity).toBe('critical');
  });

  it('states the shortfall in money, and what is at risk besides', () => {
    const [finding] = findingsOf(
      run({
        agreements,
        requirements: [requirement('test-r', 'air-defence', 2025, '1000')],
        commitments: [commitment('test-1', 'XA', 'test-a', { money: { amount: '600', currency: 'EUR' } }), commitment('test-2', 'XB', 'test-b', { firmness: 'conditional' })],
      }),
      'GAP',
    );
    expect(finding).toMatchObject({ id: 'GAP:XZ:air-defence:2025', severity: 'high', subject: { requirementIds: ['test-r'], shortfall: '400' } });
    expect(finding?.message).toBe(
      'Air defence, XZ, 2025: EUR 600 committed of EUR 1,000 required (60.0 %); shortfall EUR 400. A further EUR 100 is committed at risk (conditional, or awaiting parliamentary approval or legislation).',
    );
    expect(finding?.messageUk).toContain('бракує 400 EUR');
  });

  it('states the shortfall in units for a quantity requirement', () => {
    const [finding] = findingsOf(
      run({
        agreements,
        requirements: [requirement('test-r', 'armour', 2025, '0', { money: null, quantity: { value: 40, unit: 'tanks', item: 'Model A' } })],
        commitments: [commitment('test-1', 'XA', 'test-a', { capabilityArea: 'armour', money: null, quantity: { value: 30, unit: 'tanks', item: 'Model A' } })],
      }),
      'GAP',
    );
    expect(finding?.message).toContain('shortfall 10 tanks (Model A)');
    expect(finding?.severity).toBe('high'); // 30 of 40 is 75 %
  });
});
