// Line-level patterns shared by the normaliser (which must not join a structural line onto the
// previous one) and the segmenter (which turns them into clauses). Kept in one place so both agree.

const ROMAN = '(?:X{0,3})(?:IX|IV|V?I{0,3})';

export const ARTICLE_LINE = new RegExp(
  `^(?:ARTICLE|Article|Art\\.)\\s+(${ROMAN}|\\d{1,3}|premier|PREMIER|1er)(?![\\p{L}\\d])\\.?\\s*(?:[-–—:.]\\s*)?(.*)$`,
  'u',
);
export const SECTION_WORD_LINE = new RegExp(
  `^(?:SECTION|Section|PART|Part|PARTIE|Partie|CHAPITRE|Chapitre|CHAPTER|Chapter|Розділ|РОЗДІЛ)\\s+(${ROMAN}|\\d{1,3})(?![\\p{L}\\d])\\.?\\s*(?:[-–—:.]\\s*)?(.*)$`,
  'u',
);
export const ROMAN_LINE = new RegExp(`^(${ROMAN})(?:\\.|\\s*[-–—:])(?:\\s+(.*))?$`, 'u');
export const ANNEX_LINE = /^(?:ANNEX|Annex|ANNEXE|Annexe|APPENDIX|Appendix|ДОДАТОК|Додаток)(?:\s+([A-Z]|[IVX]{1,4}|\d{1,2}))?(?![\p{L}\d])\.?\s*(?:[-–—:.]\s*)?(.*)$/u;
export const NUMBERED_LINE = /^(?:\((\d{1,3})\)|(\d{1,3}(?:\.\d{1,3})*)[.)])\s+(?=\S)|^(\d{1,3}\.\d{1,3}(?:\.\d{1,3})*)\s+(?=\S)/u;
export const LETTERED_LINE = /^(?:\(([a-z]{1,4})\)|([a-z])\))\s+(?=\S)/u;
export const LETTERED_DOT_LINE = /^([a-z])\.\s+(?=\S)/u;
export const BULLET_LINE = /^([•●▪◦·‣∙*\-–—])\s+(?=\S)/u;
export const MARKDOWN_HEADING = /^#{1,6}\s+/u;

