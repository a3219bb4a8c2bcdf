import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { SYSTEM_VIEWER, IsoDate, parseStressInput, StressScenarioFile, type StressSettingsInput } from '@compact/core';
import { runStressParallel } from '@compact/compute';
import type { Command } from 'commander';
import type { DatabaseFlags } from '../config.js';
import { formatStress, progressBar, STRESS_FORMATS, type StressFormat } from '../format/stress.js';
import { withStore } from '../with-store.js';
import { packageFromFile } from './analyze.js';

interface StressFlags {
  input?: string;
  asOf?: string;
  trials?: string;
  seed?: string;
  scenario?: string;
  threshold?: string;
  workers?: string;
  format: string;
}

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`${flag} must be a whole number, not "${value}"`);
  return Number(value);
}

function number(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`${flag} must be a number, not "${value}"`);
  return parsed;
}

function readScenarioFile(file: string): StressScenarioFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseStressInput(StressScenarioFile, raw, 'scenarioFile');
}

export function registerStressCommand(program: Command, databaseFlags: () => DatabaseFlags): void {
  program
    .command('stress')
    .description('Monte Carlo stress test of the guarantee network: coverage distributions, what matters most, deterrence index')
    .option('--input <file>', 'test this data package instead of the database')
    .option('--as-of <date>', "the day to test for (default: the package's asOf, else today)")
    .option('--trials <n>', 'number of trials (default 10000)')
    .option('--seed <s>', 'random seed, 0 to 4294967295 (default 1)')
    .option('--scenario <file>', 'a scenario file (format "compact-stress/1": settings and a what-if)')
    .option('--threshold <x>', 'coverage a cell must reach (default 0.8)')
    .option('--workers <n>', 'worker threads (default: one per core; 0 runs on the main thread)')
    .option('--format <format>', 'json or table', 'json')
    .action(async (flags: StressFlags) => {
      const format = flags.format as StressFormat;
      if (!STRESS_FORMATS.includes(format)) throw new Error(`--format must be one of ${STRESS_FORMATS.join(', ')}, not "${flags.format}"`);
      if (flags.asOf !== undefined && !IsoDate.safeParse(flags.asOf).success) throw new Error(`--as-of must be an ISO date such as 2025-11-30, not "${flags.asOf}"`);
      const file = flags.scenario ? readScenarioFile(flags.scenario) : null;
      const input = flags.input ? packageFromFile(flags.input) : await withStore(databaseFlags(), (store) => store.exportPackage(SYSTEM_VIEWER));
      const asOf = flags.asOf ?? input.asOf ?? new Date().toISOString().slice(0, 10);
      const settings: StressSettingsInput = { ...file?.settings, asOf };
      const trials = integer(flags.trials, '--trials');
      const seed = integer(flags.seed, '--seed');
      const threshold = number(flags.threshold, '--threshold');
      if (trials !== undefined) settings.trials = trials;
      if (seed !== undefined) settings.seed = seed;
      if (threshold !== undefined) settings.threshold = threshold;
      const workers = integer(flags.workers, '--workers') ?? availableParallelism();
      const bar = process.stderr.isTTY === true;
      let last = -1;
      const result = await runStressParallel(input, settings, file?.scenario ?? null, {
        workers,
        onProgress: bar
          ? (done, total) => {
              const step = Math.floor((100 * done) / total);
              if (step === last) return;
              last = step;
              process.stderr.write(`\r${progressBar(done, total)}`);
            }
          : undefined,
      });
      if (bar) process.stderr.write('\n');
      process.stdout.write(formatStress(result, format));
    });
}
