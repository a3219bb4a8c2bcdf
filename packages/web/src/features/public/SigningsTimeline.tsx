import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView } from '../../api/types.js';
import { TimelineChart } from '../timeline/TimelineChart.js';
import { TimelineList } from '../timeline/TimelineList.js';
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
  const days = useMemo(() => buildTimeline(agreements), [agreements]);
  const count = days.reduce((sum, day) => sum + day.signatures.length, 0);
  return (
    <section aria-labelledby="portal-timeline-heading" className="portal-timeline">
      <h2 id="portal-timeline-heading">{t('public.home.timelineHeading')}</h2>
      <p className="summary">{t('timeline.signatures', { count })}</p>
      <TimelineChart days={days} nameOf={nameOf} />
      <details className="portal-details">
        <summary>{t('public.home.timelineList')}</summary>
        <TimelineList days={days} nameOf={nameOf} hrefOf={(signature) => portalPath.agreement(signature.id)} />
      </details>
    </section>
  );
}
