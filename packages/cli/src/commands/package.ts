import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SYSTEM_VIEWER, validatePackage, type DataPackage, type ValidationIssue } from '@compact/core';
import { exportCsv, exportFts, exportIati, ftsCsv, importCsv, importFts, importIati, looksLikeFts, looksLikeFtsCsv, readFtsCsv, type PartnerName } from '@compact/exchange';
import { importFlows, type Store } from '@compact/store';
import type { Command } from 'commander';
import type { DatabaseFlags } from '../config.js';
import { formatIssues } from '../output.js';
import { withStore } from '../with-store.js';

const OPERATOR = { ...SYSTEM_VIEWER, actor: 'cli' };

export function readPackageFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export class InvalidPackage extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(`${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${formatIssues(issues)}`);
  }
}

/** import, export and validate: the data package at the command line. */
export function registerPackageCommands(program: Command, databaseFlags: () => DatabaseFlags): void {
  program
    .command('validate')
    .description('check a data package and list every problem with its JSON path (exit 1 if any)')
    .argument('<file>', 'data package (compact/1 JSON)')
    .action((file: string) => {
      const result = validatePackage(readPackageFile(file));
      if (!result.ok) throw new InvalidPackage(file, result.issues);
      const pkg = result.package;
      console.log(`${file}: valid (${pkg.partners.length} partners, ${pkg.agreements.length} agreements, ${pkg.commitments.length} commitments, ${pkg.coalitions.length} coalitions)`);
    });

  program
    .command('import')
    .description('load data into the database, all or nothing: a data package, a folder or files of Compact CSV, IATI XML, or FTS JSON or CSV')
    .argument('<files...>', 'data package (compact/1 JSON); a folder of CSV files or .csv files; .xml (IATI); .fts.json or FTS JSON; FTS flat CSV')
    .action(async (files: string[]) => {
      const label = files.join(' ');
      const message = await withStore(databaseFlags(), async (store) => {
        // A foreign file's organisations are matched against the partners already known.
        const input = readImport(files, await store.list('partners', OPERATOR));
        for (const warning of input.warnings) console.error(`warning: ${warning}`);
        if (input.kind === 'flows') {
          const summary = await importFlows(store, input.flows, OPERATOR, { label });
          return `imported ${label} (${input.format}): created ${summary.created} flows; updated ${summary.updated} flows`;
        }
        const summary = await store.importPackage(input.package, OPERATOR);
        const describe = (counts: Record<string, number>) =>
          Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(', ') || 'nothing';
        return `imported ${label}: created ${describe(summary.created)}; updated ${describe(summary.updated)}`;
      });
      console.log(message);
    });

  program
    .command('export')
    .description('write the whole database as a data package, or in an exchange format')
    .option('--format <format>', 'json (data package, the default), csv (a folder of files), iati (XML), fts (JSON) or fts-csv', 'json')
    .option('--out <file>', 'write to a file (a folder for csv) instead of standard output')
    .action(async (options: { out?: string; format: string }) => {
      if (!EXPORT_FORMATS.includes(options.format)) throw new Error(`unknown export format "${options.format}": use ${EXPORT_FORMATS.join(', ')}`);
      if (options.format === 'csv' && !options.out) throw new Error('csv export writes a folder of files: give --out DIR');
      const pkg = await withStore(databaseFlags(), (store: Store) => store.exportPackage(OPERATOR));
      if (options.format === 'csv') {
        const folder = options.out!;
        mkdirSync(folder, { recursive: true });
        const files = exportCsv(pkg);
        for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
        console.error(`exported ${Object.keys(files).length} CSV files to ${folder}`);
        return;
      }
      const text = renderExport(pkg, options.format);
      if (options.out) {
        writeFileSync(options.out, text);
        console.error(
          options.format === 'json'
            ? `exported ${pkg.agreements.length} agreements and ${pkg.commitments.length} commitments to ${options.out}`
            : `exported ${pkg.flows.length} flows (${options.format}) to ${options.out}`,
        );
      } else {
        process.stdout.write(text);
      }
    });
}

const EXPORT_FORMATS = ['json', 'csv', 'iati', 'fts', 'fts-csv'];

function renderExport(pkg: DataPackage, format: string): string {
  switch (format) {
    case 'iati':
      return exportIati(pkg, { generatedAt: new Date().toISOString() });
    case 'fts':
      return `${JSON.stringify(exportFts(pkg, { exchangeRates: pkg.exchangeRates }), null, 2)}\n`;
    case 'fts-csv':
      return ftsCsv(exportFts(pkg, { exchangeRates: pkg.exchangeRates }));
    default:
      return `${JSON.stringify(pkg, null, 2)}\n`;
  }
}

type ImportInput =
  | { kind: 'package'; package: unknown; warnings: string[] }
  | { kind: 'flows'; format: string; flows: unknown[]; warnings: string[] };

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/**
 * What the files are, by extension and content: a folder or .csv files are Compact CSV (or one FTS
 * flat CSV), .xml or text starting with `<` is IATI, .fts.json or JSON flows with `sourceObjects`
 * are FTS, anything else a data package.
 */
export function readImport(files: readonly string[], partners: readonly PartnerName[] = []): ImportInput {
  const first = files[0] ?? '';
  const isFolder = files.length === 1 && statSync(first, { throwIfNoEntry: false })?.isDirectory();
  const csvFiles = isFolder ? readdirSync(first).filter((name) => name.endsWith('.csv')).map((name) => join(first, name)) : files.filter((file) => file.endsWith('.csv'));
  if (isFolder || csvFiles.length > 0) {
    if (csvFiles.length !== (isFolder ? csvFiles.length : files.length)) throw new Error('give either CSV files or one other file, not both');
    if (csvFiles.length === 0) throw new Error(`${first}: no .csv files in this folder`);
    const texts = Object.fromEntries(csvFiles.map((file) => [basename(file), readText(file)]));
    const [onlyName, onlyText] = Object.entries(texts)[0] ?? ['', ''];
    if (csvFiles.length === 1 && looksLikeFtsCsv(onlyText)) {
      const result = importFts(readFtsCsv(onlyText), { partners });
      return { kind: 'flows', format: `FTS CSV ${onlyName}`, flows: result.flows, warnings: result.warnings };
    }
    const result = importCsv(texts);
    return { kind: 'package', package: result.package, warnings: result.warnings };
  }
  if (files.length > 1) throw new Error('give one file, a folder, or several .csv files');
  const text = readText(first);
  if (first.endsWith('.xml') || text.trimStart().startsWith('<')) {
    const result = importIati(text, { partners });
    return { kind: 'flows', format: 'IATI', flows: result.flows, warnings: result.warnings };
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${first} is not valid JSON: ${(error as Error).message}`);
  }
  if (first.endsWith('.fts.json') || looksLikeFts(json)) {
    const result = importFts(json, { partners });
    return { kind: 'flows', format: 'FTS', flows: result.flows, warnings: result.warnings };
  }
  return { kind: 'package', package: json, warnings: [] };
}
