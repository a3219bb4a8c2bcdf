import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { TimeSlider } from '../overview/TimeSlider.js';
import { useMapDate, useSettled } from '../overview/useMapDate.js';
import { HeadlineFigures } from './HeadlineFigures.js';
import { portalPath } from './links.js';
import { networkOn } from './network.js';
import { PublicMap } from './PublicMap.js';
import { usePublicAgreements, usePublicPartners, usePublicSummary } from './queries.js';
import { SigningsTimeline } from './SigningsTimeline.js';
import { usePublicAgreementName, usePublicPartnerName } from './usePublicNames.js';

const EXPLORE = [
  { to: portalPath.peaceFormula, key: 'peaceFormula' },
  { to: portalPath.coverage, key: 'coverage' },
  { to: portalPath.coalitions, key: 'coalitions' },
  { to: portalPath.data, key: 'data' },
] as const;

/** The portal's front page: figures, the map on any day since the G7 declaration, and every signing. */
export function PublicHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('public.home.title'));
  const { today, asOf, setAsOf } = useMapDate();
  const summaryAsOf = useSettled(asOf, 200);

  const summary = usePublicSummary(summaryAsOf);
  const agreements = usePublicAgreements();
  const partners = usePublicPartners();
  const partnerName = usePublicPartnerName();
  const agreementName = usePublicAgreementName();

  const codes = useMemo(() => (partners.data ?? []).map((partner) => partner.code), [partners.data]);
  // Statuses are computed here for the day shown, from records fetched once: the map follows the
  // slider without asking the server.
  const network = useMemo(() => networkOn(agreements.data ?? [], codes, asOf), [agreements.data, codes, asOf]);
  const current = useMemo(() => networkOn(agreements.data ?? [], [], today).views, [agreements.data, today]);

  return (
    <>
      <h1>{t('public.home.title')}</h1>
      <p className="lead">{t('public.home.intro')}</p>
      <TimeSlider value={asOf} today={today} onChange={setAsOf} />
      {summary.isError ? <ErrorMessage error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      <HeadlineFigures summary={summary.data} stale={summary.isPlaceholderData || summaryAsOf !== asOf} />
      {agreements.isPending || partners.isPending ? <Loading /> : null}
      {agreements.isError ? <ErrorMessage error={agreements.error} onRetry={() => void agreements.refetch()} /> : null}
      {partners.isError ? <ErrorMessage error={partners.error} onRetry={() => void partners.refetch()} /> : null}
      {agreements.data && partners.data ? (
        <PublicMap statuses={network.statuses} counts={network.counts} asOf={asOf} nameOf={partnerName} />
      ) : null}
      <nav aria-labelledby="portal-explore-heading" className="portal-explore">
        <h2 id="portal-explore-heading">{t('public.home.exploreHeading')}</h2>
        <ul className="portal-cards">
          {EXPLORE.map((item) => (
            <li key={item.key}>
              <Link to={item.to} className="portal-card">
                <strong>{t(`public.nav.${item.key}`)}</strong>
                <span>{t(`public.home.explore.${item.key}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {agreements.data ? <SigningsTimeline agreements={current} nameOf={agreementName} /> : null}
    </>
  );
}
