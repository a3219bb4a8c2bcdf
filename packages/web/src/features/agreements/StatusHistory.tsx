import { useTranslation } from 'react-i18next';
import type { StatusEntry } from '@compact/core';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useFormatters } from '../../format/useFormatters.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

export function StatusHistory({ status }: { status: readonly StatusEntry[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{t('detail.statusHistory')}</h2>
      <DownloadCsv>
        <table className="compact-table">
          <caption className="visually-hidden">{t('detail.statusHistoryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('detail.colDate')}</th>
              <th scope="col">{t('detail.colStatus')}</th>
              <th scope="col">{t('detail.colNote')}</th>
            </tr>
          </thead>
          <tbody>
            {status.map((entry, index) => (
              <tr key={`${entry.status}-${entry.on}-${index}`}>
                <td className="date">
                  <time dateTime={entry.on}>{format.date(entry.on)}</time>
                  {entry.onIsUpperBound ? <span className="note">{t('detail.statusUpperBound')}</span> : null}
                </td>
                <td>
                  <StatusBadge status={entry.status} />
                </td>
                <td>{entry.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DownloadCsv>
    </section>
  );
}
