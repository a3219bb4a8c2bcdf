// Finds figures in one clause: money, shares of GDP, periods, durations, consultation deadlines,
// notice periods, the effect of NATO accession and item quantities. Spans are offsets into the
// clause text; `documentSpan` adds the clause's own start when the clause carries one.
import { isCurrencyCode } from '../money/currency.js';
import type { Qualifier } from '../schema/common.js';
import { NUMBER, NUMBER_WORD, SCALE, countValue, scaleDecimal, scalePower, shiftDecimal } from './numbers.js';

export type ExtractionKind =
  | 'money'
  | 'gdp-share'
  | 'period'
  | 'duration'
  | 'consultation-deadline'
  | 'notice-period'
  | 'nato-accession'
  | 'quantity';

export type MoneyValue = {
  /** Decimal string in major units, exact: "2500000000". */
  amount: string;
  currency: string;
  qualifier?: Qualifier;
  perYear?: boolean;
};
export type GdpShareValue = {
  fraction: string;
  qualifier?: Qualifier;
  perYear?: boolean;
};
export type PeriodValue = {
  from: string;
  to: string;
};
export type DurationValue = {
  years: number;
};
export type ConsultationValue = {
  withinHours: number;
  bestEffort?: boolean;
};
export type NoticeValue = {
  months: number;
};
export type NatoAccessionValue = {
  effect: 'ends' | 'continues' | 'review';
};
export type QuantityValue = {
  value: number;
  item: string;
  qualifier?: Qualifier;
};

interface ValueOf {
  money: MoneyValue;
  'gdp-share': GdpShareValue;
  period: PeriodValue;
  duration: DurationValue;
  'consultation-deadline': ConsultationValue;
  'notice-period': NoticeValue;
  'nato-accession': NatoAccessionValue;
  quantity: QuantityValue;
}

export interface Span {
  start: number;
  end: number;
}

export type Extraction = {
  [K in ExtractionKind]: {
    kind: K;
    /** Offsets into the clause text. */
    span: Span;
    /** Offsets into the document, when the clause's `start` was given. */
    documentSpan?: Span;
    /** Exactly `clause.text.slice(span.start, span.end)`. */
    text: string;
    value: ValueOf[K];
  };
}[ExtractionKind];

export interface ClauseText {
  text: string;
  /** Offset of the clause text in its document. */
  start?: number;
}

const QUALIFIER_AT_LEAST = String.raw`at\s+least|a\s+minimum\s+of|no\s+less\s+than|not\s+less\s+than|au\s+moins|au\s+minimum|не\s+менше\s+ніж|щонайменше`;
const QUALIFIER_UP_TO = String.raw`up\s+to|a\s+maximum\s+of|not\s+exceeding|no\s+more\s+than|jusqu['’]à|до`;
const QUALIFIER_APPROX = String.raw`approximately|around|about|some|roughly|nearly|almost|environ|près\s+de|quelque|близько|приблизно`;
const QUALIFIER = String.raw`(?:(?<atLeast>${QUALIFIER_AT_LEAST})|(?<upTo>${QUALIFIER_UP_TO})|(?<approx>${QUALIFIER_APPROX}))\s+`;

const PREFIX_CURRENCY: Record<string, string> = {
  '£': 'GBP', '€': 'EUR', $: 'USD', US$: 'USD', 'C$': 'CAD', 'CA$': 'CAD', 'A$': 'AUD', '¥': 'JPY', '₴': 'UAH', 'kr': 'SEK',
};
const SYMBOL = String.raw`US\$|C\$|CA\$|A\$|[£€$¥₴]`;
const CODE = String.raw`[A-Z]{3}`;

