// Repairs what PDF and word-processor exports do to a text before it is segmented: running
// headers and footers, page numbers, lines broken inside a sentence, words hyphenated at a line
// end. Everything downstream (clause spans, extraction spans) counts characters in its output.
import { isHeadingLine, isRecitalStart, isStructuralLine, isVerbLed } from './markers.js';

export interface RemovedLine {
  /** The line as it stood (trimmed). */
  line: string;
  reason: 'page-number' | 'running-header' | 'running-footer';
  page: number;
}

export interface NormalisedText {
  text: string;
  removed: RemovedLine[];
  pages: number;
}

const PAGE_NUMBER = [
  /^[-–—]?\s*\d{1,4}\s*[-–—]?$/u,
  /^(?:page|p\.|seite|сторінка|стор\.)\s*\d{1,4}(?:\s*(?:of|sur|de|\/|з|із)\s*\d{1,4})?$/iu,
  /^\d{1,4}\s*\/\s*\d{1,4}$/u,
  /^\[\s*\d{1,4}\s*\]$/u,
];

function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.some((pattern) => pattern.test(line));
}

function headerKey(line: string): string {
  return line.toLowerCase().replace(/\d+/gu, '#').replace(/\s+/gu, ' ');
}

const EDGE = 3;

function edgeIndices(lines: string[]): { top: number[]; bottom: number[] } {
  const top: number[] = [];
  const bottom: number[] = [];
  for (let i = 0; i < lines.length && top.length < EDGE; i++) if (lines[i] !== '') top.push(i);
  for (let i = lines.length - 1; i >= 0 && bottom.length < EDGE; i--) if (lines[i] !== '') bottom.push(i);
  return { top, bottom };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

const TERMINAL = /[.;:!?…]["'”’»)\]]*$/u;
const CONNECTING = /(?:,|\b(?:and|or|of|the|a|an|to|in|for|with|by|on|at|from|its|their|et|ou|de|du|des|la|le|les|à|au|aux|pour|par|sur|en|dans|avec|та|і|й|з|у|в|на|до))$/iu;

/** Full repair, with the lines that were dropped and why. Deterministic; no I/O. */
export function normaliseTextDetailed(raw: string): NormalisedText {
  let text = raw.normalize('NFC').replace(/\r\n?/gu, '\n');
  text = text.replace(/[\u00a0\u202f\u2007\t\v]/gu, ' ').replace(/\u200b|\u200c|\u200d|\u2060|\ufeff/gu, '');
  // A soft hyphen before a line break is a hyphenation point: the word continues on the next line.
  text = text.replace(/\u00ad *\n */gu, '').replace(/\u00ad/gu, '');
  const removed: RemovedLine[] = [];
  const pages = text.split('\f').map((page) => page.split('\n').map((line) => line.replace(/ {2,}/gu, ' ').trim()));

  pages.forEach((lines, page) => {
    lines.forEach((line, i) => {
      if (line !== '' && isPageNumber(line)) {
        removed.push({ line, reason: 'page-number', page: page + 1 });
        lines[i] = '';
      }
    });
  });

  if (pages.length >= 2) {
    const counts = new Map<string, number>();
    const edges = pages.map(edgeIndices);
    edges.forEach((edge, page) => {
      const seen = new Set<string>();
      for (const i of [...edge.top, ...edge.bottom]) {
        const line = pages[page]?.[i] ?? '';
        if (isStructuralLine(line)) continue;
        seen.add(headerKey(line));
      }
      for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    const needed = Math.max(2, Math.ceil(pages.length / 2));
    edges.forEach((edge, page) => {
      const lines = pages[page];
      if (!lines) return;
      for (const [indices, reason] of [
        [edge.top, 'running-header'],
        [edge.bottom, 'running-footer'],
      ] as const) {
        for (const i of indices) {
          const line = lines[i] ?? '';
          if (line === '' || isStructuralLine(line)) continue;
          if ((counts.get(headerKey(line)) ?? 0) >= needed) {
            removed.push({ line, reason, page: page + 1 });
            lines[i] = '';
          }
        }
      }
    });
  }

  // Pages meet with a plain line break, so a sentence running over a page boundary is rejoined.
  const lines: string[] = [];
  for (const page of pages) {
    let first = 0;
    let last = page.length - 1;
    while (first <= last && page[first] === '') first++;
    while (last >= first && page[last] === '') last--;
    for (let i = first; i <= last; i++) lines.push(page[i] ?? '');
  }

  const lengths = lines.filter((line) => line !== '').map((line) => line.length);
  const wrapWidth = percentile(lengths, 0.9);
  const hardWrapped = lengths.length >= 4 && wrapWidth <= 140;
  const whole = lines.join('\n');

  const out: string[] = [];
  let current: string | null = null;
  let lastPhysical = '';
  const flush = (): void => {
    if (current !== null) out.push(current);
    current = null;
  };
  for (const line of lines) {
    if (line === '') {
      flush();
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    if (current === null) {
      current = line;
      lastPhysical = line;
      continue;
    }
    const joined = join(current, lastPhysical, line, hardWrapped, wrapWidth, whole);
    if (joined === null) {
      flush();
      current = line;
    } else current = joined;
    lastPhysical = line;
  }
  flush();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return { text: out.join('\n'), removed, pages: pages.length };
}

/** The joined line, or null when `next` starts a new paragraph. */
function join(previous: string, lastLine: string, next: string, hardWrapped: boolean, wrapWidth: number, whole: string): string | null {
  if (isStructuralLine(next)) return null;
  if (/\p{L}[-‐]$/u.test(previous)) {
    if (/^\p{Ll}/u.test(next)) {
      const before = /[\p{L}\d-]+[-‐]$/u.exec(previous)?.[0] ?? '';
      const after = /^[\p{L}\d]+/u.exec(next)?.[0] ?? '';
      // Keep the hyphen of a real compound ("long-term") when the text uses it elsewhere unbroken.
      const compound = `${before}${after}`;
      const keep = whole.includes(compound) || whole.includes(compound.replace('‐', '-'));
      return keep ? previous + next : previous.slice(0, -1) + next;
    }
    if (/^[\p{Lu}\d]/u.test(next) && !isHeadingLine(lastLine)) return previous + next;
  }
  if (previous === lastLine && isHeadingLine(previous)) return null;
  if (TERMINAL.test(previous)) return null;
  if (/^[\p{Ll}\d,;)\]’'%]/u.test(next)) return `${previous} ${next}`;
  if (CONNECTING.test(previous)) return `${previous} ${next}`;
  // A capitalised participle or operative verb opens a recital or a declaration's paragraph.
  if (isRecitalStart(next) || isVerbLed(next)) return null;
  if (hardWrapped && lastLine.length >= 0.7 * wrapWidth) return `${previous} ${next}`;
  return null;
}

/** The repaired text only (see normaliseTextDetailed). */
export function normaliseText(raw: string): string {
  return normaliseTextDetailed(raw).text;
}
