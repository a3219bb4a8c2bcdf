import { describe, expect, it } from 'vitest';
import { extractFromClause } from './extract.js';

function only(text: string, kind: string): unknown[] {
  return extractFromClause(text).filter((e) => e.kind === kind).map((e) => e.value);
}

describe('extractFromClause', () => {
  it.each([
    ['£2.5 billion', { amount: '2500000000', currency: 'GBP' }],
    ['GBP 2.5bn', { amount: '2500000000', currency: 'GBP' }],
    ['EUR 7.1bn', { amount: '7100000000', currency: 'EUR' }],
    ['€7.1 billion', { amount: '7100000000', currency: 'EUR' }],
    ['at least €1.8 billion', { amount: '1800000000', currency: 'EUR', qualifier: 'at-least' }],
    ['up to 3 billion euros', { amount: '3000000000', currency: 'EUR', qualifier: 'up-to' }],
    ["74,4 millions d'euros", { amount: '74400000', currency: 'EUR' }],
    ["3 milliards d'euros", { amount: '3000000000', currency: 'EUR' }],
    ['SEK 75 billion', { amount: '75000000000', currency: 'SEK' }],
    ['USD 4.5 billion', { amount: '4500000000', currency: 'USD' }],
    ['NOK 13.5 billion', { amount: '13500000000', currency: 'NOK' }],
    ['€500 million per year', { amount: '500000000', currency: 'EUR', perYear: true }],
    ['EUR 1,800,000', { amount: '1800000', currency: 'EUR' }],
  ])('money: %s', (text, value) => {
    expect(only(`They will provide ${text} to Ukraine.`, 'money')).toEqual([value]);
  });

  it('keeps the exact span', () => {
    const clause = 'Northland will provide at least €1.8 billion in 2024.';
    const [money] = extractFromClause({ text: clause, start: 100 });
    expect(money?.text).toBe('at least €1.8 billion');
    expect(clause.slice(money?.span.start, money?.span.end)).toBe(money?.text);
    expect(money?.documentSpan).toEqual({ start: (money?.span.start ?? 0) + 100, end: (money?.span.end ?? 0) + 100 });
  });

  it('shares of GDP', () => {
    expect(only('0.25% of GDP', 'gdp-share')).toEqual([{ fraction: '0.0025' }]);
    expect(only('0,25 % du PIB', 'gdp-share')).toEqual([{ fraction: '0.0025' }]);
  });

  it('periods and durations', () => {
    expect(only('support in 2024', 'period')).toEqual([{ from: '2024-01-01', to: '2024-12-31' }]);
    expect(only('over 2024–2026', 'period')).toEqual([{ from: '2024-01-01', to: '2026-12-31' }]);
    expect(only('from 2024 to 2027', 'period')).toEqual([{ from: '2024-01-01', to: '2027-12-31' }]);
    expect(only('signed on 12 July 2023', 'period')).toEqual([]);
    expect(only('valid for ten years', 'duration')).toEqual([{ years: 10 }]);
    expect(only('for a period of 10 years', 'duration')).toEqual([{ years: 10 }]);
    expect(only('pour une durée de dix ans', 'duration')).toEqual([{ years: 10 }]);
  });

  it('consultation deadlines and notice', () => {
    expect(only('consult within 24 hours', 'consultation-deadline')).toEqual([{ withinHours: 24 }]);
    expect(only('se consulteront dans les 24 heures', 'consultation-deadline')).toEqual([{ withinHours: 24 }]);
    expect(only('consult, where possible within 24 hours,', 'consultation-deadline')).toEqual([{ withinHours: 24, bestEffort: true }]);
    expect(only("by giving six months' notice", 'notice-period')).toEqual([{ months: 6 }]);
    expect(only('six months after receipt of the notification', 'notice-period')).toEqual([{ months: 6 }]);
  });

  it('NATO accession', () => {
    expect(only('This Arrangement will remain valid until Ukraine becomes a member of NATO.', 'nato-accession')).toEqual([{ effect: 'ends' }]);
    expect(only('Should Ukraine become a member of NATO, this Agreement shall remain in force.', 'nato-accession')).toEqual([{ effect: 'continues' }]);
    expect(only('Upon accession of Ukraine to NATO the Participants will review this Agreement.', 'nato-accession')).toEqual([{ effect: 'review' }]);
    expect(only('We support Ukraine on its path to NATO membership.', 'nato-accession')).toEqual([]);
  });

  it('quantities', () => {
    expect(only('30 F-16 aircraft and two ASC 890 aircraft', 'quantity')).toEqual([
      { value: 30, item: 'F-16 aircraft' },
      { value: 2, item: 'ASC 890 aircraft' },
    ]);
    expect(only('12 howitzers and 30 tanks', 'quantity')).toEqual([
      { value: 12, item: 'howitzers' },
      { value: 30, item: 'tanks' },
    ]);
    expect(only('for ten years', 'quantity')).toEqual([]);
  });
});