const WORD_CURRENCIES: [RegExp, string][] = [
  [/^(?:euros?|EUR|євро)$/iu, 'EUR'],
  [/^(?:(?:pounds?|livres?)(?:\s+sterling)?|sterling)$/iu, 'GBP'],
  [/^(?:(?:US|American|U\.S\.)\s+dollars?|dollars?\s+(?:américains|US)|доларів(?:\s+США)?)$/iu, 'USD'],
  [/^(?:Canadian\s+dollars?|dollars?\s+canadiens)$/iu, 'CAD'],
  [/^(?:Australian\s+dollars?)$/iu, 'AUD'],
  [/^(?:dollars?)$/iu, 'USD'],
  [/^(?:(?:Swedish\s+)?kronor|couronnes\s+suédoises)$/iu, 'SEK'],
  [/^(?:Norwegian\s+kroner|couronnes\s+norvégiennes)$/iu, 'NOK'],
  [/^(?:Danish\s+kroner|couronnes\s+danoises)$/iu, 'DKK'],
  [/^(?:yen)$/iu, 'JPY'],
  [/^(?:hryvnias?|гривень|гривні)$/iu, 'UAH'],
  [/^(?:zlot(?:y|ys|ies)|złotych)$/iu, 'PLN'],
  [/^(?:Swiss\s+francs?|francs?\s+suisses)$/iu, 'CHF'],
];
const CURRENCY_WORD = String.raw`(?:US|American|U\.S\.|Canadian|Australian)\s+dollars?|dollars?(?:\s+(?:américains|US|canadiens))?|euros?|EUR|євро|(?:pounds?|livres?)(?:\s+sterling)?|sterling|(?:Swedish\s+)?kronor|Norwegian\s+kroner|Danish\s+kroner|couronnes\s+(?:suédoises|norvégiennes|danoises)|yen|hryvnias?|гривень|гривні|доларів(?:\s+США)?|zlot(?:y|ys|ies)|złotych|Swiss\s+francs?|francs?\s+suisses|[A-Z]{3}`;

const MONEY_PREFIXED = new RegExp(
  String.raw`(?:${QUALIFIER})?(?<![\p{L}])(?<cur>${SYMBOL}|${CODE})\s?(?<num>${NUMBER})(?:\s?(?<scale>${SCALE})(?![\p{L}]))?`,
  'gu',
);
const MONEY_SUFFIXED = new RegExp(
  String.raw`(?:${QUALIFIER})?(?<num>${NUMBER})(?:\s?(?<scale>${SCALE})(?![\p{L}]))?\s(?:(?:de\s+|d['’]\s?)|of\s+)?(?<word>${CURRENCY_WORD})(?![\p{L}])`,
  'gu',
);
const PER_YEAR_AFTER = /^(?:\s*(?:,\s*)?(?:per\s+(?:year|annum)|a\s+year|each\s+year|every\s+year|annually|yearly|par\s+an|chaque\s+année|annuellement|par\s+année|щороку|на\s+рік))/iu;
const PER_YEAR_BEFORE = /(?:annual(?:ly)?|yearly|each\s+year|every\s+year|per\s+year|annuel(?:le)?(?:ment)?|chaque\s+année|щорічн\p{L}*)\s+(?:\p{L}+\s+){0,4}$/iu;

function qualifierOf(groups: Record<string, string | undefined>): Qualifier | undefined {
  if (groups.atLeast) return 'at-least';
  if (groups.upTo) return 'up-to';
  if (groups.approx) return 'approximate';
  return undefined;
}

function currencyFromWord(word: string): string | undefined {
  const trimmed = word.replace(/\s+/gu, ' ').trim();
  for (const [pattern, code] of WORD_CURRENCIES) if (pattern.test(trimmed)) return code;
  return /^[A-Z]{3}$/u.test(trimmed) && isCurrencyCode(trimmed) ? trimmed : undefined;
}

function isPerYear(text: string, start: number, end: number): boolean {
  return PER_YEAR_AFTER.test(text.slice(end, end + 30)) || PER_YEAR_BEFORE.test(text.slice(Math.max(0, start - 60), start));
}

interface Found {
  start: number;
  end: number;
}

function overlaps(found: Found[], start: number, end: number): boolean {
  return found.some((f) => start < f.end && f.start < end);
}

function extractMoney(text: string, out: Extraction[], taken: Found[]): void {
  const candidates: { start: number; end: number; value: MoneyValue }[] = [];
  for (const pattern of [MONEY_PREFIXED, MONEY_SUFFIXED]) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const groups = match.groups ?? {};
      const code = groups.cur !== undefined ? (PREFIX_CURRENCY[groups.cur] ?? groups.cur) : currencyFromWord(groups.word ?? '');
      if (!code || !isCurrencyCode(code)) continue;
      const num = groups.num ?? '';
      // A year is not an amount ("EUR in 2024" never matches, but "2024 euros" would).
      if (!groups.scale && /^(?:19|20)\d\d$/u.test(num) && groups.cur === undefined) continue;
      const amount = scaleDecimal(num, scalePower(groups.scale));
      if (amount === null) continue;
      const start = match.index;
      let end = start + match[0].length;
      while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
      const qualifier = qualifierOf(groups);
      const perYear = isPerYear(text, start, end);
      candidates.push({ start, end, value: { amount, currency: code, ...(qualifier ? { qualifier } : {}), ...(perYear ? { perYear } : {}) } });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const candidate of candidates) {
    if (overlaps(taken, candidate.start, candidate.end)) continue;
    taken.push(candidate);
    out.push({ kind: 'money', span: { start: candidate.start, end: candidate.end }, text: text.slice(candidate.start, candidate.end), value: candidate.value });
  }
}

