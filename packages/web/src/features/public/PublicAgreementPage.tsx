import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { toAgreementView } from '../../api/agreementView.js';
import { ApiError } from '../../api/client.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { SourceLinks } from '../../components/SourceLinks.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { localIsoDate } from '../../format/date.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { AgreementTermsView } from '../agreements/AgreementTerms.js';
import { CommitmentTableView } from '../agreements/CommitmentTable.js';
import { StatusHistory } from '../agreements/StatusHistory.js';
import { briefingUrl, embedUrl, portalPath } from './links.js';
import { usePeaceFormula, usePublicAgreement, usePublicCommitments } from './queries.js';
import { usePublicAgreementName, usePublicPartnerName } from './usePublicNames.js';

/** The peace-formula points this agreement serves, as links to the formula's page. */
function ServedPoints({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formula = usePeaceFormula();
  const points = (formula.data?.items ?? []).filter((point) => point.agreementIds.includes(agreementId));
  if (points.length === 0) return null;
  return (
    <section aria-labelledby="portal-points-heading">
      <h2 id="portal-points-heading">{t('public.agreement.servesHeading')}</h2>
      <ul className="tags">
        {points.map((point) => (
          <li key={point.point} className="tag">
            <Link to={`${portalPath.peaceFormula}#point-${point.point}`}>
              {t('public.peace.pointNumber', { n: point.point })}: {(language === 'uk' ? point.titleUk : undefined) ?? point.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A partner's briefing and embeddable card, for readers who take the record elsewhere. */
function TakeAway({ partner }: { partner: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const lang = language === 'uk' ? 'uk' : 'en';
  return (
    <section aria-labelledby="portal-takeaway-heading">
      <h2 id="portal-takeaway-heading">{t('public.agreement.takeAwayHeading')}</h2>
      <ul className="download-list">
        <li>
          <a href={briefingUrl('pdf', { kind: 'partner', code: partner }, lang)} download>
            {t('public.briefings.pdf')}
          </a>
        </li>
        <li>
          <a href={briefingUrl('md', { kind: 'partner', code: partner }, lang)} download>
            {t('public.briefings.md')}
          </a>
        </li>
        <li>
          <a href={embedUrl({ kind: 'partner', code: partner })}>{t('public.agreement.card')}</a>{' '}
          <span className="muted">
            (<Link to={`${portalPath.data}#portal-embeds-heading`}>{t('public.agreement.embedHow')}</Link>)
          </span>
        </li>
      </ul>
    </section>
  );
}

/** One public agreement: its terms, status history, public commitments and sources. */
export function PublicAgreementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const nameOf = usePublicAgreementName();
  const partnerName = usePublicPartnerName();
  const agreement = usePublicAgreement(id);
  const commitments = usePublicCommitments();
  const today = useMemo(() => localIsoDate(new Date()), []);
  const data = useMemo(() => (agreement.data ? toAgreementView(agreement.data, today) : undefined), [agreement.data, today]);
  const own = useMemo(
    () => ({ ...commitments, data: commitments.data ? { items: commitments.data.filter((c) => c.agreementId === id) } : undefined }),
    [commitments, id],
  );
  const title = data ? ((language === 'uk' ? data.titleUk : undefined) ?? data.title) : '';
  useDocumentTitle(data ? nameOf(data) : t('public.agreements.title'));
  const missing = agreement.error instanceof ApiError && agreement.error.status === 404;

  return (
    <>
      <p className="breadcrumb">
        <Link to={portalPath.agreements}>← {t('public.agreement.back')}</Link>
      </p>
      {agreement.isPending ? <Loading /> : null}
      {missing ? (
        <>
          <h1>{t('public.agreement.notFound')}</h1>
          <p>{t('public.agreement.notFoundText')}</p>
        </>
      ) : agreement.isError ? (
        <ErrorMessage error={agreement.error} onRetry={() => void agreement.refetch()} />
      ) : null}
      {data ? (
        <article className="detail">
          <header>
            <h1>{nameOf(data)}</h1>
            <p className="lead" lang={language === 'uk' && !data.titleUk ? 'en' : undefined}>
              {title}
            </p>
            <p>
              {t('detail.currentStatus')}: <StatusBadge status={data.statusAsOf} />
            </p>
          </header>
          <section aria-labelledby="portal-sources-heading" className="portal-sources">
            <h2 id="portal-sources-heading">{t('common.sources')}</h2>
            {data.sources.length > 0 ? <SourceLinks sources={data.sources} /> : <p className="muted">{t('detail.noSources')}</p>}
          </section>
          <AgreementTermsView agreement={data} partnerName={partnerName} />
          <StatusHistory status={data.status} />
          <CommitmentTableView commitments={own} />
          <ServedPoints agreementId={data.id} />
          {data.partner ? <TakeAway partner={data.partner} /> : null}
        </article>
      ) : null}
    </>
  );
}
