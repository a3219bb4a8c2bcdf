import { useTranslation } from 'react-i18next';
import { useNotifications } from './queries.js';

/** The number of overdue consultations, beside the "Crisis requests" link; nothing when there are none. */
export function NotificationBadge() {
  const { t } = useTranslation();
  const { data } = useNotifications();
  const count = (data?.items ?? []).filter((item) => item.kind === 'consultation-overdue').length;
  if (count === 0) return null;
  return (
    <span className="nav-badge" data-count={count}>
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('crisis.notifications.count', { count })}</span>
    </span>
  );
}
