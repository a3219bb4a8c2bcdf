// Splits a normalised agreement text into clauses whose references follow the document's own
// numbering. Works line by line over logical paragraphs (the normaliser has already rejoined
// broken lines); every non-blank character ends up in exactly one clause or one skipped span.
import {
  ANNEX_LINE,
  ARTICLE_LINE,
  BULLET_LINE,
  CLOSING_LINE,
  LETTERED_DOT_LINE,
  LETTERED_LINE,
  MARKDOWN_HEADING,
  NUMBERED_LINE,
  ROMAN_LINE,
  SECTION_WORD_LINE,
  isHeadingLike,
  isRecitalStart,
  isSubHeading,
  isVerbLed,
  romanValue,
} from './markers.js';
import { normaliseText } from './normalise.js';

export type ClauseKind = 'recital' | 'section' | 'article' | 'paragraph' | 'item' | 'bullet' | 'annex';

export interface SegmentedClause {
  /** Unique in the document: `R1`, `P2`, `I.1`, `II.6(a)`, `II.6(a)-1`, `Art. I(1)`, `Annex.2`. */
  ref: string;
  /** The marker as printed ("1.", "(a)", "•"); absent for recitals and unnumbered paragraphs. */
  label?: string;
  /** Title of the enclosing article or section, or the latest sub-heading above the clause. */
  heading?: string;
  /** Exactly `text.slice(start, end)` of the normalised text: the body after the marker. */
  text: string;
  start: number;
  end: number;
  kind: ClauseKind;
  parentRef?: string;
}

export type SkippedKind = 'title' | 'preamble' | 'heading' | 'marker' | 'closing';

/** Non-clause material: markers, headings, the preamble's formulae, signature blocks. */
export interface SkippedSpan {
  start: number;
  end: number;
  kind: SkippedKind;
}

export interface SegmentOptions {
  /** The input is already the output of `normaliseText`; default false (it is normalised here). */
  normalised?: boolean;
}

export interface Segmentation {
  /** The normalised text all spans point into. */
  text: string;
  clauses: SegmentedClause[];
  skipped: SkippedSpan[];
  warnings: string[];
}

interface Container {
  kind: 'article' | 'section' | 'annex';
  ref: string;
  heading?: string;
  /** Ref prefix for numbered paragraphs: `Art. I(` style or `I.` style. */
  paragraphRef: (number: string) => string;
  clauseCount: number;
}

interface Line {
  start: number;
  end: number;
  body: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') lines.push({ start: offset + leading, end: offset + leading + trimmed.length, body: trimmed });
    offset += raw.length + 1;
  }
  return lines;
}

