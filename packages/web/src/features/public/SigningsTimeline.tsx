import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgreementView } from '../../api/types.js';
import { ConfidenceBadge } from '../../components/ConfidenceBadge.js';
import { useFormatters } from '../../format/useFormatters.js';
import { TimelineChart } from '../timeline/TimelineChart.js';
import { buildTimeline } from '../timeline/timeline.js';
import { portalPath } from './links.js';

/** Every signing since the G7 declaration: the timeline's chart, and the same as a list of links. */
export function SigningsTimeline({
  agreements,
  nameOf,
}: {
  agreements: readonly AgreementView[];
  nameOf: (agreement: Pick<AgreementView, 'partner' | 'title' | 'titleUk'>) => string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const days = useMemo(() => buildTimeline(agreements), [agreements]);
  const count = days.reduce((sum, day) => sum + day.signatures.length, 0);
  return (
    <section aria-labelledby="portal-timeline-heading" className="portal-timeline">
      <h2 id="portal-timeline-heading">{t('public.home.timelineHeading')}</h2>
      <p className="summary">{t('timeline.signatures', { count })}</p>
      <TimelineChart days={days} nameOf={nameOf} />
      <details className="portal-details">
        <summary>{t('public.home.timelineList')}</summary>
        <ol className="timeline">
          {days.map((day) => (
            <li key={day.date} className={day.markers.length > 0 ? 'timeline-day timeline-day--marked' : 'timeline-day'}>
              <time dateTime={day.date}>{format.date(day.date)}</time>
              <div className="timeline-body">
                {day.markers.map((key) => (
                  <p key={key} className="timeline-marker">
                    {t(`timeline.${key}`)}
                  </p>
                ))}
                {day.signatures.length > 0 ? (
                  <ul>
                    {day.signatures.map((signature) => (
                      <li key={signature.id}>
                        <Link to={portalPath.agreement(signature.id)}>{nameOf(signature)}</Link>
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
      </details>
    </section>
  );
}
