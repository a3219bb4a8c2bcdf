import { useTranslation } from 'react-i18next';
import type { PublicSummary } from '../../api/publicClient.js';
import { formatPercent } from '../../format/number.js';
import { useFormatters } from '../../format/useFormatters.js';
import { HeadlineFigure } from '../overview/HeadlineFigure.js';
import { portalPath } from './links.js';

/** The network in five numbers on the day shown, each opening the page that explains it. */
export function HeadlineFigures({ summary, stale }: { summary: PublicSummary | undefined; stale: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const show = (value: number | undefined) => (value === undefined ? '…' : format.number(value));
  const agreements = summary?.agreements;
  const date = summary ? format.date(summary.asOf) : '…';
  const share =
    agreements && agreements.signed > 0 ? formatPercent(agreements.signedWithConsultation / agreements.signed, format.locale) : '—';
  return (
    <section aria-labelledby="portal-figures-heading" className="headlines">
      <h2 id="portal-figures-heading" className="visually-hidden">
        {t('overview.headlineHeading')}
      </h2>
      <dl className="headline-figures portal-figures" aria-live="polite" aria-busy={stale}>
        <HeadlineFigure
          label={t('public.home.figureCounted', { date })}
          value={show(agreements?.counted)}
          to={portalPath.agreements}
          note={t('public.home.figureCountedNote', { signed: agreements?.signed ?? 0 })}
        />
        <HeadlineFigure
          label={t('public.home.figureTalks')}
          value={show(agreements ? (agreements.byStatus['talks'] ?? 0) + (agreements.byStatus['interest'] ?? 0) : undefined)}
          to={portalPath.agreements}
        />
        <HeadlineFigure
          label={t('overview.figureConsultation')}
          value={share}
          to={portalPath.agreements}
          note={t('public.home.figureConsultationNote', {
            with: agreements?.signedWithConsultation ?? 0,
            total: agreements?.signed ?? 0,
          })}
        />
        <HeadlineFigure
          label={t('public.home.figureCoalitions')}
          value={show(summary?.coalitions.length)}
          to={portalPath.coalitions}
        />
        <HeadlineFigure
          label={t('public.home.figureCommitments')}
          value={show(summary?.commitments.count)}
          to={portalPath.coverage}
          note={t('public.home.figureCommitmentsNote')}
        />
      </dl>
    </section>
  );
}
