import { describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n/testing.js';
import { formatPledge } from './pledge.js';

const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, ' ') ?? null;
const en = (figure: Parameters<typeof formatPledge>[0]) =>
  plain(formatPledge(figure, 'en-GB', translatorFor('en')));
const uk = (figure: Parameters<typeof formatPledge>[0]) =>
  plain(formatPledge(figure, 'uk-UA', translatorFor('uk')));

describe('money pledges', () => {
  it('formats a plain amount', () => {
    const figure = { money: { amount: '2500000000', currency: 'GBP' } };
    expect(en(figure)).toBe('£2,500,000,000');
    expect(uk(figure)).toBe('2 500 000 000 GBP');
  });

  it('adds the qualifier and the yearly rhythm', () => {
    const figure = { money: { amount: '3000000000', currency: 'EUR', qualifier: 'up-to' as const } };
    expect(en(figure)).toBe('up to €3,000,000,000');
    expect(uk(figure)).toBe('до 3 000 000 000 EUR');

    const yearly = {
      money: { amount: '1000000000', currency: 'EUR', qualifier: 'at-least' as const, perYear: true },
    };
    expect(en(yearly)).toBe('at least €1,000,000,000 per year');
    expect(uk(yearly)).toBe('щонайменше 1 000 000 000 EUR на рік');

    const about = { money: { amount: '74.4', currency: 'EUR', qualifier: 'approximate' as const } };
    expect(en(about)).toBe('about €74.40');
    expect(uk(about)).toBe('близько 74,40 EUR');
  });
});

describe('share-of-GDP pledges', () => {
  it('shows the fraction as a percentage of GDP', () => {
    const figure = { shareOfGdp: { fraction: '0.0025', perYear: true, qualifier: 'at-least' as const } };
    expect(en(figure)).toBe('at least 0.25 % of GDP per year');
    expect(uk(figure)).toBe('щонайменше 0,25 % ВВП на рік');
  });
});

describe('quantity pledges', () => {
  it('shows count, item and unit', () => {
    expect(en({ quantity: { value: 30, item: 'F-16', unit: 'aircraft' } })).toBe('30 × F-16 aircraft');
    expect(en({ quantity: { value: 30, item: 'F-16 aircraft', unit: 'aircraft' } })).toBe(
      '30 × F-16 aircraft',
    );
    expect(en({ quantity: { value: 1, item: 'Patriot air defence system', unit: 'systems' } })).toBe(
      '1 × Patriot air defence system',
    );
    expect(en({ quantity: { value: 4, unit: 'batteries' } })).toBe('4 × batteries');
    expect(uk({ quantity: { value: 1200, item: 'drones' } })).toBe('1 200 × drones');
    expect(en({ quantity: { value: 5 } })).toBe('5');
  });
});

describe('commitments without a figure', () => {
  it('have no headline', () => {
    expect(en({ money: null, quantity: null, shareOfGdp: null })).toBeNull();
  });
});
