import { ANALYSIS_THRESHOLDS, SYSTEM_VIEWER, analyze, isCurrencyCode, parseRules, readThresholds, validatePackage, IsoDate, type AnalysisOptions, type DataPackage, type FindingCode, type ThresholdOption } from '@compact/core';
import type { Command } from 'commander';
import type { DatabaseFlags } from '../config.js';
import { formatAnalysis, type AnalysisFormat } from '../format/analysis.js';
import { withStore } from '../with-store.js';
import { InvalidPackage, readPackageFile } from './package.js';

interface AnalyzeFlags {
  input?: string;
  asOf?: string;
  format: string;
  currency: string;
  natoAccession?: string;
  rules?: string;
  /** The thresholds' flags, which commander names as the options (`--gap-high-below`: gapHighBelow). */
  [threshold: string]: string | undefined;
}

const FORMATS: readonly AnalysisFormat[] = ['json', 'table', 'markdown'];

/** `--fragmentation-threshold` for `fragmentationThreshold`. */
function thresholdFlag(option: ThresholdOption): string {
  return `--${option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

function thresholdOptions(flags: AnalyzeFlags): Partial<Record<ThresholdOption, number>> {
  const read = readThresholds((option) => flags[option]);
  if ('problem' in read) throw new Error(`${thresholdFlag(read.option)} ${read.problem}`);
  return read.thresholds;
}

function ruleList(text: string | undefined): FindingCode[] | undefined {
  if (text === undefined) return undefined;
  const parsed = parseRules(text);
  if ('problem' in parsed) throw new Error(`--rules ${parsed.problem}`);
  return parsed.codes;
}

function checkDate(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !IsoDate.safeParse(value).success) throw new Error(`${flag} must be an ISO date such as 2025-11-30, not "${value}"`);
  return value;
}

export function registerAnalyzeCommand(program: Command, databaseFlags: () => DatabaseFlags): void {
  const command = program
    .command('analyze')
    .description('coverage by capability area and year, and the coordination findings, for a package or the database')
    .option('--input <file>', 'analyse this data package instead of the database')
    .option('--as-of <date>', 'the day to analyse for (default today)')
    .option('--format <format>', 'json, table or markdown', 'table')
    .option('--currency <code>', 'report currency', 'EUR')
    .option('--nato-accession <date>', "a hypothetical date of the beneficiary's NATO accession")
    .option('--rules <codes>', 'run only these rules (finding codes, separated by commas)');
  for (const spec of ANALYSIS_THRESHOLDS) {
    command.option(`${thresholdFlag(spec.option)} <${spec.integer ? 'n' : 'ratio'}>`, `${spec.description} (default ${spec.defaultValue})`);
  }
  command.action(async (flags: AnalyzeFlags) => {
    const format = flags.format as AnalysisFormat;
    if (!FORMATS.includes(format)) throw new Error(`--format must be one of ${FORMATS.join(', ')}, not "${flags.format}"`);
    if (!isCurrencyCode(flags.currency)) throw new Error(`--currency must be an ISO 4217 code such as EUR, not "${flags.currency}"`);
    const asOf = checkDate(flags.asOf, '--as-of') ?? new Date().toISOString().slice(0, 10);
    const natoAccession = checkDate(flags.natoAccession, '--nato-accession') ?? null;
    const rules = ruleList(flags.rules);
    const options: AnalysisOptions = { asOf, currency: flags.currency, natoAccession, ...thresholdOptions(flags), ...(rules ? { rules } : {}) };
    const input = flags.input ? packageFromFile(flags.input) : await withStore(databaseFlags(), (store) => store.exportPackage(SYSTEM_VIEWER));
    process.stdout.write(formatAnalysis(analyze(input, options), format));
  });
}

export function packageFromFile(file: string): DataPackage {
  const result = validatePackage(readPackageFile(file));
  if (!result.ok) throw new InvalidPackage(file, result.issues);
  return result.package;
}
