import { useTranslation } from 'react-i18next';
import type { LiveStatus } from './useLiveEvents.js';

/** A small "Live" / "Reconnecting…" mark; a polite status so a lost stream is heard once. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  return (
    <p className={`live live--${status}`} role="status" data-status={status}>
      <span className="live__dot" aria-hidden="true" />
      {t(`crisis.live.${status}`)}
    </p>
  );
}