export const CLOSING_LINE =
  /^(?:Done\s+(?:at|in)|Signed\s+(?:at|in|on)|Fait\s+(?:à|a|en)|IN WITNESS WHEREOF|In witness whereof|EN FOI DE QUOI|En foi de quoi|For the Government|On behalf of|For Ukraine|Pour le Gouvernement|Pour l['’]Ukraine|Вчинено|За Україну)(?![\p{L}])/u;

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** Value of a Roman numeral, or 0 when the string is not one. */
export function romanValue(numeral: string): number {
  if (!numeral || !new RegExp(`^${ROMAN}$`).test(numeral.toUpperCase())) return 0;
  let total = 0;
  const upper = numeral.toUpperCase();
  for (let i = 0; i < upper.length; i++) {
    const value = ROMAN_VALUES[upper[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[upper[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** A short title such as "Purpose and scope": no sentence punctuation at its end. */
export function isHeadingLike(rest: string): boolean {
  const trimmed = rest.trim();
  if (trimmed === '') return true;
  if (trimmed.length > 120) return false;
  if (/[.;,]$/u.test(trimmed) && !/\b(?:etc|Art|No)\.$/u.test(trimmed)) return false;
  return /^[\p{Lu}\d«"“(]/u.test(trimmed);
}

/** A stand-alone sub-heading line inside a body (never a clause). */
export function isSubHeading(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 80) return false;
  if (/[.;:,!?]$/u.test(trimmed)) return false;
  if (!/^[\p{Lu}]/u.test(trimmed)) return false;
  return trimmed.split(/\s+/u).length <= 10;
}

export function isAllCaps(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Lines that always begin a new logical paragraph. */
export function isStructuralLine(line: string): boolean {
  const body = line.replace(MARKDOWN_HEADING, '');
  if (NUMBERED_LINE.test(body) || LETTERED_LINE.test(body) || BULLET_LINE.test(body)) return true;
  const article = ARTICLE_LINE.exec(body);
  if (article && isHeadingLike(article[2] ?? '')) return true;
  const section = SECTION_WORD_LINE.exec(body);
  if (section && isHeadingLike(section[2] ?? '')) return true;
  const roman = ROMAN_LINE.exec(body);
  if (roman && roman[1] && isHeadingLike(roman[2] ?? '')) return true;
  const annex = ANNEX_LINE.exec(body);
  if (annex && isHeadingLike(annex[2] ?? '')) return true;
  return MARKDOWN_HEADING.test(line) || CLOSING_LINE.test(body);
}

/** Heading lines after which the next line never continues the same paragraph. */
export function isHeadingLine(line: string): boolean {
  const body = line.replace(MARKDOWN_HEADING, '');
  if (MARKDOWN_HEADING.test(line)) return true;
  const article = ARTICLE_LINE.exec(body);
  if (article && isHeadingLike(article[2] ?? '')) return true;
  const section = SECTION_WORD_LINE.exec(body);
  if (section && isHeadingLike(section[2] ?? '')) return true;
  const roman = ROMAN_LINE.exec(body);
  if (roman && roman[1] && isHeadingLike(roman[2] ?? '')) return true;
  const annex = ANNEX_LINE.exec(body);
  if (annex && isHeadingLike(annex[2] ?? '')) return true;
  return isAllCaps(body) && body.length <= 120;
}

const EN_NOT_PARTICIPLE = new Set(['During', 'Nothing', 'Notwithstanding', 'Everything', 'Anything', 'Something', 'Pending', 'Spring', 'King', 'Beijing', 'Thing', 'Bring', 'Sing', 'Ring']);
const FR_NOT_PARTICIPLE = new Set(['Pendant', 'Durant', 'Avant', 'Maintenant', 'Cependant', 'Néanmoins', 'Moyennant', 'Nonobstant']);
const RECITAL_WORDS = new Set([
  'Mindful', 'Convinced', 'Determined', 'Aware', 'Conscious', 'Committed', 'Resolved', 'Concerned', 'Deeply', 'Guided', 'Desirous', 'Recalling', 'Whereas', 'Considering',
  'Conscients', 'Convaincus', 'Déterminés', 'Résolus', 'Désireux', 'Vu', 'Guidés', 'Attachés', 'Soucieux', 'Engagés',
]);

/** First word of a recital: a participle or gerund ("Reaffirming", "Réaffirmant", "Визнаючи"). */
export function isRecitalStart(line: string): boolean {
  const word = /^[\p{L}'’]+/u.exec(line)?.[0] ?? '';
  if (!/^\p{Lu}/u.test(word)) return false;
  if (RECITAL_WORDS.has(word)) return true;
  if (/^\p{Lu}\p{Ll}{2,}ing$/u.test(word)) return !EN_NOT_PARTICIPLE.has(word);
  if (/^\p{Lu}\p{Ll}{2,}ant$/u.test(word)) return !FR_NOT_PARTICIPLE.has(word);
  return /^\p{Lu}\p{Ll}+(?:ючи|учи|ачи|ячи)$/u.test(word);
}

const OPERATIVE_VERBS = new Set(
  (
    'Commend Affirm Reaffirm Decide Agree Condemn Welcome Support Commit Call Recognise Recognize Underline Stress Note Express ' +
    'Intend Pledge Invite Encourage Emphasise Emphasize Urge Declare Resolve Confirm Acknowledge Reiterate Undertake Launch ' +
    'Endorse Establish Task Remain Continue Stand Seek Work Share Provide Promote Strengthen Assist Ensure Will Shall Request ' +
    'Demand Deplore Honour Honor Salute Applaud Look Agreed Decided Adopt Approve Instruct'
  ).split(' '),
);

/** Operative paragraph of a declaration led by a verb ("Commend…", "Décidons…"). */
export function isVerbLed(line: string): boolean {
  const word = /^[\p{L}'’]+/u.exec(line)?.[0] ?? '';
  if (OPERATIVE_VERBS.has(word)) return true;
  return (/^\p{Lu}\p{Ll}{2,}ons$/u.test(word) && !/(?:ti|si|xi|ssi)ons$/u.test(word)) || word === 'Nous';
}
