import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { CoalitionCardView } from '../coalitions/CoalitionCard.js';
import { coalitionAnchor } from './links.js';
import { usePublicCoalitions } from './queries.js';
import { usePublicPartnerName } from './usePublicNames.js';
import { useScrollToHash } from './useScrollToHash.js';

/** The capability coalitions: leads, members, capability areas, milestones and sources. */
export function PublicCoalitionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('public.coalitions.title'));
  const language = useLanguage();
  const coalitions = usePublicCoalitions();
  const partnerName = usePublicPartnerName();
  const items = coalitions.data ?? [];
  useScrollToHash(coalitions.isSuccess);

  return (
    <>
      <h1>{t('public.coalitions.title')}</h1>
      <p className="lead">{t('coalitions.intro')}</p>
      {coalitions.isPending ? <Loading /> : null}
      {coalitions.isError ? <ErrorMessage error={coalitions.error} onRetry={() => void coalitions.refetch()} /> : null}
      {coalitions.data ? (
        <>
          <p className="summary">{t('coalitions.count', { count: items.length })}</p>
          {items.length === 0 ? <p className="empty">{t('coalitions.empty')}</p> : null}
          <ul className="cards">
            {items.map((coalition) => (
              <li key={coalition.id}>
                <CoalitionCardView coalition={coalition} partnerName={partnerName} id={coalitionAnchor(coalition.id)} openSources>
                  {coalition.requirement ? (
                    <p className="portal-requirement">
                      <strong>{t('public.coalitions.target')}:</strong>{' '}
                      <span className={`badge badge--${coalition.requirement.basis}`}>
                        {t(`coalition.basis.${coalition.requirement.basis}`)}
                      </span>{' '}
                      {coalition.requirement.description ? (
                        <span lang={language === 'uk' ? 'en' : undefined}>{coalition.requirement.description}</span>
                      ) : null}
                    </p>
                  ) : null}
                </CoalitionCardView>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
