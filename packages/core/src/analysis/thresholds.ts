// What a person may tune in an analysis, described once: the rules' thresholds, which the engine
// checks and the CLI (a flag each), the API (a query parameter each, named as the option) and the
// web page offer from this list — adding one is adding a row here and an option to
// `AnalysisOptions` — and the rules to run, as typed in a flag or a query parameter.
import { FINDING_CODES, type AnalysisOptions, type FindingCode } from './types.js';

export type ThresholdOption = 'fragmentationThreshold' | 'concentrationThreshold' | 'redundancyThreshold' | 'expiryCliffShare' | 'gapCriticalBelow' | 'gapHighBelow';

export interface ThresholdSpec {
  readonly option: ThresholdOption;
  readonly defaultValue: number;
  /** A count (FRAGMENTATION's item types) rather than a ratio. */
  readonly integer: boolean;
  /** What it decides, for help texts. */
  readonly description: string;
}

export const ANALYSIS_THRESHOLDS: readonly ThresholdSpec[] = [
  {
    option: 'fragmentationThreshold',
    defaultValue: 4,
    integer: true,
    description: 'distinct item types in a capability area at or above which FRAGMENTATION is flagged',
  },
  {
    option: 'concentrationThreshold',
    defaultValue: 0.5,
    integer: false,
    description: "Herfindahl index of the providers' shares above which CONCENTRATION is flagged",
  },
  {
    option: 'redundancyThreshold',
    defaultValue: 1.5,
    integer: false,
    description: 'coverage ratio at or above which REDUNDANCY is flagged',
  },
  {
    option: 'expiryCliffShare',
    defaultValue: 0.25,
    integer: false,
    description: "share of a year's committed coverage ending unrenewed at or above which EXPIRY_CLIFF is flagged",
  },
  {
    option: 'gapCriticalBelow',
    defaultValue: 0.5,
    integer: false,
    description: 'coverage ratio below which a GAP is critical',
  },
  {
    option: 'gapHighBelow',
    defaultValue: 0.8,
    integer: false,
    description: 'coverage ratio below which a GAP is high (else medium, up to 1)',
  },
];

/** The largest ratio a threshold may take: ten times the requirement is already far past any use. */
const MAX_RATIO = 10;
/** The largest count: a thousand item types in one capability area is already far past any use. */
const MAX_COUNT = 1000;

/** The engine's value of a threshold the options leave out. */
export function thresholdDefault(option: ThresholdOption): number {
  return (ANALYSIS_THRESHOLDS.find((spec) => spec.option === option) as ThresholdSpec).defaultValue;
}

/** Why a threshold's value cannot be used, or null: a whole number from 1 to 1000, or a ratio from 0 to 10. */
export function thresholdProblem(spec: ThresholdSpec, value: number): string | null {
  if (spec.integer) return Number.isInteger(value) && value >= 1 && value <= MAX_COUNT ? null : `must be a whole number from 1 to ${MAX_COUNT}`;
  return Number.isFinite(value) && value >= 0 && value <= MAX_RATIO ? null : `must be a number from 0 to ${MAX_RATIO}`;
}

const DECIMAL = /^\d{1,4}(?:\.\d{1,6})?$/;

/**
 * A threshold typed by a person (a flag or a query parameter): its value, or why it is not one.
 * Plain decimals only ("0.6", "5"): no exponents, signs or spaces, and at most six decimals, the
 * precision the engine compares in.
 */
export function parseThreshold(spec: ThresholdSpec, text: string): { value: number } | { problem: string } {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return { problem: spec.integer ? 'must be a whole number such as 4' : 'must be a decimal number such as 0.5' };
  const value = Number(trimmed);
  const problem = thresholdProblem(spec, value);
  return problem ? { problem } : { value };
}

/** Every threshold problem of the options, named by option; the GAP bands must also be in order. */
export function thresholdProblems(options: Pick<AnalysisOptions, ThresholdOption>): { option: ThresholdOption; problem: string }[] {
  const out: { option: ThresholdOption; problem: string }[] = [];
  for (const spec of ANALYSIS_THRESHOLDS) {
    const value = options[spec.option];
    if (value === undefined) continue;
    const problem = thresholdProblem(spec, value);
    if (problem) out.push({ option: spec.option, problem: `${problem}, not ${value}` });
  }
  const critical = options.gapCriticalBelow ?? thresholdDefault('gapCriticalBelow');
  const high = options.gapHighBelow ?? thresholdDefault('gapHighBelow');
  if (out.length === 0 && critical > high) {
    out.push({ option: 'gapCriticalBelow', problem: `must not exceed the high band (${high}), not ${critical}` });
  }
  return out;
}

/**
 * The thresholds a person typed (`textOf` gives a flag's or a query parameter's text, undefined or
 * empty when not given): their values, or the first one that is wrong and why.
 */
export function readThresholds(
  textOf: (option: ThresholdOption) => string | undefined,
): { thresholds: Pick<AnalysisOptions, ThresholdOption> } | { option: ThresholdOption; problem: string } {
  const thresholds: { -readonly [K in ThresholdOption]?: number } = {};
  for (const spec of ANALYSIS_THRESHOLDS) {
    const text = textOf(spec.option);
    if (text === undefined || text === '') continue;
    const parsed = parseThreshold(spec, text);
    if ('problem' in parsed) return { option: spec.option, problem: `${parsed.problem}, not "${text}"` };
    thresholds[spec.option] = parsed.value;
  }
  const [problem] = thresholdProblems(thresholds);
  return problem ?? { thresholds };
}

/** Finding codes typed as a list ("gap, CONCENTRATION"): the codes, or why they are not. */
export function parseRules(text: string): { codes: FindingCode[] } | { problem: string } {
  const codes = text
    .split(',')
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
  const unknown = codes.filter((code) => !(FINDING_CODES as readonly string[]).includes(code));
  if (codes.length === 0 || unknown.length > 0) {
    return { problem: `takes finding codes separated by commas (${FINDING_CODES.join(', ')}), not "${unknown.join(',') || text}"` };
  }
  return { codes: codes as FindingCode[] };
}
