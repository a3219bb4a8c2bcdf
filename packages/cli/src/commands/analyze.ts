import { SYSTEM_VIEWER, analyze, isCurrencyCode, validatePackage, IsoDate, type DataPackage } from '@compact/core';
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
}

const FORMATS: readonly AnalysisFormat[] = ['json', 'table', 'markdown'];

function checkDate(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !IsoDate.safeParse(value).success) throw new Error(`${flag} must be an ISO date such as 2025-11-30, not "${value}"`);
  return value;
}

export function registerAnalyzeCommand(program: Command, databaseFlags: () => DatabaseFlags): void {
  program
    .command('analyze')
    .description('coverage by capability area and year, and the coordination findings, for a package or the database')
    .option('--input <file>', 'analyse this data package instead of the database')
    .option('--as-of <date>', 'the day to analyse for (default today)')
    .option('--format <format>', 'json, table or markdown', 'table')
    .option('--currency <code>', 'report currency', 'EUR')
    .option('--nato-accession <date>', "a hypothetical date of the beneficiary's NATO accession")
    .action(async (flags: AnalyzeFlags) => {
      const format = flags.format as AnalysisFormat;
      if (!FORMATS.includes(format)) throw new Error(`--format must be one of ${FORMATS.join(', ')}, not "${flags.format}"`);
      if (!isCurrencyCode(flags.currency)) throw new Error(`--currency must be an ISO 4217 code such as EUR, not "${flags.currency}"`);
      const asOf = checkDate(flags.asOf, '--as-of') ?? new Date().toISOString().slice(0, 10);
      const natoAccession = checkDate(flags.natoAccession, '--nato-accession') ?? null;
      const input = flags.input ? packageFromFile(flags.input) : await withStore(databaseFlags(), (store) => store.exportPackage(SYSTEM_VIEWER));
      process.stdout.write(formatAnalysis(analyze(input, { asOf, currency: flags.currency, natoAccession }), format));
    });
}

export function packageFromFile(file: string): DataPackage {
  const result = validatePackage(readPackageFile(file));
  if (!result.ok) throw new InvalidPackage(file, result.issues);
  return result.package;
}
