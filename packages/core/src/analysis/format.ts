// Plain-language pieces of the findings' messages, in English and Ukrainian. Deterministic: no
// Intl number formatting (which varies with the runtime's ICU data), only string work on exact values.
import { minorUnits } from '../money/currency.js';
import { divideRounded, formatScaled } from '../money/decimal.js';
import type { AgreementStatus, CapabilityArea } from '../schema/vocabulary.js';

export type Lang = 'en' | 'uk';

/** Quantities are kept in thousandths of a unit. */
export const QUANTITY_SCALE = 3;

const AREA_LABELS: Record<CapabilityArea, readonly [string, string]> = {
  'air-defence': ['air defence', 'протиповітряна оборона'],
  'air-force': ['air force', 'військова авіація'],
  artillery: ['artillery', 'артилерія'],
  armour: ['armour', 'бронетехніка'],
  maritime: ['maritime', 'морські спроможності'],
  drones: ['drones', 'безпілотні системи'],
  'electronic-warfare': ['electronic warfare', 'радіоелектронна боротьба'],
  demining: ['demining', 'розмінування'],
  'it-cyber': ['IT and cyber', 'ІТ та кібербезпека'],
  'long-range-strike': ['long-range strike', 'далекобійне ураження'],
  training: ['training', 'підготовка'],
  intelligence: ['intelligence', 'розвідка'],
  'defence-industry': ['defence industry', 'оборонна промисловість'],
  financial: ['financial support', 'фінансова підтримка'],
  energy: ['energy', 'енергетика'],
  humanitarian: ['humanitarian aid', 'гуманітарна допомога'],
};

/** "air defence" / «протиповітряна оборона»; null is the unassigned row. */
export function areaLabel(area: CapabilityArea | null | undefined, lang: Lang): string {
  if (!area) return lang === 'en' ? 'no capability area' : 'без визначеної спроможності';
  const labels = AREA_LABELS[area] as readonly [string, string] | undefined;
  if (!labels) return area;
  return lang === 'en' ? labels[0] : `«${labels[1]}»`;
}

const HEADINGS = new Map<string, string>();

/** Capitalised for the start of a sentence. */
export function areaHeading(area: CapabilityArea | null | undefined, lang: Lang): string {
  const key = `${lang}:${area ?? ''}`;
  let heading = HEADINGS.get(key);
  if (heading === undefined) {
    const label = areaLabel(area, lang);
    heading =
      lang === 'uk' && label.startsWith('«')
        ? `«${label.charAt(1).toUpperCase()}${label.slice(2)}`
        : label.charAt(0).toUpperCase() + label.slice(1);
    HEADINGS.set(key, heading);
  }
  return heading;
}

/**
 * Returns the string flat. Template literals build ropes (cons strings) whose pieces stay alive as
 * long as the string does; a finding keeps its messages, so flattening them once lets the pieces go.
 */
export function flat(text: string): string {
  if (text.length > 0) text.charCodeAt(0);
  return text;
}

const STATUS_UK: Record<AgreementStatus, string> = {
  interest: 'зацікавленість',
  talks: 'переговори',
  signed: 'підписана',
  'in-force': 'чинна',
  expired: 'строк дії минув',
  terminated: 'припинена',
};

export function statusLabel(status: AgreementStatus | undefined, lang: Lang): string {
  if (!status) return lang === 'en' ? 'unknown' : 'невідомий';
  return lang === 'en' ? status : STATUS_UK[status];
}

const NATO_EFFECT: Record<string, readonly [string, string]> = {
  ends: ['ends', 'припиняється'],
  continues: ['continues', 'продовжує діяти'],
  review: ['is reviewed', 'переглядається'],
};

export function natoEffectLabel(effect: string, lang: Lang): string {
  const labels = NATO_EFFECT[effect];
  if (!labels) return effect;
  return lang === 'en' ? labels[0] : labels[1];
}

function groupThousands(digits: string, separator: string): string {
  if (digits.length <= 3) return digits;
  const first = digits.length % 3 || 3;
  // Concatenated, not joined from a list: it runs for every amount in every finding's text.
  let out = digits.slice(0, first);
  for (let i = first; i < digits.length; i += 3) out += separator + digits.slice(i, i + 3);
  return out;
}