const GDP = new RegExp(
  String.raw`(?:${QUALIFIER})?(?<num>${NUMBER})\s?(?:%|per\s?cent|percent|pour\s?cent|відсотк\p{L}*)\s+(?:of\s+(?:(?:its|their|our|the|his|her|national)\s+)*(?:GDP|gross\s+domestic\s+product)|(?:du|de\s+son|de\s+leur|de\s+notre)\s+(?:PIB|produit\s+intérieur\s+brut)|ВВП)`,
  'giu',
);

function extractGdp(text: string, out: Extraction[], taken: Found[]): void {
  for (const match of text.matchAll(GDP)) {
    const groups = match.groups ?? {};
    const fraction = shiftDecimal(groups.num ?? '', 2);
    if (fraction === null) continue;
    const start = match.index;
    const end = start + match[0].length;
    taken.push({ start, end });
    const qualifier = qualifierOf(groups);
    const perYear = isPerYear(text, start, end);
    out.push({ kind: 'gdp-share', span: { start, end }, text: match[0], value: { fraction, ...(qualifier ? { qualifier } : {}), ...(perYear ? { perYear } : {}) } });
  }
}

const YEAR = String.raw`(?:19|20)\d\d`;
const PERIOD_RANGE = new RegExp(
  String.raw`(?:(?<prep>from|between|de|du|entre|з|від)\s+)?(?<from>${YEAR})\s*(?:(?<dash>[–—-])|\s(?<word>to|until|through|till|and|à|au|et|jusqu['’]en|по|до)\s)\s*(?<to>${YEAR})(?!\d)`,
  'giu',
);
const PERIOD_YEAR = new RegExp(
  String.raw`(?<![\p{L}])(?:in|for|during|throughout|en|pour|durant|pendant|у|в)\s+(?:the\s+year\s+|l['’]année\s+|(?:calendar|fiscal)\s+year\s+)?(?<year>${YEAR})(?![\d–—-])`,
  'giu',
);

function extractPeriods(text: string, out: Extraction[], taken: Found[]): void {
  const periodTaken: Found[] = [];
  for (const match of text.matchAll(PERIOD_RANGE)) {
    const groups = match.groups ?? {};
    if (!groups.dash && !groups.prep && !/^(?:to|until|through|till|à|au|jusqu)/iu.test(groups.word ?? '')) continue;
    const from = groups.from ?? '';
    const to = groups.to ?? '';
    if (to < from) continue;
    const start = match.index;
    const end = start + match[0].length;
    if (overlaps(taken, start, end)) continue;
    periodTaken.push({ start, end });
    out.push({ kind: 'period', span: { start, end }, text: match[0], value: { from: `${from}-01-01`, to: `${to}-12-31` } });
  }
  for (const match of text.matchAll(PERIOD_YEAR)) {
    const year = match.groups?.year ?? '';
    const start = match.index;
    const end = start + match[0].length;
    if (overlaps(periodTaken, start, end) || overlaps(taken, start, end)) continue;
    out.push({ kind: 'period', span: { start, end }, text: match[0], value: { from: `${year}-01-01`, to: `${year}-12-31` } });
  }
}

const COUNT = String.raw`(?:${NUMBER_WORD}|\d{1,3})(?:\s*\(\d{1,3}\))?`;
const DURATION = new RegExp(
  String.raw`(?:(?:for|over)\s+(?:a\s+(?:period|term)\s+of\s+|the\s+(?:next|following)\s+)?|(?:pour|pendant)\s+(?:une\s+(?:durée|période)\s+de\s+)?|(?:durée|période)\s+de\s+|(?:на|протягом)\s+(?:строк\s+)?)(?<n>${COUNT})\s+(?:(?:further|additional|more)\s+)?(?:years?|ans|années|років|роки)(?![\p{L}])|(?<![\p{L}-])(?<n2>${COUNT})-year(?![\p{L}])`,
  'giu',
);

function extractDurations(text: string, out: Extraction[]): void {
  for (const match of text.matchAll(DURATION)) {
    const years = countValue(match.groups?.n ?? match.groups?.n2 ?? '');
    if (years === undefined || years <= 0 || years > 100) continue;
    out.push({ kind: 'duration', span: { start: match.index, end: match.index + match[0].length }, text: match[0], value: { years } });
  }
}

