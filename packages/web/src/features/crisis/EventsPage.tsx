import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { DeclareEventForm } from './DeclareEventForm.js';
import { EventsTable } from './EventsTable.js';
import { NotificationList } from './NotificationList.js';
import { useCrisisEvents } from './queries.js';

/** /crisis: the declared events, overdue consultations and the form to declare an event. */
export function EventsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('crisis.title'));
  const events = useCrisisEvents();
  return (
    <>
      <h1>{t('crisis.title')}</h1>
      <p className="lead">{t('crisis.lead')}</p>
      <NotificationList />
      <section aria-labelledby="crisis-events">
        <h2 id="crisis-events">{t('crisis.events.heading')}</h2>
        {events.isPending ? (
          <Loading />
        ) : events.isError ? (
          <ErrorMessage error={events.error} onRetry={() => void events.refetch()} />
        ) : (
          <EventsTable events={events.data.items} />
        )}
      </section>
      <DeclareEventForm />
    </>
  );
}
