import { ANALYSIS_THRESHOLDS, parseThreshold, thresholdProblems, type ThresholdOption } from '@compact/core';
import { isIsoDate } from '../../format/date.js';

/** The currencies the report can be given in. */
export const REPORT_CURRENCIES = ['EUR', 'USD', 'GBP'] as const;
export type ReportCurrency = (typeof REPORT_CURRENCIES)[number];

/** The rules' thresholds a person changed; the others keep the engine's defaults. */
export type Thresholds = Partial<Record<ThresholdOption, number>>;

export interface AnalysisControls {
  asOf: string;
  currency: ReportCurrency;
  /** A hypothetical day of Ukraine's NATO accession; null for no such scenario. */
  natoAccession: string | null;
  /** Absent (or empty) for the defaults. */
  thresholds?: Thresholds;
}

export function parseCurrency(value: string | null | undefined): ReportCurrency {
  const upper = value?.toUpperCase() ?? '';
  return (REPORT_CURRENCIES as readonly string[]).includes(upper) ? (upper as ReportCurrency) : 'EUR';
}

/**
 * The thresholds from the address bar, named as the API's parameters: each valid one kept, the
 * rest dropped (as is a critical GAP band above the high one).
 */
export function parseThresholds(params: URLSearchParams): Thresholds {
  const out: Thresholds = {};
  for (const spec of ANALYSIS_THRESHOLDS) {
    const text = params.get(spec.option);
    if (text === null) continue;
    const parsed = parseThreshold(spec, text);
    if ('value' in parsed) out[spec.option] = parsed.value;
  }
  for (const { option } of thresholdProblems(out)) delete out[option];
  return out;
}

/** The controls from the address bar: a valid day or today, a known currency or EUR, a valid day or none. */
export function parseControls(params: URLSearchParams, today: string): AnalysisControls {
  const asOf = params.get('asOf');
  const nato = params.get('natoAccession');
  const thresholds = parseThresholds(params);
  return {
    asOf: asOf && isIsoDate(asOf) ? asOf : today,
    currency: parseCurrency(params.get('currency')),
    natoAccession: nato && isIsoDate(nato) ? nato : null,
    ...(Object.keys(thresholds).length > 0 ? { thresholds } : {}),
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
  for (const spec of ANALYSIS_THRESHOLDS) {
    const value = controls.thresholds?.[spec.option];
    set(spec.option, value === undefined ? null : String(value), String(spec.defaultValue));
  }
  return next;
}
