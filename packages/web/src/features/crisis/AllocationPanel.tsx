import type { CrisisRequest, Offer } from '@compact/core';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { ProposalView } from './ProposalView.js';
import { useAllocations, useDecide } from './queries.js';
import { SolveForm } from './SolveForm.js';

const DECIDABLE = new Set(['offers']);

/** Solve, read the newest proposal, solve again, record the decision. */
export function AllocationPanel({ request, offers }: { request: CrisisRequest; offers: Offer[] }) {
  const { t } = useTranslation();
  const allocations = useAllocations(request.id);
  const decide = useDecide(request.id);
  if (allocations.isPending) return <Loading />;
  if (allocations.isError)
    return <ErrorMessage error={allocations.error} onRetry={() => void allocations.refetch()} />;
  const proposals = allocations.data.items;
  const decided = proposals.find((proposal) => proposal.decidedAt);
  const latest = decided ?? proposals[0];
  const canDecide = !decided && latest?.result.status === 'optimal' && DECIDABLE.has(request.state);
  return (
    <>
      {decided ? null : (
        <SolveForm
          requestId={request.id}
          offers={offers}
          lines={request.lines}
          again={proposals.length > 0}
        />
      )}
      {latest ? (
        <ProposalView proposal={latest} lines={request.lines} offers={offers} />
      ) : (
        <p className="empty">{t('crisis.allocation.none')}</p>
      )}
      {canDecide && latest ? (
        <div className="actions allocation-decision">
          <button type="button" disabled={decide.isPending} onClick={() => decide.mutate(latest.id)}>
            {decide.isPending ? t('crisis.allocation.deciding') : t('crisis.allocation.decide')}
          </button>
        </div>
      ) : null}
      {decide.error ? (
        <p className="error" role="alert">
          {decide.error.message}
        </p>
      ) : null}
    </>
  );
}
