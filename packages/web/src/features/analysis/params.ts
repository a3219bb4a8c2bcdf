import { isIsoDate } from '../../format/date.js';

/** The currencies the report can be given in. */
export const REPORT_CURRENCIES = ['EUR', 'USD', 'GBP'] as const;
export type ReportCurrency = (typeof REPORT_CURRENCIES)[number];

export interface AnalysisControls {
  asOf: string;
  currency: ReportCurrency;
  /** A hypothetical day of Ukraine's NATO accession; null for no such scenario. */
  natoAccession: string | null;
}

export function parseCurrency(value: string | null | undefined): ReportCurrency {
  const upper = value?.toUpperCase() ?? '';
  return (REPORT_CURRENCIES as readonly string[]).includes(upper) ? (upper as ReportCurrency) : 'EUR';
}

/** The controls from the address bar: a valid day or today, a known currency or EUR, a valid day or none. */
export function parseControls(params: URLSearchParams, today: string): AnalysisControls {
  const asOf = params.get('asOf');
  const nato = params.get('natoAccession');
  return {
    asOf: asOf && isIsoDate(asOf) ? asOf : today,
    currency: parseCurrency(params.get('currency')),
    natoAccession: nato && isIsoDate(nato) ? nato : null,
  };
}

/** The address for the controls; defaults (today, EUR, no accession) stay out so "/analysis" means "now". */
export function controlsToParams(
  controls: AnalysisControls,
  today: string,
  previous?: URLSearchParams,
): URLSearchParams {
  const next = new URLSearchParams(previous);
  const set = (key: string, value: string | null, fallback: string | null) => {
    if (value === null || value === fallback) next.delete(key);
    else next.set(key, value);
  };
  set('asOf', controls.asOf, today);
  set('currency', controls.currency, 'EUR');
  set('natoAccession', controls.natoAccession, null);
  return next;
}
