import type { OpenAPIHono } from '@hono/zod-openapi';
import { canSee, type Viewer } from '@compact/core';
import type { LiveEvent, Store } from '@compact/store';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../context.js';
import { documentRoute } from '../openapi.js';

/** The access rule for a change: core's `canSee`, widened to the partners consulted on its event. */
export function mayHear(viewer: Viewer, event: LiveEvent): boolean {
  if (canSee(viewer, { classification: event.classification, ownerPartner: event.ownerPartner })) return true;
  return viewer.role === 'partner-officer' && viewer.partner !== undefined && (event.audience ?? []).includes(viewer.partner);
}

/**
 * Server-sent events for live views: one message per change the viewer may see, named by topic,
 * carrying ids only (clients fetch what changed with their own rights). A comment every 20 s
 * keeps proxies from closing an idle stream.
 */
export function registerLiveRoutes(app: OpenAPIHono<AppEnv>, store: Store, heartbeatMs = 20_000): void {
  documentRoute(app, { method: 'get', path: '/api/live', tag: 'crisis', summary: 'Server-sent events: consultations, requests, offers, allocations and notifications as they change' });
  app.get('/api/live', (c) => {
    const viewer = c.var.viewer;
    return streamSSE(c, async (stream) => {
      const queue: LiveEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = store.feed.subscribe((event) => {
        if (!mayHear(viewer, event)) return;
        queue.push(event);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ at: new Date().toISOString() }) });
      let sequence = 0;
      while (!stream.aborted && !stream.closed) {
        const event = queue.shift();
        if (event) {
          await stream.writeSSE({ event: event.topic, id: String(++sequence), data: JSON.stringify(event) });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, heartbeatMs).unref();
        });
        wake = undefined;
        if (queue.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
    });
  });
}
