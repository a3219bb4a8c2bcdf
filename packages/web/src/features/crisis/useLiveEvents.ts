import { useEffect, useRef, useState } from 'react';
import { LIVE_TOPICS } from '@compact/core';
import type { LiveMessage } from './queries.js';


/** connecting: first attempt; live: the stream said "ready"; reconnecting: lost, the browser retries. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

const RETRY_MS = 5_000;

/**
 * Listens to GET /api/live (server-sent events) while mounted and hands each message to `onMessage`,
 * starting with `{ topic: 'ready' }` on every (re)connection.
 * The browser reconnects by itself; a stream it gives up on is reopened after a pause. Closed on unmount.
 */
export function useLiveEvents(onMessage: (message: LiveMessage) => void, url = '/api/live'): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  }, [onMessage]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const receive = (event: MessageEvent<string>) => {
      try {
        const data = JSON.parse(event.data) as Partial<LiveMessage>;
        handler.current({ ...data, topic: event.type, id: String(data.id ?? '') });
      } catch {
        // A message that is not JSON carries nothing to refresh.
      }
    };

    const open = () => {
      source = new EventSource(url);
      // Changes made while the stream was down were not sent: "ready" tells the caller to catch up.
      source.addEventListener('ready', () => {
        setStatus('live');
        handler.current({ topic: 'ready', id: '' });
      });
      for (const topic of LIVE_TOPICS) source.addEventListener(topic, receive);
      source.onerror = () => {
        if (stopped || !source) return;
        setStatus('reconnecting');
        if (source.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(open, RETRY_MS);
        }
      };
    };
    open();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [url]);

  return status;
}
