import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useLocale } from '../../i18n/useLanguage.js';
import { ConsultationsTable } from './ConsultationsTable.js';
import { formatInstant } from './datetime.js';
import { NotObligedList } from './NotObligedList.js';
import { useCrisisEvent } from './queries.js';
import { RaiseRequestForm } from './RaiseRequestForm.js';
import { RequestsTable } from './RequestsTable.js';

/** /crisis/events/:id: the consultation clocks, the partners not obliged, the requests and a form to raise one. */
export function EventPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const query = useCrisisEvent(id);
  useDocumentTitle(query.data?.event.title ?? t('crisis.title'));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const { event, consultations, requests } = query.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/crisis">{t('crisis.title')}</Link>
      </p>
      <h1>{event.title}</h1>
      <dl className="terms">
        <dt>{t('crisis.events.type')}</dt>
        <dd>{t(`crisis.eventType.${event.type}`)}</dd>
        <dt>{t('crisis.events.occurredAt')}</dt>
        <dd>
          {formatInstant(event.occurredAt, locale)} ({formatInstant(event.occurredAt, locale, 'UTC')})
        </dd>
        <dt>{t('crisis.classificationLabel')}</dt>
        <dd>{t(`crisis.classification.${event.classification}`)}</dd>
      </dl>
      <section aria-labelledby="crisis-consultations">
        <h2 id="crisis-consultations">{t('crisis.consultations.heading')}</h2>
        <ConsultationsTable eventId={event.id} consultations={consultations} />
      </section>
      <section aria-labelledby="crisis-not-obliged">
        <h2 id="crisis-not-obliged">{t('crisis.notObliged.heading')}</h2>
        <NotObligedList items={event.notObliged} />
      </section>
      <section aria-labelledby="crisis-requests">
        <h2 id="crisis-requests">{t('crisis.requests.heading')}</h2>
        <RequestsTable requests={requests} />
      </section>
      <RaiseRequestForm eventId={event.id} />
    </>
  );
}
