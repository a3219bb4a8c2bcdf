// How rules name commitments, frameworks and periods in their messages.
import { parseMoney } from '../money/money.js';
import { moneyText, quantityText, readableDecimal, areaLabel, type Lang } from './format.js';
import type { CommitmentState, RuleContext } from './model.js';
import type { ClauseReference } from './types.js';

/** "GBP 200,000,000 per year" / "200 000 000 GBP на рік", a quantity, or a share of GDP. */
export function pledgeText(state: CommitmentState, lang: Lang): string {
  const c = state.commitment;
  if (c.money) {
    const text = moneyText(parseMoney(c.money.amount, c.money.currency).minor, c.money.currency, lang);
    return c.money.perYear ? `${text} ${lang === 'en' ? 'per year' : 'на рік'}` : text;
  }
  if (c.quantity) {
    const milli = BigInt(Math.round(c.quantity.value * 1000));
    return quantityText(milli, c.quantity.unit ?? null, c.quantity.item ?? null, lang);
  }
  if (c.shareOfGdp) return gdpText(c.shareOfGdp.fraction, c.shareOfGdp.perYear === true, lang);
  return lang === 'en' ? 'no amount' : 'без суми';
}

/** "0.25 % of GDP per year" from the decimal fraction "0.0025", exactly. */
export function gdpText(fraction: string, perYear: boolean, lang: Lang): string {
  // indexOf and slice, not a destructured split: destructuring walks the array's iterator.
  const point = fraction.indexOf('.');
  const whole = point < 0 ? fraction : fraction.slice(0, point);
  const next = point < 0 ? -1 : fraction.indexOf('.', point + 1);
  const decimals = point < 0 ? '' : fraction.slice(point + 1, next < 0 ? fraction.length : next);
  const digits = `${whole}${decimals.padEnd(2, '0')}`;
  const integer = digits.slice(0, whole.length + 2).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(whole.length + 2).replace(/0+$/, '');
  const percent = readableDecimal(rest ? `${integer}.${rest}` : integer, lang);
  if (lang === 'en') return `${percent} % of GDP${perYear ? ' per year' : ''}`;
  return `${percent} % ВВП${perYear ? ' на рік' : ''}`;
}

/** "in drones" / "у спроможності «безпілотні системи»"; "without a capability area" for null. */
export function inArea(state: Pick<CommitmentState, 'area'>, lang: Lang): string {
  if (!state.area) return lang === 'en' ? 'without a capability area' : 'без визначеної спроможності';
  return lang === 'en' ? `in ${areaLabel(state.area, lang)}` : `у спроможності ${areaLabel(state.area, lang)}`;
}

/** "agreement gb-ua-2024" / "угода gb-ua-2024", or the coalition for a contribution without one. */
export function frameworkText(state: CommitmentState, lang: Lang): string {
  const c = state.commitment;
  if (c.agreementId !== null) return `${lang === 'en' ? 'agreement' : 'угода'} ${c.agreementId}`;
  return `${lang === 'en' ? 'coalition' : 'коаліція'} ${c.coalitionId ?? '?'}`;
}

export function periodText(state: CommitmentState): string {
  const span = state.span;
  return span ? `${span.fromIso} – ${span.toIso}` : '—';
}

export function clausesOf(...states: readonly (CommitmentState | null | undefined)[]): ClauseReference[] {
  const out: ClauseReference[] = [];
  for (const state of states) if (state?.clause) out.push(state.clause);
  return out;
}

/** "the United Kingdom (GB)"-style label for the state's provider. */
export function providerOf(ctx: RuleContext, state: CommitmentState, lang: Lang): string {
  const partner = ctx.partner(state.provider);
  if (!partner) return state.provider;
  return `${lang === 'en' ? partner.name : (partner.nameUk ?? partner.name)} (${state.provider})`;
}

/** The first `limit` items and "and N more" / "та ще N". */
export function truncated(items: readonly string[], limit: number, lang: Lang): string {
  return truncatedMap(items, limit, lang, asIs);
}

function asIs(item: string): string {
  return item;
}

/**
 * Like `truncated`, formatting only the items shown. An indexed loop, not `slice().map()`: rules
 * pass lists of different kinds (strings, pairs), and the inlined array methods' code is thrown
 * away at each kind it has not seen, with the rule that inlined it.
 */
export function truncatedMap<T>(items: readonly T[], limit: number, lang: Lang, format: (item: T) => string): string {
  const count = Math.min(limit, items.length);
  let shown = '';
  for (let i = 0; i < count; i++) shown += i === 0 ? format(items[i] as T) : `, ${format(items[i] as T)}`;
  const more = items.length - limit;
  return more > 0 ? `${shown} ${lang === 'en' ? `and ${more} more` : `та ще ${more}`}` : shown;
}
