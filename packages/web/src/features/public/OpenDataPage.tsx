import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { BriefingsSection } from './BriefingsSection.js';
import { ChangesSection } from './ChangesSection.js';
import { DownloadsSection } from './DownloadsSection.js';
import { EmbedsSection } from './EmbedsSection.js';
import { LicenceSection } from './LicenceSection.js';
import { usePublicCoalitions, usePublicIndex, usePublicPartners } from './queries.js';
import { useScrollToHash } from './useScrollToHash.js';

/** The open data: files, licence and citation, recent changes, embeddable cards and briefings. */
export function OpenDataPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('public.data.title'));
  const index = usePublicIndex();
  const partners = usePublicPartners();
  const coalitions = usePublicCoalitions();
  useScrollToHash(index.isSuccess);

  return (
    <>
      <h1>{t('public.data.title')}</h1>
      <p className="lead">{t('public.data.intro')}</p>
      {index.isPending ? <Loading /> : null}
      {index.isError ? <ErrorMessage error={index.error} onRetry={() => void index.refetch()} /> : null}
      {index.data ? (
        <>
          <DownloadsSection index={index.data} />
          <LicenceSection index={index.data} />
        </>
      ) : null}
      <ChangesSection />
      <EmbedsSection partners={partners.data} coalitions={coalitions.data} />
      <BriefingsSection partners={partners.data} coalitions={coalitions.data} />
    </>
  );
}