const ROMAN_ITEMS = new Set(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii']);

function nextLetter(letter: string): string {
  return String.fromCharCode(letter.charCodeAt(letter.length - 1) + 1);
}

function articleNumber(raw: string): string {
  return /^(?:premier|PREMIER|1er)$/u.test(raw) ? '1' : raw;
}

/** Splits `text` into clauses (normalising it first unless told it already is). */
export function segmentClauses(input: string, options: SegmentOptions = {}): Segmentation {
  const text = options.normalised ? input : normaliseText(input);
  const clauses: SegmentedClause[] = [];
  const skipped: SkippedSpan[] = [];
  const warnings: string[] = [];
  const refs = new Map<string, number>();

  let container = null as Container | null;
  let paragraph = null as SegmentedClause | null;
  let item = null as SegmentedClause | null;
  let subItem = null as SegmentedClause | null;
  let last = null as SegmentedClause | null;
  let subHeading: string | undefined;
  let closing = false;
  let operativeSeen = false;
  let operativeFormula = false;
  let recitals = 0;
  let unnumbered = 0;
  let lastParagraphNumber = 0;
  const bulletCounts = new Map<string, number>();
  const unnumberedCounts = new Map<string, number>();
  let pendingContainerHeading = false;
  let materialSinceLast = false;

  const skip = (start: number, end: number, kind: SkippedKind): void => {
    if (end > start) skipped.push({ start, end, kind });
    materialSinceLast = true;
  };

  const uniqueRef = (ref: string, at: number): string => {
    const seen = refs.get(ref) ?? 0;
    refs.set(ref, seen + 1);
    if (seen === 0) return ref;
    warnings.push(`duplicate reference "${ref}" at offset ${at}; kept as "${ref}~${seen + 1}"`);
    return `${ref}~${seen + 1}`;
  };

  const add = (
    line: Line,
    bodyStart: number,
    kind: ClauseKind,
    ref: string,
    label: string | undefined,
    parentRef: string | undefined,
  ): SegmentedClause => {
    if (bodyStart > line.start) skip(line.start, bodyStart, 'marker');
    const heading = subHeading ?? container?.heading;
    const clause: SegmentedClause = {
      ref: uniqueRef(ref, line.start),
      ...(label !== undefined ? { label } : {}),
      ...(heading !== undefined ? { heading } : {}),
      text: text.slice(bodyStart, line.end),
      start: bodyStart,
      end: line.end,
      kind,
      ...(parentRef !== undefined ? { parentRef } : {}),
    };
    clauses.push(clause);
    if (container) container.clauseCount++;
    last = clause;
    materialSinceLast = false;
    pendingContainerHeading = false;
    return clause;
  };

  const openContainer = (line: Line, next: Container, rest: string, restStart: number): void => {
    container = next;
    paragraph = item = subItem = last = null;
    subHeading = undefined;
    operativeSeen = true;
    closing = false;
    const title = rest.trim();
    if (title !== '') next.heading = title;
    pendingContainerHeading = title === '';
    skip(line.start, line.end, 'heading');
    void restStart;
  };

  for (const line of splitLines(text)) {
    const markdown = MARKDOWN_HEADING.exec(line.body)?.[0].length ?? 0;
    const body = line.body.slice(markdown);
    const bodyOffset = line.start + markdown;

    const annex = ANNEX_LINE.exec(body);
    if (annex && isHeadingLike(annex[2] ?? '') && (annex[2] ?? '').length <= 100) {
      const ref = annex[1] ? `Annex ${annex[1]}` : 'Annex';
      openContainer(line, { kind: 'annex', ref, paragraphRef: (n) => `${ref}.${n}`, clauseCount: 0 }, annex[2] ?? '', bodyOffset);
      continue;
    }
    if (closing) {
      skip(line.start, line.end, 'closing');
      continue;
    }
    if (CLOSING_LINE.test(body) && (operativeSeen || clauses.length > 0)) {
      closing = true;
      skip(line.start, line.end, 'closing');
      continue;
    }
    const article = ARTICLE_LINE.exec(body);
    if (article && isHeadingLike(article[2] ?? '')) {
      const ref = `Art. ${articleNumber(article[1] ?? '')}`;
      openContainer(line, { kind: 'article', ref, paragraphRef: (n) => `${ref}(${n})`, clauseCount: 0 }, article[2] ?? '', bodyOffset);
      continue;
    }
    const sectionWord = SECTION_WORD_LINE.exec(body);
    const roman = sectionWord ? null : ROMAN_LINE.exec(body);
    const sectionMatch = sectionWord ?? (roman && romanValue(roman[1] ?? '') > 0 ? roman : null);
    if (sectionMatch && isHeadingLike(sectionMatch[2] ?? '')) {
      const ref = sectionMatch[1] ?? '';
      openContainer(line, { kind: 'section', ref, paragraphRef: (n) => `${ref}.${n}`, clauseCount: 0 }, sectionMatch[2] ?? '', bodyOffset);
      continue;
    }

    const numbered = NUMBERED_LINE.exec(body);
    if (numbered) {
      const number = numbered[1] ?? numbered[2] ?? numbered[3] ?? '';
      const whole = Number.parseInt(number, 10);
      if (!number.includes('.') && lastParagraphNumber > 0 && whole !== lastParagraphNumber + 1 && whole !== 1) {
        warnings.push(`paragraph numbering jumps from ${lastParagraphNumber} to ${whole} at offset ${line.start}`);
      }
      if (!number.includes('.')) lastParagraphNumber = whole;
      const ref = container ? container.paragraphRef(number) : number;
      operativeSeen = true;
      paragraph = add(line, bodyOffset + numbered[0].length, 'paragraph', ref, numbered[0].trim(), container?.ref);
      item = subItem = null;
      continue;
    }

    const lettered = LETTERED_LINE.exec(body) ?? (paragraph || container ? LETTERED_DOT_LINE.exec(body) : null);
    if (lettered) {
      const label = lettered[1] ?? lettered[2] ?? '';
      const itemLetter = item ? /\(([a-z]{1,4})\)$/u.exec(item.ref)?.[1] : undefined;
      const isRomanSub = item !== null && ROMAN_ITEMS.has(label) && (itemLetter === undefined || label !== nextLetter(itemLetter));
      operativeSeen = true;
      if (isRomanSub && item) {
        subItem = add(line, bodyOffset + lettered[0].length, 'item', `${item.ref}(${label})`, lettered[0].trim(), item.ref);
      } else {
        const parent = paragraph ?? (container ? null : last);
        const parentRef = parent?.ref ?? container?.ref;
        item = add(line, bodyOffset + lettered[0].length, 'item', `${parentRef ?? ''}(${label})`, lettered[0].trim(), parentRef);
        subItem = null;
      }
      continue;
    }

    const bullet = BULLET_LINE.exec(body);
    if (bullet) {
      const parentRef = (subItem ?? item ?? paragraph)?.ref ?? container?.ref ?? last?.ref ?? 'B';
      const count = (bulletCounts.get(parentRef) ?? 0) + 1;
      bulletCounts.set(parentRef, count);
      add(line, bodyOffset + bullet[0].length, 'bullet', `${parentRef}-${count}`, bullet[1], parentRef);
      continue;
    }

    if (markdown > 0) {
      skip(line.start, line.end, 'heading');
      if (operativeSeen) subHeading = body;
      continue;
    }

    if (!operativeSeen && isRecitalStart(body)) {
      recitals++;
      add(line, bodyOffset, 'recital', `R${recitals}`, undefined, undefined);
      continue;
    }

    const containerTitle = container !== null && pendingContainerHeading && container.heading === undefined;
    if (isSubHeading(body) && (containerTitle || !isVerbLed(body))) {
      if (container && containerTitle) container.heading = body;
      else if (operativeSeen) subHeading = body;
      skip(line.start, line.end, !operativeSeen && clauses.length === 0 ? 'title' : 'heading');
      continue;
    }

    if (container) {
      if (last && !materialSinceLast) {
        extend(last, line);
        continue;
      }
      if (container.clauseCount === 0) {
        add(line, bodyOffset, container.kind, container.ref, undefined, undefined);
        continue;
      }
      const count = (unnumberedCounts.get(container.ref) ?? 0) + 1;
      unnumberedCounts.set(container.ref, count);
      add(line, bodyOffset, 'paragraph', `${container.ref}.P${count}`, undefined, container.ref);
      continue;
    }

    // Top level, outside any article or section.
    const lastClause: SegmentedClause | null = last;
    if (lastClause && lastClause.kind !== 'recital' && !lastClause.ref.startsWith('P') && !materialSinceLast) {
      extend(lastClause, line);
      continue;
    }
    if (isVerbLed(body) || operativeFormula || unnumbered > 0 || (lastClause !== null && lastClause.kind !== 'recital')) {
      unnumbered++;
      operativeSeen = true;
      paragraph = add(line, bodyOffset, 'paragraph', `P${unnumbered}`, undefined, undefined);
      item = subItem = null;
      continue;
    }
    skip(line.start, line.end, clauses.length === 0 && recitals === 0 && skipped.length === 0 ? 'title' : 'preamble');
    if (/:$/u.test(body) && recitals > 0) operativeFormula = true;
  }

  function extend(clause: SegmentedClause, line: Line): void {
    clause.end = line.end;
    clause.text = text.slice(clause.start, clause.end);
  }

  if (clauses.length === 0) warnings.push('no clauses found');
  return { text, clauses, skipped, warnings };
}
