import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage, useLocale } from '../../i18n/useLanguage.js';
import { formatInstant } from './datetime.js';
import { useNotifications } from './queries.js';

/** Overdue consultations, newest first, each linking to its event. */
export function NotificationList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const locale = useLocale();
  const { data } = useNotifications();
  const items = data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="notifications" aria-labelledby="crisis-notifications">
      <h2 id="crisis-notifications">
        {t('crisis.notifications.heading')} <span className="nav-badge">{items.length}</span>
      </h2>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <Link to={`/crisis/events/${encodeURIComponent(item.eventId)}`}>
              {language === 'uk' ? item.messageUk : item.message}
            </Link>{' '}
            <span className="muted">{formatInstant(item.at, locale)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
