import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage, useLocale } from '../../i18n/useLanguage.js';
import { formatInstant } from './datetime.js';
import { useNotifications } from './queries.js';

const SHOWN = 20;

/** Overdue consultations, newest first, each linking to its event; folded, as there can be many. */
export function NotificationList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const locale = useLocale();
  const { data } = useNotifications();
  const items = data?.items ?? [];
  if (items.length === 0) return null;
  const shown = items.slice(0, SHOWN);
  return (
    <details className="notifications">
      <summary>
        {t('crisis.notifications.heading')} <span className="nav-badge">{items.length}</span>
      </summary>
      <ul>
        {shown.map((item) => (
          <li key={item.id}>
            <Link to={`/crisis/events/${encodeURIComponent(item.eventId)}`}>
              {language === 'uk' ? item.messageUk : item.message}
            </Link>{' '}
            <span className="muted">{formatInstant(item.at, locale)}</span>
          </li>
        ))}
      </ul>
      {items.length > SHOWN ? (
        <p className="muted">{t('crisis.notifications.more', { more: items.length - SHOWN })}</p>
      ) : null}
    </details>
  );
}
