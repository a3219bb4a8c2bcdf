import { useTranslation } from 'react-i18next';
import { ConfidenceBadge } from '../../components/ConfidenceBadge.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { SourceLinks } from '../../components/SourceLinks.js';
import { useFormatters } from '../../format/useFormatters.js';
import type { CommitmentView } from '../../api/types.js';
import { useCommitments } from './queries.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

export function CommitmentTable({ agreementId }: { agreementId: string }) {
  const commitments = useCommitments({ agreementId });
  return <CommitmentTableView commitments={commitments} />;
}

interface CommitmentsState {
  data?: { items: CommitmentView[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** The table for whichever query found the commitments (the registry's, or the public API's). */
export function CommitmentTableView({ commitments }: { commitments: CommitmentsState }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const items = commitments.data?.items ?? [];

  return (
    <section aria-labelledby="commitments-heading">
      <h2 id="commitments-heading">{t('detail.commitments')}</h2>
      {commitments.isPending ? <Loading /> : null}
      {commitments.isError ? (
        <ErrorMessage error={commitments.error} onRetry={() => void commitments.refetch()} />
      ) : null}
      {commitments.data && items.length === 0 ? <p className="muted">{t('detail.noCommitments')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby="commitments-heading" tabIndex={0}>
          <DownloadCsv>
            <table className="compact-table">
              <caption className="visually-hidden">{t('detail.commitmentsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('detail.colCategory')}</th>
                  <th scope="col">{t('detail.colCapability')}</th>
                  <th scope="col">{t('detail.colPledge')}</th>
                  <th scope="col">{t('detail.colPeriod')}</th>
                  <th scope="col">{t('detail.colFirmness')}</th>
                  <th scope="col">{t('detail.colDescription')}</th>
                  <th scope="col">{t('common.sources')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((commitment) => (
                  <tr key={commitment.id}>
                    <td>{t(`category.${commitment.category}`)}</td>
                    <td>{commitment.capabilityArea ? t(`capability.${commitment.capabilityArea}`) : ''}</td>
                    <td>
                      {format.pledge(commitment) ?? (
                        <span className="muted">{t('agreements.noPledges')}</span>
                      )}{' '}
                      <ConfidenceBadge confidence={commitment.confidence} />
                      {commitment.countsAs ? <span className="note">{t('pledge.restates')}</span> : null}
                    </td>
                    <td>{commitment.period ? format.period(commitment.period) : ''}</td>
                    <td>{t(`firmness.${commitment.firmness}`)}</td>
                    <td>{commitment.description ?? ''}</td>
                    <td>
                      <SourceLinks sources={commitment.sources} className="sources--compact" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </DownloadCsv>
        </div>
      ) : null}
    </section>
  );
}
