import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { localIsoDate } from '../../format/date.js';
import { useLocale } from '../../i18n/useLanguage.js';
import { AgreementFilters } from './AgreementFilters.js';
import { AgreementsTable } from './AgreementsTable.js';
import { useAgreements, useCommitments } from './queries.js';
import {
  countedAsOf,
  headlinePledges,
  matchesKind,
  parseAsOf,
  parseKind,
  sortAgreements,
  type KindFilter,
} from './rows.js';
import { useAgreementName } from './useAgreementName.js';

export function AgreementsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('agreements.title'));
  const locale = useLocale();
  const nameOf = useAgreementName();
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => localIsoDate(new Date()), []);
  const asOf = parseAsOf(params.get('asOf'), today);
  const kind = parseKind(params.get('kind'));

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
  const counted = countedAsOf(rows);

  // Today and the default kind stay out of the address, so a plain "/" always means "now".
  const update = (key: 'asOf' | 'kind', value: string, fallback: string) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === fallback) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  };

  return (
    <>
      <h1>{t('agreements.title')}</h1>
      <p className="lead">{t('agreements.intro')}</p>
      <AgreementFilters
        asOf={asOf}
        kind={kind}
        onAsOfChange={(value) => update('asOf', value, today)}
        onKindChange={(value: KindFilter) => update('kind', value, 'bilateral')}
      />
      {agreements.isPending ? <Loading /> : null}
      {agreements.isError ? (
        <ErrorMessage error={agreements.error} onRetry={() => void agreements.refetch()} />
      ) : null}
      {commitments.isError ? (
        <ErrorMessage error={commitments.error} onRetry={() => void commitments.refetch()} />
      ) : null}
      {agreements.data ? (
        <div
          className={agreements.isPlaceholderData ? 'results results--stale' : 'results'}
          aria-busy={agreements.isPlaceholderData}
        >
          <p className="summary" aria-live="polite">
            {t('agreements.shown', { count: rows.length })} · {t('agreements.counted', { count: counted })}
          </p>
          {rows.length > 0 ? (
            <AgreementsTable rows={rows} pledges={pledges} asOf={asOf} nameOf={nameOf} />
          ) : (
            <p className="empty">{t('agreements.empty')}</p>
          )}
        </div>
      ) : null}
    </>
  );
}
