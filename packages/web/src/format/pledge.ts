import type { TFunction } from 'i18next';
import type { Commitment, MoneyAmount, Qualifier, Quantity, ShareOfGdp } from '@compact/core';
import { formatCurrency, formatDecimal, formatNumber, fractionToPercent } from './number.js';

type PledgeFigure = Pick<Commitment, 'money' | 'quantity' | 'shareOfGdp'>;

function qualify(value: string, qualifier: Qualifier | undefined, t: TFunction): string {
  return qualifier ? t(`pledge.${qualifier}`, { value }) : value;
}

function perYear(value: string, yearly: boolean | undefined, t: TFunction): string {
  return yearly ? t('pledge.perYear', { value }) : value;
}

/** "at least £2,500,000,000 per year". */
export function formatMoneyPledge(money: MoneyAmount, locale: string, t: TFunction): string {
  return perYear(
    qualify(formatCurrency(money.amount, money.currency, locale), money.qualifier, t),
    money.perYear,
    t,
  );
}

/** "at least 0.25 % of GDP per year". */
export function formatSharePledge(share: ShareOfGdp, locale: string, t: TFunction): string {
  const percent = t('pledge.shareOfGdp', { value: formatDecimal(fractionToPercent(share.fraction), locale) });
  return perYear(qualify(percent, share.qualifier, t), share.perYear, t);
}

/** The unit adds to the item only when the item does not already say it ("F-16 aircraft", "aircraft"). */
export function describeItem({ item, unit }: Pick<Quantity, 'item' | 'unit'>): string {
  if (!item) return unit ?? '';
  if (!unit) return item;
  const stem = unit.toLowerCase().replace(/s$/, '');
  return item.toLowerCase().includes(stem) ? item : `${item} ${unit}`;
}

/** "30 × F-16 aircraft". */
export function formatQuantityPledge(quantity: Quantity, locale: string, t: TFunction): string {
  const value = formatNumber(quantity.value, locale);
  const item = describeItem(quantity);
  return qualify(item ? t('pledge.quantity', { value, item }) : value, quantity.qualifier, t);
}

/** The commitment's headline figure, or null when it promises something without a figure. */
export function formatPledge(commitment: PledgeFigure, locale: string, t: TFunction): string | null {
  if (commitment.money) return formatMoneyPledge(commitment.money, locale, t);
  if (commitment.shareOfGdp) return formatSharePledge(commitment.shareOfGdp, locale, t);
  if (commitment.quantity) return formatQuantityPledge(commitment.quantity, locale, t);
  return null;
}

export function hasFigure(commitment: PledgeFigure): boolean {
  return Boolean(commitment.money ?? commitment.shareOfGdp ?? commitment.quantity);
}
