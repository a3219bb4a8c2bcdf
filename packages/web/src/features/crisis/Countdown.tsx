import { useTranslation } from 'react-i18next';
import { countdown, type CountdownUnit } from './countdown.js';

const LONG = { d: 'day', h: 'hour', min: 'minute', s: 'second' } as const satisfies Record<
  CountdownUnit,
  string
>;

/**
 * "in 3 h 20 min" / "overdue by 5 min". A timer: screen readers do not announce it as it ticks
 * (aria-live off); its label spells the units out for when it is read.
 */
export function Countdown({ dueAt, now, done }: { dueAt: string; now: number; done?: boolean }) {
  const { t } = useTranslation();
  if (done) return <span className="muted">—</span>;
  const { overdue, parts } = countdown(dueAt, now);
  const short = parts.map((part) => t(`crisis.countdown.${part.unit}`, { value: part.value })).join(' ');
  const long = parts
    .map((part) => t(`crisis.countdown.long.${LONG[part.unit]}`, { count: part.value }))
    .join(' ');
  return (
    <span
      role="timer"
      aria-live="off"
      aria-atomic="true"
      aria-label={
        overdue
          ? t('crisis.countdown.labelOverdue', { time: long })
          : t('crisis.countdown.label', { time: long })
      }
      className={overdue ? 'countdown countdown--overdue' : 'countdown'}
    >
      {overdue ? t('crisis.countdown.overdue', { time: short }) : t('crisis.countdown.in', { time: short })}
    </span>
  );
}
