// The time left until a consultation is due (or how long it has been overdue), in whole units.

export type CountdownUnit = 'd' | 'h' | 'min' | 's';

export interface Countdown {
  overdue: boolean;
  /** The two largest units that matter ("3 h 20 min", "2 d 4 h", "45 s"). */
  parts: Array<{ unit: CountdownUnit; value: number }>;
}

/** Time from `now` to `dueAt` (ISO instant); past due reads as overdue. Seconds show only under a minute. */
export function countdown(dueAt: string, now: number): Countdown {
  const due = new Date(dueAt).getTime();
  const diff = Math.round((due - now) / 1000);
  const overdue = diff < 0;
  const total = Math.abs(diff);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = total % 60;
  let parts: Countdown['parts'];
  if (days > 0)
    parts = [
      { unit: 'd', value: days },
      { unit: 'h', value: hours },
    ];
  else if (hours > 0)
    parts = [
      { unit: 'h', value: hours },
      { unit: 'min', value: minutes },
    ];
  else if (minutes > 0) parts = [{ unit: 'min', value: minutes }];
  else parts = [{ unit: 's', value: seconds }];
  return { overdue, parts: parts.filter((part, index) => index === 0 || part.value > 0) };
}
