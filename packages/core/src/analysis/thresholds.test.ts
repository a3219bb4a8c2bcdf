import { describe, expect, it } from 'vitest';
import { analyze } from './engine.js';
import { build } from './test-fixtures.js';
import { ANALYSIS_THRESHOLDS, parseRules, parseThreshold, readThresholds, thresholdProblems, type ThresholdOption, type ThresholdSpec } from './thresholds.js';

const spec = (option: ThresholdOption): ThresholdSpec => ANALYSIS_THRESHOLDS.find((s) => s.option === option) as ThresholdSpec;

describe('analysis thresholds', () => {
  it('describes every threshold option once, with its default', () => {
    expect(ANALYSIS_THRESHOLDS.map((s) => s.option)).toEqual(['fragmentationThreshold', 'concentrationThreshold', 'redundancyThreshold', 'expiryCliffShare', 'gapCriticalBelow', 'gapHighBelow']);
    expect(thresholdProblems(Object.fromEntries(ANALYSIS_THRESHOLDS.map((s) => [s.option, s.defaultValue])) as never)).toEqual([]);
  });

  it('reads plain decimals typed by a person, and says what is wrong with the rest', () => {
    expect(parseThreshold(spec('concentrationThreshold'), ' 0.6 ')).toEqual({ value: 0.6 });
    expect(parseThreshold(spec('fragmentationThreshold'), '6')).toEqual({ value: 6 });
    expect(parseThreshold(spec('redundancyThreshold'), '2')).toEqual({ value: 2 });
    expect(parseThreshold(spec('fragmentationThreshold'), '2.5')).toEqual({ problem: 'must be a whole number from 1 to 1000' });
    expect(parseThreshold(spec('fragmentationThreshold'), '0')).toEqual({ problem: 'must be a whole number from 1 to 1000' });
    for (const text of ['', '-0.5', '1e3', '0x10', '.5', 'half', '0.1234567', 'NaN', 'Infinity']) {
      expect(parseThreshold(spec('concentrationThreshold'), text)).toEqual({ problem: 'must be a decimal number such as 0.5' });
    }
    expect(parseThreshold(spec('redundancyThreshold'), '11')).toEqual({ problem: 'must be a number from 0 to 10' });
  });

  it('refuses a threshold out of range, or GAP bands out of order, naming the option', () => {
    const input = build({});
    const asOf = '2025-11-30';
    expect(() => analyze(input, { asOf, fragmentationThreshold: 0 })).toThrow('fragmentationThreshold must be a whole number from 1 to 1000, not 0');
    expect(() => analyze(input, { asOf, concentrationThreshold: -0.1 })).toThrow('concentrationThreshold must be a number from 0 to 10, not -0.1');
    expect(() => analyze(input, { asOf, expiryCliffShare: Number.NaN })).toThrow(/^expiryCliffShare must be/);
    expect(() => analyze(input, { asOf, gapCriticalBelow: 0.9 })).toThrow('gapCriticalBelow must not exceed the high band (0.8), not 0.9');
    expect(analyze(input, { asOf, gapCriticalBelow: 0.9, gapHighBelow: 0.95 }).findings).toEqual([]);
  });

  it('reads a typed list of rules, in any case, and refuses an unknown or empty one', () => {
    expect(parseRules(' gap, Concentration ,')).toEqual({ codes: ['GAP', 'CONCENTRATION'] });
    expect(parseRules('GAP,NOPE')).toMatchObject({ problem: expect.stringMatching(/^takes finding codes separated by commas \(GAP, .*\), not "NOPE"$/) });
    expect(parseRules(' , ')).toMatchObject({ problem: expect.stringContaining('not " , "') });
  });

  it('reads the thresholds typed at an edge, or names the first that is wrong', () => {
    const typed = (texts: Partial<Record<ThresholdOption, string>>) => readThresholds((option) => texts[option]);
    expect(typed({ fragmentationThreshold: '6', gapHighBelow: '', redundancyThreshold: '2' })).toEqual({ thresholds: { fragmentationThreshold: 6, redundancyThreshold: 2 } });
    expect(typed({ concentrationThreshold: 'half' })).toEqual({ option: 'concentrationThreshold', problem: 'must be a decimal number such as 0.5, not "half"' });
    expect(typed({ gapCriticalBelow: '0.9' })).toEqual({ option: 'gapCriticalBelow', problem: 'must not exceed the high band (0.8), not 0.9' });
  });
});
