import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../layout/NotFoundPage.js';
import { EventPage } from './EventPage.js';
import { EventsPage } from './EventsPage.js';
import { LiveIndicator } from './LiveIndicator.js';
import { keysForLiveMessage, type LiveMessage } from './queries.js';
import { RequestPage } from './RequestPage.js';
import { useLiveEvents } from './useLiveEvents.js';

/** /crisis/*: one live stream for all crisis pages; each message marks the queries it touches as stale. */
export function CrisisSection() {
  const client = useQueryClient();
  const onMessage = useCallback(
    (message: LiveMessage) => {
      for (const queryKey of keysForLiveMessage(message)) void client.invalidateQueries({ queryKey });
    },
    [client],
  );
  const status = useLiveEvents(onMessage);
  return (
    <div className="crisis">
      <LiveIndicator status={status} />
      <Routes>
        <Route index element={<EventsPage />} />
        <Route path="events/:id" element={<EventPage />} />
        <Route path="requests/:id" element={<RequestPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
