import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useLocale } from '../../i18n/useLanguage.js';
import { AgreementFilters } from './AgreementFilters.js';
import { AgreementResults } from './AgreementResults.js';
import { useAgreements, useCommitments } from './queries.js';
import { headlinePledges, matchesKind, sortAgreements } from './rows.js';
import { useAgreementFilterParams } from './useAgreementFilterParams.js';
import { useAgreementName } from './useAgreementName.js';

export function AgreementsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('agreements.title'));
  const locale = useLocale();
  const nameOf = useAgreementName();
  const { asOf, kind, setAsOf, setKind } = useAgreementFilterParams();

  const agreements = useAgreements(asOf);
  const commitments = useCommitments();
  const pledges = useMemo(() => headlinePledges(commitments.data?.items ?? []), [commitments.data]);
  const rows = useMemo(
    () =>
      sortAgreements(
        (agreements.data?.items ?? []).filter((agreement) => matchesKind(agreement, kind)),
        nameOf,
        locale,
      ),
    [agreements.data, kind, nameOf, locale],
  );

  return (
    <>
      <h1>{t('agreements.title')}</h1>
      <p className="lead">{t('agreements.intro')}</p>
      <AgreementFilters
        asOf={asOf}
        kind={kind}
        onAsOfChange={setAsOf}
        onKindChange={setKind}
      />
      {agreements.isPending ? <Loading /> : null}
      {agreements.isError ? (
        <ErrorMessage error={agreements.error} onRetry={() => void agreements.refetch()} />
      ) : null}
      {commitments.isError ? (
        <ErrorMessage error={commitments.error} onRetry={() => void commitments.refetch()} />
      ) : null}
      {agreements.data ? (
        <AgreementResults rows={rows} pledges={pledges} asOf={asOf} nameOf={nameOf} stale={agreements.isPlaceholderData} />
      ) : null}
    </>
  );
}
