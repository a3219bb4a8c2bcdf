// Dates travel as ISO strings (2024-01-12) and mean calendar days, not instants: format them in UTC
// so the day never shifts with the reader's time zone.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** 12/01/2024 in en-GB, 12.01.2024 in uk-UA. */
export function formatDate(iso: string, locale: string): string {
  if (!isIsoDate(iso)) return iso;
  return new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utcDate(iso));
}

/** Sources often give only a year or a month ("2023", "2025-06"); show just what is known. */
export function formatPartialDate(value: string, locale: string): string {
  if (/^\d{4}$/.test(value)) return value;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    const date = utcDate(`${value}-01`);
    if (Number.isNaN(date.getTime())) return value;
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return formatDate(value, locale);
}

/** The reader's calendar day, as an ISO date. */
export function localIsoDate(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** A whole calendar year (1 Jan – 31 Dec) reads better as "2024" than as a range. */
export function formatPeriod(
  period: { from: string; to: string },
  locale: string,
  range: (from: string, to: string) => string,
): string {
  const from = /^(\d{4})-01-01$/.exec(period.from);
  const to = /^(\d{4})-12-31$/.exec(period.to);
  if (from && to && from[1] === to[1]) return from[1] ?? period.from;
  return range(formatDate(period.from, locale), formatDate(period.to, locale));
}

/** Whole days from a to b (both ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcDate(b).getTime() - utcDate(a).getTime()) / 86_400_000);
}