/** `/^0+$/.test(text)` without the regular expression. */
function allZeros(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 48) return false;
  return true;
}

/** A decimal string ("-1234567.5") for reading: "1,234,567.5" or "1 234 567,5". */
export function readableDecimal(decimal: string, lang: Lang): string {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction] = (negative ? decimal.slice(1) : decimal).split('.');
  const grouped = groupThousands(whole, lang === 'en' ? ',' : '\u00a0');
  const body = fraction ? `${grouped}${lang === 'en' ? '.' : ','}${fraction}` : grouped;
  return negative ? `-${body}` : body;
}

/** `formatScaled` without its intermediate strings (a test checks both agree): "1234.5" from 123450n at scale 2. */
export function formatMinor(value: bigint, scale: number): string {
  if (scale === 0) return value.toString();
  const negative = value < 0n;
  let digits = (negative ? -value : value).toString();
  if (digits.length <= scale) digits = digits.padStart(scale + 1, '0');
  const point = digits.length - scale;
  let end = digits.length;
  while (end > point && digits.charCodeAt(end - 1) === 48) end--;
  const text = end === point ? digits.slice(0, point) : `${digits.slice(0, point)}.${digits.slice(point, end)}`;
  return negative ? `-${text}` : text;
}

/** "EUR 1,234,567.50" / "1 234 567,50 EUR"; whole amounts without decimals. */
export function moneyText(minor: bigint, currency: string, lang: Lang): string {
  const scale = minorUnits(currency);
  const negative = minor < 0n;
  let digits = (negative ? -minor : minor).toString();
  if (digits.length <= scale) digits = digits.padStart(scale + 1, '0');
  const whole = groupThousands(digits.slice(0, digits.length - scale), lang === 'en' ? ',' : '\u00a0');
  const fraction = digits.slice(digits.length - scale);
  let number = scale === 0 || allZeros(fraction) ? whole : `${whole}${lang === 'en' ? '.' : ','}${fraction}`;
  if (negative) number = `-${number}`;
  return lang === 'en' ? `${currency} ${number}` : `${number} ${currency}`;
}

/** "12.5 aircraft (F-16)" / "12,5 aircraft (F-16)". */
export function quantityText(milli: bigint, unit: string | null, item: string | null, lang: Lang): string {
  const number = readableDecimal(formatScaled(milli, QUANTITY_SCALE), lang);
  const what = [unit ?? (lang === 'en' ? 'units' : 'од.'), item ? `(${item})` : ''].filter(Boolean).join(' ');
  return `${number} ${what}`;
}

/** A ratio of bigints as a percentage with one decimal: "62.5 %" / "62,5 %". */
export function percentText(numerator: bigint, denominator: bigint, lang: Lang): string {
  if (denominator === 0n) return lang === 'en' ? 'n/a' : 'н/д';
  const tenths = divideRounded(numerator * 1000n, denominator);
  const negative = tenths < 0n;
  const digits = (negative ? -tenths : tenths).toString().padStart(2, '0');
  const whole = groupThousands(digits.slice(0, -1), lang === 'en' ? ',' : '\u00a0');
  return `${negative ? '-' : ''}${whole}${lang === 'en' ? '.' : ','}${digits.slice(-1)} %`;
}

/** A number with up to 4 decimals ("0.6234" / "0,6234"). */
export function numberText(value: number, lang: Lang): string {
  const text = String(Math.round(value * 10_000) / 10_000);
  return lang === 'en' ? text : text.replace('.', ',');
}

/**
 * numerator / denominator rounded to 4 decimals, for display (ratios and shares). Computed in
 * floating point, which is deterministic; every threshold is decided on the exact integers instead.
 */
export function ratio4(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) return 0;
  return Math.round((Number(numerator) / Number(denominator)) * 10_000) / 10_000;
}

/** "a, b and c" / "a, b та c". */
export function listText(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'та'} ${items[items.length - 1] ?? ''}`;
}

/** Years as ranges: 2024–2026, 2029. */
export function yearsText(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] ?? 0) === (sorted[j] ?? 0) + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
