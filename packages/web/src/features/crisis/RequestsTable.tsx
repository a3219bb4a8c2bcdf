import type { CrisisRequest } from '@compact/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StateBadge } from './StateBadge.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

/** The event's requests with their state. */
export function RequestsTable({ requests }: { requests: CrisisRequest[] }) {
  const { t } = useTranslation();
  if (requests.length === 0) return <p className="empty">{t('crisis.requests.empty')}</p>;
  return (
    <div className="table-scroll">
      <DownloadCsv>
        <table className="crisis-requests">
          <caption>{t('crisis.requests.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('crisis.requests.title')}</th>
              <th scope="col">{t('crisis.field.capabilityArea')}</th>
              <th scope="col">{t('crisis.field.priority')}</th>
              <th scope="col">{t('crisis.requests.lines')}</th>
              <th scope="col">{t('crisis.requests.state')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id} data-id={request.id}>
                <th scope="row">
                  <Link to={`/crisis/requests/${encodeURIComponent(request.id)}`}>{request.title}</Link>
                </th>
                <td>{t(`capability.${request.capabilityArea}`)}</td>
                <td>{t(`crisis.priority.${request.priority}`)}</td>
                <td className="numeric">{request.lines.length}</td>
                <td>
                  <StateBadge state={request.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </DownloadCsv>
    </div>
  );
}
