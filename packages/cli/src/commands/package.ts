import { readFileSync, writeFileSync } from 'node:fs';
import { SYSTEM_VIEWER, validatePackage, type ValidationIssue } from '@compact/core';
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
    .description('load a data package into the database, all or nothing')
    .argument('<file>', 'data package (compact/1 JSON)')
    .action(async (file: string) => {
      const input = readPackageFile(file);
      const summary = await withStore(databaseFlags(), (store) => store.importPackage(input, OPERATOR));
      const describe = (counts: Record<string, number>) =>
        Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(', ') || 'nothing';
      console.log(`imported ${file}: created ${describe(summary.created)}; updated ${describe(summary.updated)}`);
    });

  program
    .command('export')
    .description('write the whole database as a data package')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (options: { out?: string }) => {
      const pkg = await withStore(databaseFlags(), (store) => store.exportPackage(OPERATOR));
      const json = `${JSON.stringify(pkg, null, 2)}\n`;
      if (options.out) {
        writeFileSync(options.out, json);
        console.error(`exported ${pkg.agreements.length} agreements and ${pkg.commitments.length} commitments to ${options.out}`);
      } else {
        process.stdout.write(json);
      }
    });
}
