import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfidenceBadge } from '../../components/ConfidenceBadge.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useFormatters } from '../../format/useFormatters.js';
import { useAgreements } from '../agreements/queries.js';
import { useAgreementName } from '../agreements/useAgreementName.js';
import { TimelineChart } from './TimelineChart.js';
import { buildTimeline } from './timeline.js';

export function TimelinePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('timeline.title'));
  const format = useFormatters();
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
          <ol className="timeline">
            {days.map((day) => (
              <li
                key={day.date}
                className={day.markers.length > 0 ? 'timeline-day timeline-day--marked' : 'timeline-day'}
              >
                <time dateTime={day.date}>{format.date(day.date)}</time>
                <div className="timeline-body">
                  {day.markers.map((key) => (
                    <p key={key} className="timeline-marker">
                      <span className="visually-hidden">{t('timeline.markerNote')}: </span>
                      {t(`timeline.${key}`)}
                    </p>
                  ))}
                  {day.signatures.length > 0 ? (
                    <ul>
                      {day.signatures.map((signature) => (
                        <li key={signature.id}>
                          <Link to={`/agreements/${encodeURIComponent(signature.id)}`}>
                            {nameOf(signature)}
                          </Link>
                          {signature.kind === 'bilateral' ? null : (
                            <span className="muted"> · {t(`kind.${signature.kind}`)}</span>
                          )}{' '}
                          <ConfidenceBadge confidence={signature.confidence} />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}
