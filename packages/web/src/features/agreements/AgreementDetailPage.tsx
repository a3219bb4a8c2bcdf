import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { SourceLinks } from '../../components/SourceLinks.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { NotFoundPage } from '../../layout/NotFoundPage.js';
import { ApiError } from '../../api/client.js';
import { BriefingLinks } from '../briefing/BriefingLinks.js';
import { AgreementText } from '../texts/AgreementText.js';
import { AgreementTerms } from './AgreementTerms.js';
import { CommitmentTable } from './CommitmentTable.js';
import { StatusHistory } from './StatusHistory.js';
import { useAgreement } from './queries.js';
import { useAgreementName } from './useAgreementName.js';

export function AgreementDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const nameOf = useAgreementName();
  const agreement = useAgreement(id);
  const data = agreement.data;
  const title = data ? ((language === 'uk' ? data.titleUk : undefined) ?? data.title) : '';
  useDocumentTitle(data ? nameOf(data) : t('agreements.title'));

  if (agreement.isError && agreement.error instanceof ApiError && agreement.error.status === 404) {
    return <NotFoundPage message={agreement.error.message} />;
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/agreements">← {t('detail.back')}</Link>
      </p>
      {agreement.isPending ? <Loading /> : null}
      {agreement.isError ? (
        <ErrorMessage error={agreement.error} onRetry={() => void agreement.refetch()} />
      ) : null}
      {data ? (
        <article className="detail">
          <header>
            <h1>{nameOf(data)}</h1>
            <p className="lead">{title}</p>
            <p>
              {t('detail.currentStatus')}: <StatusBadge status={data.statusAsOf} />
            </p>
            {data.kind === 'bilateral' && data.partner ? <BriefingLinks target={{ partner: data.partner }} label={nameOf(data)} /> : null}
          </header>
          <AgreementTerms agreement={data} />
          <StatusHistory status={data.status} />
          <CommitmentTable agreementId={data.id} />
          <AgreementText agreementId={data.id} />
          <section aria-labelledby="sources-heading">
            <h2 id="sources-heading">{t('common.sources')}</h2>
            {data.sources.length > 0 ? (
              <SourceLinks sources={data.sources} />
            ) : (
              <p className="muted">{t('detail.noSources')}</p>
            )}
          </section>
        </article>
      ) : null}
    </>
  );
}
