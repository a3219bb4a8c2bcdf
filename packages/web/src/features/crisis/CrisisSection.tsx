import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from '../../components/ErrorBoundary.js';
import { Crashed } from '../../layout/Layout.js';
import { NotFoundPage } from '../../layout/NotFoundPage.js';
import { EventPage } from './EventPage.js';
import { EventsPage } from './EventsPage.js';
import { LiveIndicator } from './LiveIndicator.js';
import { keysForLiveMessage, type LiveMessage } from './queries.js';
import { RequestPage } from './RequestPage.js';
import { useLiveEvents } from './useLiveEvents.js';

/**
 * /crisis/*: one live stream for all crisis pages (the layout keeps this section mounted across its
 * addresses); each message marks the queries it touches as stale. Each page resets its own error boundary.
 */
export function CrisisSection() {
  const client = useQueryClient();
  const location = useLocation();
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
      <ErrorBoundary key={location.pathname} fallback={<Crashed />}>
        <Routes>
          <Route index element={<EventsPage />} />
          <Route path="events/:id" element={<EventPage />} />
          <Route path="requests/:id" element={<RequestPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </ErrorBoundary>
    </div>
  );
}
