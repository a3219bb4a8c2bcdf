import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useAgreements } from '../agreements/queries.js';
import { useAgreementName } from '../agreements/useAgreementName.js';
import { TimelineChart } from './TimelineChart.js';
import { TimelineList } from './TimelineList.js';
import { buildTimeline } from './timeline.js';

export function TimelinePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('timeline.title'));
  const nameOf = useAgreementName();
  const agreements = useAgreements();
  const days = useMemo(() => buildTimeline(agreements.data?.items ?? []), [agreements.data]);
  const count = days.reduce((sum, day) => sum + day.signatures.length, 0);

  return (
    <>
      <h1>{t('timeline.title')}</h1>
      <p className="lead">{t('timeline.intro')}</p>
      {agreements.isPending ? <Loading /> : null}
      {agreements.isError ? (
        <ErrorMessage error={agreements.error} onRetry={() => void agreements.refetch()} />
      ) : null}
      {agreements.data ? (
        <>
          <p className="summary">{t('timeline.signatures', { count })}</p>
          {count === 0 ? <p className="empty">{t('timeline.empty')}</p> : null}
          <TimelineChart days={days} nameOf={nameOf} />
          <h2>{t('timeline.listHeading')}</h2>
          <TimelineList days={days} nameOf={nameOf} hrefOf={(signature) => `/agreements/${encodeURIComponent(signature.id)}`} />
        </>
      ) : null}
    </>
  );
}
