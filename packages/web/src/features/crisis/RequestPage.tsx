import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { AddOfferForm } from './AddOfferForm.js';
import { AllocationPanel } from './AllocationPanel.js';
import { EdxlLinks } from './EdxlLinks.js';
import { HistoryTimeline } from './HistoryTimeline.js';
import { LinesTable } from './LinesTable.js';
import { OffersTable } from './OffersTable.js';
import { useCrisisRequest, useOffers } from './queries.js';
import { RequestActions } from './RequestActions.js';
import { StateBadge } from './StateBadge.js';

const OPEN_FOR_OFFERS = new Set(['submitted', 'consulting', 'offers']);

/** /crisis/requests/:id: lines, state and history, next steps, live offers, allocation, EDXL-RM export. */
export function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useCrisisRequest(id);
  const offers = useOffers(id);
  useDocumentTitle(query.data?.title ?? t('crisis.title'));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const request = query.data;
  const offerItems = offers.data?.items ?? [];
  return (
    <>
      <p className="breadcrumb">
        <Link to="/crisis">{t('crisis.title')}</Link> ›{' '}
        <Link to={`/crisis/events/${encodeURIComponent(request.eventId)}`}>{t('crisis.request.event')}</Link>
      </p>
      <h1>{request.title}</h1>
      <dl className="terms">
        <dt>{t('crisis.requests.state')}</dt>
        <dd className="request-state-value">
          <StateBadge state={request.state} />
        </dd>
        <dt>{t('crisis.field.capabilityArea')}</dt>
        <dd>{t(`capability.${request.capabilityArea}`)}</dd>
        <dt>{t('crisis.field.priority')}</dt>
        <dd>{t(`crisis.priority.${request.priority}`)}</dd>
        <dt>{t('crisis.classificationLabel')}</dt>
        <dd>{t(`crisis.classification.${request.classification}`)}</dd>
      </dl>
      <section aria-labelledby="request-next">
        <h2 id="request-next">{t('crisis.request.next')}</h2>
        <RequestActions requestId={request.id} version={request.version} actions={request.allowedActions} />
      </section>
      <section aria-labelledby="request-lines">
        <h2 id="request-lines">{t('crisis.request.lines')}</h2>
        <LinesTable lines={request.lines} />
      </section>
      <section aria-labelledby="request-offers">
        <h2 id="request-offers">{t('crisis.offers.heading')}</h2>
        {offers.isPending ? (
          <Loading />
        ) : offers.isError ? (
          <ErrorMessage error={offers.error} onRetry={() => void offers.refetch()} />
        ) : (
          <OffersTable offers={offerItems} lines={request.lines} />
        )}
        {OPEN_FOR_OFFERS.has(request.state) ? (
          <AddOfferForm requestId={request.id} lines={request.lines} />
        ) : null}
      </section>
      <section aria-labelledby="request-allocation">
        <h2 id="request-allocation">{t('crisis.allocation.heading')}</h2>
        <AllocationPanel request={request} offers={offerItems} />
      </section>
      <section aria-labelledby="request-history">
        <h2 id="request-history">{t('crisis.request.history')}</h2>
        <HistoryTimeline history={request.history} />
      </section>
      <section aria-labelledby="request-edxl">
        <h2 id="request-edxl">{t('crisis.edxl.heading')}</h2>
        <EdxlLinks requestId={request.id} />
      </section>
    </>
  );
}