const BEST_EFFORT = String.raw`(?:(?:where|when|wherever|if)\s+possible|as\s+a\s+rule|normally|si\s+possible|dans\s+la\s+mesure\s+du\s+possible|autant\s+que\s+possible|по\s+можливості|за\s+можливості)`;
const DEADLINE = new RegExp(
  String.raw`(?:(?<best>${BEST_EFFORT}),?\s+)?(?:within|no\s+later\s+than|dans\s+les|dans\s+un\s+délai\s+de|sous|протягом|впродовж)\s+(?<n>${COUNT})\s+(?:hours|heures|годин)(?![\p{L}])`,
  'giu',
);

function extractDeadlines(text: string, out: Extraction[]): void {
  for (const match of text.matchAll(DEADLINE)) {
    const hours = countValue(match.groups?.n ?? '');
    if (hours === undefined) continue;
    const bestEffort = match.groups?.best !== undefined || new RegExp(`${BEST_EFFORT},?\\s*$`, 'iu').test(text.slice(Math.max(0, match.index - 40), match.index));
    out.push({ kind: 'consultation-deadline', span: { start: match.index, end: match.index + match[0].length }, text: match[0], value: { withinHours: hours, ...(bestEffort ? { bestEffort } : {}) } });
  }
}

const NOTICE = new RegExp(
  String.raw`(?<n>${COUNT})\s+(?:calendar\s+)?months?['’]?\s+(?:(?:prior\s+)?written\s+|advance\s+|prior\s+)?notice|(?<n2>${COUNT})\s+(?:calendar\s+)?months?\s+(?:after|following|from)\s+(?:the\s+)?(?:date\s+(?:of\s+)?(?:the\s+)?)?(?:receipt|notification|written\s+notification|notice|delivery|the\s+other)|préavis\s+(?:écrit\s+)?de\s+(?<n3>${COUNT})\s+mois|(?<n4>${COUNT})\s+mois\s+(?:après|à\s+compter)|через\s+(?<n5>${COUNT})\s+місяц\p{L}*`,
  'giu',
);

function extractNotice(text: string, out: Extraction[]): void {
  for (const match of text.matchAll(NOTICE)) {
    const g = match.groups ?? {};
    const months = countValue(g.n ?? g.n2 ?? g.n3 ?? g.n4 ?? g.n5 ?? '');
    if (months === undefined) continue;
    out.push({ kind: 'notice-period', span: { start: match.index, end: match.index + match[0].length }, text: match[0], value: { months } });
  }
}

