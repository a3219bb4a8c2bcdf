import { createHash } from 'node:crypto';
import type { Store } from '@compact/store';
import type { Context } from 'hono';

interface Entry {
  readonly seq: number;
  readonly at: string | null;
  readonly body: string | Uint8Array<ArrayBuffer>;
  readonly etag: string;
  /** Built once per entry: a busy public API spends its time here otherwise. */
  readonly headers: Readonly<Record<string, string>>;
  readonly notModifiedHeaders: Readonly<Record<string, string>>;
  readonly lastModified: Date | undefined;
}

export interface Rendered {
  /** Text, or bytes (a PDF). */
  readonly body: string | Uint8Array<ArrayBuffer>;
  readonly contentType: string;
  /** When set, the answer downloads as this file. */
  readonly filename?: string | undefined;
}

/** How long a data version is trusted before the database is asked again. */
const VERSION_TTL_MS = 250;
const MAX_ENTRIES = 1000;

/**
 * Public answers, rendered once per state of the data. The key is the request's path and query;
 * the state is the audit log's last entry, re-read at most every quarter second, so a write is
 * visible within that time and a busy public API asks the database four times a second, not per
 * request. Answers carry a strong ETag (a hash of the body) and Last-Modified (the last write), and
 * a conditional request that matches gets 304 with no body.
 */
export class PublicCache {
  private readonly entries = new Map<string, Entry>();
  private version: { seq: number; at: string | null; checkedAt: number } | undefined;
  private pending: Promise<{ seq: number; at: string | null }> | undefined;

  constructor(private readonly store: Store) {}

  private async dataVersion(): Promise<{ seq: number; at: string | null }> {
    const now = Date.now();
    if (this.version && now - this.version.checkedAt < VERSION_TTL_MS) return this.version;
    // One query at a time, however many requests wait for it.
    this.pending ??= this.store.dataVersion().finally(() => (this.pending = undefined));
    const version = await this.pending;
    this.version = { ...version, checkedAt: Date.now() };
    return version;
  }

  async respond(c: Context, render: () => Promise<Rendered>): Promise<Response> {
    const version = await this.dataVersion();
    // The day is part of the key: an answer "as of today" changes at midnight without any write.
    const key = `${today()} ${c.req.url}`;
    let entry = this.entries.get(key);
    if (!entry || entry.seq !== version.seq) {
      entry = toEntry(version, await render());
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, entry);
    }
    if (notModified(c, entry.etag, entry.lastModified)) return new Response(null, { status: 304, headers: entry.notModifiedHeaders });
    return new Response(c.req.method === 'HEAD' ? null : entry.body, { status: 200, headers: entry.headers });
  }
}

function toEntry(version: { seq: number; at: string | null }, rendered: Rendered): Entry {
  const etag = `"${createHash('sha256').update(rendered.body).digest('base64url').slice(0, 32)}"`;
  const lastModified = version.at ? new Date(version.at) : undefined;
  const notModifiedHeaders: Record<string, string> = {
    ETag: etag,
    'Cache-Control': 'public, max-age=60',
    'Access-Control-Allow-Origin': '*',
    ...(lastModified ? { 'Last-Modified': lastModified.toUTCString() } : {}),
  };
  const headers = {
    ...notModifiedHeaders,
    'Content-Type': rendered.contentType,
    ...(rendered.filename ? { 'Content-Disposition': `attachment; filename="${rendered.filename}"` } : {}),
  };
  return { seq: version.seq, at: version.at, body: rendered.body, etag, headers, notModifiedHeaders, lastModified };
}

let day = { until: 0, value: '' };
/** Today's UTC date, worked out once a second rather than per request. */
function today(): string {
  const now = Date.now();
  if (now >= day.until) day = { until: now + 1000, value: new Date(now).toISOString().slice(0, 10) };
  return day.value;
}

/** If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2). */
function notModified(c: Context, etag: string, lastModified: Date | undefined): boolean {
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch !== undefined) return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
  const ifModifiedSince = c.req.header('if-modified-since');
  if (ifModifiedSince === undefined || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds.
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}
