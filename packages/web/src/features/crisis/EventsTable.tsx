import type { CrisisEvent } from '@compact/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLanguage.js';
import { formatInstant } from './datetime.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

/** Declared events, newest first, each opening its consultation clocks. */
export function EventsTable({ events }: { events: CrisisEvent[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (events.length === 0) return <p className="empty">{t('crisis.events.empty')}</p>;
  return (
    <div className="table-scroll">
      <DownloadCsv>
        <table className="crisis-events">
          <caption>{t('crisis.events.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('crisis.events.title')}</th>
              <th scope="col">{t('crisis.events.type')}</th>
              <th scope="col">{t('crisis.events.occurredAt')}</th>
              <th scope="col">{t('crisis.classificationLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} data-id={event.id}>
                <th scope="row">
                  <Link to={`/crisis/events/${encodeURIComponent(event.id)}`}>{event.title}</Link>
                </th>
                <td>{t(`crisis.eventType.${event.type}`)}</td>
                <td className="date">{formatInstant(event.occurredAt, locale)}</td>
                <td>{t(`crisis.classification.${event.classification}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DownloadCsv>
    </div>
  );
}
