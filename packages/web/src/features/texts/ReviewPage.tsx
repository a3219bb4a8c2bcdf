import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../api/types.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { ProposalCard } from './ProposalCard.js';
import { useProposals } from './queries.js';
import { useAgreementNames } from './useAgreementNames.js';
import { groupByAgreement } from './review.js';
import { isOneOf } from './vocabulary.js';

export function ReviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('review.title'));
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status: ProposalStatus = isOneOf(PROPOSAL_STATUSES, requested) ? requested : 'pending';
  const proposals = useProposals({ status });
  const nameOf = useAgreementNames();
  const items = useMemo(() => proposals.data?.items ?? [], [proposals.data]);
  const groups = useMemo(() => groupByAgreement(items), [items]);

  const choose = (next: ProposalStatus) => {
    const copy = new URLSearchParams(params);
    if (next === 'pending') copy.delete('status');
    else copy.set('status', next);
    setParams(copy);
  };

  return (
    <>
      <h1>{t('review.title')}</h1>
      <p className="lead">{t('review.intro')}</p>
      <div className="filters" role="group" aria-label={t('review.filter')}>
        <span className="field-label">{t('review.filter')}</span>
        <div className="segmented">
          {PROPOSAL_STATUSES.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={option === status}
              data-status={option}
              onClick={() => choose(option)}
            >
              {t(`review.status.${option}`)}
            </button>
          ))}
        </div>
      </div>
      {proposals.isPending ? <Loading /> : null}
      {proposals.isError ? (
        <ErrorMessage error={proposals.error} onRetry={() => void proposals.refetch()} />
      ) : null}
      {proposals.data ? (
        <p className="summary" aria-live="polite">
          {t('review.count', { count: items.length })}
        </p>
      ) : null}
      {proposals.data && items.length === 0 ? <p className="empty">{t(`review.empty.${status}`)}</p> : null}
      {groups.map((group) => (
        <section
          key={group.agreementId}
          className="proposal-group"
          data-agreement={group.agreementId}
          aria-labelledby={`group-${group.agreementId}`}
        >
          <h2 id={`group-${group.agreementId}`}>
            <Link to={`/agreements/${encodeURIComponent(group.agreementId)}`}>
              {nameOf(group.agreementId)}
            </Link>{' '}
            <span className="muted">· {t('review.count', { count: group.proposals.length })}</span>
          </h2>
          {group.proposals.map((proposal) => (
            <ProposalCard key={`${proposal.id}:${proposal.version}`} proposal={proposal} />
          ))}
        </section>
      ))}
    </>
  );
}
