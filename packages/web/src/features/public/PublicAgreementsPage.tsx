import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useLocale } from '../../i18n/useLanguage.js';
import { AgreementFilters } from '../agreements/AgreementFilters.js';
import { AgreementResults } from '../agreements/AgreementResults.js';
import { headlinePledges, matchesKind, sortAgreements } from '../agreements/rows.js';
import { useAgreementFilterParams } from '../agreements/useAgreementFilterParams.js';
import { portalPath } from './links.js';
import { networkOn } from './network.js';
import { usePublicAgreements, usePublicCommitments } from './queries.js';
import { usePublicAgreementName } from './usePublicNames.js';

/** Every public agreement on a chosen day: its terms at a glance, public money figures and sources. */
export function PublicAgreementsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('public.agreements.title'));
  const locale = useLocale();
  const nameOf = usePublicAgreementName();
  const { asOf, kind, setAsOf, setKind } = useAgreementFilterParams();
  const agreements = usePublicAgreements();
  const commitments = usePublicCommitments();
  const pledges = useMemo(() => headlinePledges(commitments.data ?? []), [commitments.data]);
  const rows = useMemo(
    () =>
      sortAgreements(
        networkOn(agreements.data ?? [], [], asOf)
          .views.filter((agreement) => agreement.statusAsOf !== null)
          .filter((agreement) => matchesKind(agreement, kind)),
        nameOf,
        locale,
      ),
    [agreements.data, asOf, kind, nameOf, locale],
  );

  return (
    <>
      <h1>{t('public.agreements.title')}</h1>
      <p className="lead">{t('public.agreements.intro')}</p>
      <AgreementFilters
        asOf={asOf}
        kind={kind}
        onAsOfChange={setAsOf}
        onKindChange={setKind}
      />
      {agreements.isPending ? <Loading /> : null}
      {agreements.isError ? <ErrorMessage error={agreements.error} onRetry={() => void agreements.refetch()} /> : null}
      {commitments.isError ? (
        <ErrorMessage error={commitments.error} onRetry={() => void commitments.refetch()} />
      ) : null}
      {agreements.data ? (
        <AgreementResults rows={rows} pledges={pledges} asOf={asOf} nameOf={nameOf} hrefOf={(agreement) => portalPath.agreement(agreement.id)} />
      ) : null}
    </>
  );
}
