import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { localIsoDate } from '../../format/date.js';
import { useLocale } from '../../i18n/useLanguage.js';
import { AgreementFilters } from '../agreements/AgreementFilters.js';
import { AgreementsTable } from '../agreements/AgreementsTable.js';
import {
  countedAsOf,
  headlinePledges,
  matchesKind,
  parseAsOf,
  parseKind,
  sortAgreements,
  type KindFilter,
} from '../agreements/rows.js';
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
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => localIsoDate(new Date()), []);
  const asOf = parseAsOf(params.get('asOf'), today);
  const kind = parseKind(params.get('kind'));
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

  const update = (key: 'asOf' | 'kind', value: string, fallback: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === fallback) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <h1>{t('public.agreements.title')}</h1>
      <p className="lead">{t('public.agreements.intro')}</p>
      <AgreementFilters
        asOf={asOf}
        kind={kind}
        onAsOfChange={(value) => update('asOf', value, today)}
        onKindChange={(value: KindFilter) => update('kind', value, 'bilateral')}
      />
      {agreements.isPending ? <Loading /> : null}
      {agreements.isError ? <ErrorMessage error={agreements.error} onRetry={() => void agreements.refetch()} /> : null}
      {commitments.isError ? (
        <ErrorMessage error={commitments.error} onRetry={() => void commitments.refetch()} />
      ) : null}
      {agreements.data ? (
        <div className="results">
          <p className="summary" aria-live="polite">
            {t('agreements.shown', { count: rows.length })} · {t('agreements.counted', { count: countedAsOf(rows) })}
          </p>
          {rows.length > 0 ? (
            <AgreementsTable
              rows={rows}
              pledges={pledges}
              asOf={asOf}
              nameOf={nameOf}
              hrefOf={(agreement) => portalPath.agreement(agreement.id)}
            />
          ) : (
            <p className="empty">{t('agreements.empty')}</p>
          )}
        </div>
      ) : null}
    </>
  );
}
