/** Only web addresses become links; anything else (a bare title, a javascript: URL) stays text. */
export function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A short label for a source without a title: its host name, without "www.". */
export function sourceLabel(source: { url?: string; title?: string }, fallback: string): string {
  if (source.title) return source.title;
  const href = safeHref(source.url);
  if (href) return new URL(href).hostname.replace(/^www\./, '');
  return source.url ?? fallback;
}
