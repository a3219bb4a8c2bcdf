import type { RequestHistoryEntry } from '@compact/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLanguage.js';
import { formatInstant } from './datetime.js';

/** The request's moves, oldest first: action, new state, when and by whom. */
export function HistoryTimeline({ history }: { history: RequestHistoryEntry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ol className="request-history">
      {history.map((entry, index) => (
        <li key={`${entry.at}-${index}`} data-to={entry.to}>
          <strong>{t(`crisis.action.${entry.action}`)}</strong> → {t(`crisis.state.${entry.to}`)}{' '}
          <time dateTime={entry.at} className="muted">
            {formatInstant(entry.at, locale)}
          </time>{' '}
          <span className="muted">{t('crisis.request.by', { who: entry.by })}</span>
          {entry.note ? <p className="note">{entry.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
