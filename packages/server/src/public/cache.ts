import { createHash } from 'node:crypto';
import type { Store } from '@compact/store';
import type { Context } from 'hono';

interface Entry {
  readonly seq: number;
  readonly body: string;
  readonly etag: string;
  readonly contentType: string;
  readonly filename?: string | undefined;
}

export interface Rendered {
  readonly body: string;
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
    const key = `${new Date().toISOString().slice(0, 10)} ${c.req.path}?${new URL(c.req.url).searchParams.toString()}`;
    let entry = this.entries.get(key);
    if (!entry || entry.seq !== version.seq) {
      const rendered = await render();
      entry = { seq: version.seq, ...rendered, etag: `"${createHash('sha256').update(rendered.body).digest('base64url').slice(0, 32)}"` };
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, entry);
    }
    const lastModified = version.at ? new Date(version.at) : undefined;
    const headers: Record<string, string> = {
      ETag: entry.etag,
      'Cache-Control': 'public, max-age=60',
      'Access-Control-Allow-Origin': '*',
    };
    if (lastModified) headers['Last-Modified'] = lastModified.toUTCString();
    if (notModified(c, entry.etag, lastModified)) return new Response(null, { status: 304, headers });
    headers['Content-Type'] = entry.contentType;
    if (entry.filename) headers['Content-Disposition'] = `attachment; filename="${entry.filename}"`;
    return new Response(c.req.method === 'HEAD' ? null : entry.body, { status: 200, headers });
  }
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
