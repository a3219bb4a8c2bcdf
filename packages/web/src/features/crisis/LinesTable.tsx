import type { RequestLine } from '@compact/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/useFormatters.js';

/** What the request asks for, one row per line. */
export function LinesTable({ lines }: { lines: RequestLine[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="table-scroll">
      <table className="request-lines">
        <caption>{t('crisis.request.linesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('crisis.line.item')}</th>
            <th scope="col" className="numeric">
              {t('crisis.line.quantity')}
            </th>
            <th scope="col">{t('crisis.line.unit')}</th>
            <th scope="col">{t('crisis.line.neededBy')}</th>
            <th scope="col">{t('crisis.field.priority')}</th>
            <th scope="col">{t('crisis.line.useTags')}</th>
            <th scope="col">{t('crisis.line.region')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} data-line={line.id}>
              <th scope="row">{line.item}</th>
              <td className="numeric">{format.number(line.quantity)}</td>
              <td>{line.unit}</td>
              <td className="date">{format.date(line.neededBy)}</td>
              <td>{t(`crisis.priority.${line.priority}`)}</td>
              <td>{line.useTags?.length ? format.list(line.useTags) : '—'}</td>
              <td>{line.region ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
