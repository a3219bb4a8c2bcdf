import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgreementView } from '../../api/types.js';
import { ConfidenceBadge } from '../../components/ConfidenceBadge.js';
import { useFormatters } from '../../format/useFormatters.js';
import type { Signature, TimelineDay } from './timeline.js';

/** The timeline as a list: each day with its markers and the agreements signed, each a link. */
export function TimelineList({
  days,
  nameOf,
  hrefOf,
}: {
  days: readonly TimelineDay[];
  nameOf: (agreement: Pick<AgreementView, 'partner' | 'title' | 'titleUk'>) => string;
  hrefOf: (signature: Signature) => string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <ol className="timeline">
      {days.map((day) => (
        <li key={day.date} className={day.markers.length > 0 ? 'timeline-day timeline-day--marked' : 'timeline-day'}>
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
                    <Link to={hrefOf(signature)}>{nameOf(signature)}</Link>
                    {signature.kind === 'bilateral' ? null : <span className="muted"> · {t(`kind.${signature.kind}`)}</span>}{' '}
                    <ConfidenceBadge confidence={signature.confidence} />
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
