// An analysis's options, checked and with their defaults filled in (see the README's table).
import { isCurrencyCode } from '../money/currency.js';
import { isIsoDate } from './dates.js';
import { thresholdDefault, thresholdProblems, type ThresholdOption } from './thresholds.js';
import { FINDING_CODES, type AnalysisOptions, type FindingCode, type ResolvedOptions } from './types.js';

/** A threshold (checked by `thresholdProblems`) in exact parts per million. */
function ppm(value: number): bigint {
  return BigInt(Math.round(value * 1_000_000));
}

/** The options checked and completed with their defaults; a RangeError names the first option that is wrong. */
export function resolveOptions(options: AnalysisOptions): ResolvedOptions {
  if (!isIsoDate(options.asOf)) throw new RangeError(`asOf must be an ISO date such as 2024-02-20, not "${options.asOf}"`);
  const currency = options.currency ?? 'EUR';
  if (!isCurrencyCode(currency)) throw new RangeError(`currency must be an ISO 4217 code, not "${currency}"`);
  const natoAccession = options.natoAccession ?? null;
  if (natoAccession !== null && !isIsoDate(natoAccession)) {
    throw new RangeError(`natoAccession must be an ISO date, not "${natoAccession}"`);
  }
  const [problem] = thresholdProblems(options);
  if (problem) throw new RangeError(`${problem.option} ${problem.problem}`);
  const value = (option: ThresholdOption): number => options[option] ?? thresholdDefault(option);
  const fragmentationThreshold = value('fragmentationThreshold');
  const concentrationThreshold = value('concentrationThreshold');
  const redundancyThreshold = value('redundancyThreshold');
  const expiryCliffShare = value('expiryCliffShare');
  const gapCriticalBelow = value('gapCriticalBelow');
  const gapHighBelow = value('gapHighBelow');
  for (const code of options.rules ?? []) {
    if (!(FINDING_CODES as readonly string[]).includes(code)) throw new RangeError(`unknown rule "${code}"`);
  }
  return {
    asOf: options.asOf,
    currency,
    natoAccession,
    fragmentationThreshold,
    concentrationThreshold,
    redundancyThreshold,
    expiryCliffShare,
    gapCriticalBelow,
    gapHighBelow,
    rules: new Set<FindingCode>(options.rules ?? FINDING_CODES),
    ppm: {
      concentration: ppm(concentrationThreshold),
      redundancy: ppm(redundancyThreshold),
      expiryCliff: ppm(expiryCliffShare),
      gapCritical: ppm(gapCriticalBelow),
      gapHigh: ppm(gapHighBelow),
    },
  };
}
