import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { CoalitionCard } from './CoalitionCard.js';
import { useCoalitions } from './queries.js';

export function CoalitionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('coalitions.title'));
  const coalitions = useCoalitions();
  const items = coalitions.data?.items ?? [];

  return (
    <>
      <h1>{t('coalitions.title')}</h1>
      <p className="lead">{t('coalitions.intro')}</p>
      {coalitions.isPending ? <Loading /> : null}
      {coalitions.isError ? (
        <ErrorMessage error={coalitions.error} onRetry={() => void coalitions.refetch()} />
      ) : null}
      {coalitions.data ? (
        <>
          <p className="summary">{t('coalitions.count', { count: items.length })}</p>
          {items.length === 0 ? <p className="empty">{t('coalitions.empty')}</p> : null}
          <ul className="cards">
            {items.map((coalition) => (
              <li key={coalition.id}>
                <CoalitionCard coalition={coalition} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
