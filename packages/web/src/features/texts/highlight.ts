/** A run of text, marked when it lies inside a highlighted span. */
export interface Segment {
  text: string;
  mark: boolean;
}

export interface SpanLike {
  start: number;
  end: number;
}

/**
 * Cuts `text` into plain and marked runs. Spans are clamped to the text, empty ones dropped and
 * overlapping or touching ones merged, so every character appears exactly once.
 */
export function toSegments(text: string, spans: readonly SpanLike[]): Segment[] {
  const clamped = spans
    .map((span) => ({
      start: Math.max(0, Math.min(text.length, Math.trunc(span.start))),
      end: Math.max(0, Math.min(text.length, Math.trunc(span.end))),
    }))
    .filter((span) => span.end > span.start)
    .sort((x, y) => x.start - y.start || x.end - y.end);
  const merged: SpanLike[] = [];
  for (const span of clamped) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  const out: Segment[] = [];
  let at = 0;
  for (const span of merged) {
    if (span.start > at) out.push({ text: text.slice(at, span.start), mark: false });
    out.push({ text: text.slice(span.start, span.end), mark: true });
    at = span.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: false });
  return out;
}

export interface QuotedSpan extends SpanLike {
  /** The words the span should cover, to check the offsets against. */
  text: string;
}

/**
 * Spans of evidence in a clause's text. Offsets are trusted when they cover the quoted words;
 * otherwise the words are looked up (the clause text may have been edited since), and a quote
 * that cannot be found is left out.
 */
export function locateSpans(text: string, quotes: readonly QuotedSpan[]): SpanLike[] {
  const out: SpanLike[] = [];
  for (const quote of quotes) {
    if (text.slice(quote.start, quote.end) === quote.text) {
      out.push({ start: quote.start, end: quote.end });
      continue;
    }
    if (!quote.text) continue;
    const at = text.indexOf(quote.text);
    if (at >= 0) out.push({ start: at, end: at + quote.text.length });
  }
  return out;
}