const ACCESSION = /(?:accession|membership|accede|accedes|becomes?\s+(?:a\s+)?(?:full\s+)?member|joins|adhésion|devient\s+membre|adhère|вступ\p{L}*|член\p{L}*)[^.;]{0,60}?(?:NATO|North\s+Atlantic\s+Treaty\s+Organi[sz]ation|OTAN|НАТО)|(?:NATO|OTAN|НАТО)\s+(?:accession|membership)/giu;
const EFFECT_REVIEW = /\b(?:review|revise|reconsider|re-?examine|re-?assess|determine|decide\s+on|consult\s+on)\b[^.;]{0,60}\b(?:future|status|agreement|arrangement|accord|relationship)|réexamin\p{L}*|réévalu\p{L}*|переглян\p{L}*/iu;
const EFFECT_ENDS = /(?:cease|terminate|terminates|expire|expires|end\b|ends\b|no\s+longer|prendra\s+fin|prend\s+fin|cesse\p{L}*|expire\p{L}*|припиня\p{L}*|втрача\p{L}*)/iu;
const EFFECT_UNTIL = /(?:\buntil\b|\btill\b|jusqu['’]à|до\s+(?:моменту|набуття|вступу))/iu;
const EFFECT_CONTINUES = /(?:remain\s+in\s+(?:force|effect)|continue|shall\s+not\s+(?:affect|end)|not\s+affect|rester?\s+en\s+vigueur|demeure\p{L}*|continue\p{L}*|залиша\p{L}*\s+чинн\p{L}*)/iu;

function sentenceBounds(text: string, index: number): Found {
  let start = index;
  while (start > 0 && !/[.;]/u.test(text[start - 1] ?? '')) start--;
  let end = index;
  while (end < text.length && !/[.;]/u.test(text[end] ?? '')) end++;
  return { start, end };
}

function extractNato(text: string, out: Extraction[]): void {
  const seen = new Set<number>();
  for (const match of text.matchAll(ACCESSION)) {
    const sentence = sentenceBounds(text, match.index);
    if (seen.has(sentence.start)) continue;
    const words = text.slice(sentence.start, sentence.end);
    const beforeAccession = text.slice(sentence.start, match.index);
    let effect: NatoAccessionValue['effect'] | undefined;
    if (EFFECT_REVIEW.test(words)) effect = 'review';
    else if (EFFECT_UNTIL.test(beforeAccession.slice(-40))) effect = 'ends';
    else if (EFFECT_ENDS.test(words)) effect = 'ends';
    else if (EFFECT_CONTINUES.test(words)) effect = 'continues';
    if (!effect) continue;
    seen.add(sentence.start);
    let start = sentence.start;
    while (start < sentence.end && /\s/u.test(text[start] ?? '')) start++;
    out.push({ kind: 'nato-accession', span: { start, end: sentence.end }, text: text.slice(start, sentence.end), value: { effect } });
  }
}

const ITEM_NOUN = String.raw`aircraft|soldiers?|troops|servicemen|pilots?|jets?|fighters?|helicopters?|tanks?|howitzers?|systems?|launchers?|drones?|UAVs?|vehicles?|shells?|rounds?|missiles?|boats?|vessels?|ships?|batteries|radars?|minehunters?|avions?|chars|systèmes?|obus|véhicules?|canons?|hélicoptères?|navires?|lanceurs?|radars?|літак\p{L}*|танк\p{L}*|систем\p{L}*|дрон\p{L}*|снаряд\p{L}*`;
const QUANTITY = new RegExp(
  String.raw`(?:${QUALIFIER})?(?<![\p{L}\d.,])(?<num>${NUMBER_WORD}|${NUMBER})(?:\s+(?<scale>million|millions|thousand|mille|millions?\s+de|млн))?\s+(?<item>(?:(?!(?:and|or|of|the|in|for|with|to|et|ou|de|des|du|à)\s)(?:[\p{Lu}\d][\p{L}\d-]*|[\p{Ll}-]+)\s+){0,3}(?:${ITEM_NOUN}))(?![\p{L}])`,
  'gu',
);
const ITEM_EXCLUDE = /^(?:years?|months?|days?|hours?|ans|mois|per|of|the)\b/iu;

function extractQuantities(text: string, out: Extraction[], taken: Found[]): void {
  for (const match of text.matchAll(QUANTITY)) {
    const groups = match.groups ?? {};
    const num = groups.num ?? '';
    const item = (groups.item ?? '').replace(/\s+/gu, ' ');
    const start = match.index;
    const end = start + match[0].length;
    if (overlaps(taken, start, end) || ITEM_EXCLUDE.test(item)) continue;
    if (/^(?:19|20)\d\d$/u.test(num)) continue;
    if (/\b(?:of|the|and|or|de|des|et|in|for|to|with)\b/iu.test(item.split(' ').slice(0, -1).join(' '))) continue;
    const base = countValue(num);
    if (base === undefined) continue;
    const scaled = groups.scale ? scaleDecimal(/\d/u.test(num) ? num : String(base), scalePower(groups.scale.split(/\s/u)[0])) : null;
    const value = scaled !== null ? Number(scaled) : base;
    const qualifier = qualifierOf(groups);
    taken.push({ start, end });
    out.push({ kind: 'quantity', span: { start, end }, text: match[0], value: { value, item, ...(qualifier ? { qualifier } : {}) } });
  }
}

/** Every figure found in the clause, in order of position. */
export function extractFromClause(clause: ClauseText | string): Extraction[] {
  const text = typeof clause === 'string' ? clause : clause.text;
  const offset = typeof clause === 'string' ? undefined : clause.start;
  const out: Extraction[] = [];
  const taken: Found[] = [];
  extractGdp(text, out, taken);
  extractMoney(text, out, taken);
  extractPeriods(text, out, taken);
  extractDurations(text, out);
  extractDeadlines(text, out);
  extractNotice(text, out);
  extractNato(text, out);
  extractQuantities(text, out, taken);
  out.sort((a, b) => a.span.start - b.span.start || a.kind.localeCompare(b.kind));
  if (offset !== undefined) {
    for (const extraction of out) extraction.documentSpan = { start: extraction.span.start + offset, end: extraction.span.end + offset };
  }
  return out;
}

/** A canonical string for comparing two values of the same kind (key order fixed). */
export function valueKey(extraction: Pick<Extraction, 'kind' | 'value'>): string {
  const value = extraction.value as unknown as Record<string, unknown>;
  const keys = Object.keys(value).filter((key) => value[key] !== undefined && value[key] !== false).sort();
  return `${extraction.kind}:${keys.map((key) => `${key}=${JSON.stringify(value[key])}`).join(',')}`;
}
