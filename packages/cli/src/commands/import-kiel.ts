import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CompactError, Partner, SYSTEM_VIEWER, type GdpFigure, type ValidationIssue } from '@compact/core';
import { findTable, mapKielTable, mergeGdp, readKielFile, type ActivityUnit, type KielImport } from '@compact/exchange';
import { importFlows, type FlowImportOptions, type Store } from '@compact/store';
import { SingleBar } from 'cli-progress';
import { Option, type Command } from 'commander';
import type { DatabaseFlags } from '../config.js';
import { formatKielSummary, type KielWritten } from '../format/kiel.js';
import { withStore } from '../with-store.js';

const OPERATOR = { ...SYSTEM_VIEWER, actor: 'cli' };
const SHOWN = 10;

type ImportTransaction = Parameters<NonNullable<FlowImportOptions['alsoWrite']>>[0];

interface KielFlags {
  dryRun?: boolean;
  report?: string;
  activityUnit: ActivityUnit;
  strict?: boolean;
  json?: boolean;
}

/** A progress bar on standard error, phase by phase; silent when standard error is not a terminal. */
class Progress {
  private readonly bar = process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, format: '{phase} |{bar}| {value}/{total}', hideCursor: true, clearOnComplete: true, etaBuffer: 50 })
    : null;
  private started = false;

  phase(phase: string, total: number): void {
    if (!this.bar) return;
    if (this.started) this.bar.stop();
    this.bar.start(Math.max(total, 1), 0, { phase: phase.padEnd(7) });
    this.started = true;
  }

  update(done: number, total: number): void {
    if (!this.bar) return;
    this.bar.setTotal(Math.max(total, 1));
    this.bar.update(done);
  }

  stop(): void {
    if (this.bar && this.started) this.bar.stop();
    this.started = false;
  }
}

/** Validation problems named by the file's rows rather than by positions in the flow list. */
function byRow(error: unknown, result: KielImport): unknown {
  if (!(error instanceof CompactError) || !error.issues) return error;
  const described = error.issues.slice(0, SHOWN).map((issue: ValidationIssue) => {
    const match = /^\$\.flows\[(\d+)\](.*)$/.exec(issue.path);
    const flow = match ? result.flows[Number(match[1])] : undefined;
    const where = flow ? `row ${flow.externalId.split('#').pop() ?? '?'} (${flow.id})${match?.[2] ? ` ${match[2].replace(/^\./, '')}` : ''}` : issue.path;
    return `  ${where}: ${issue.message}`;
  });
  const more = error.issues.length > SHOWN ? `\n  … ${error.issues.length - SHOWN} more` : '';
  return new Error(`${error.code}: nothing was written; ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}:\n${described.join('\n')}${more}`);
}

/** The tracker's GDP figures onto the partners, inside the import's transaction. */
async function writeGdp(store: Store, trx: ImportTransaction, result: KielImport, kept: string[]): Promise<number> {
  const byPartner = new Map<string, GdpFigure[]>();
  for (const entry of result.gdp) byPartner.set(entry.partner, [...(byPartner.get(entry.partner) ?? []), entry.figure]);
  let changed = 0;
  for (const [code, figures] of byPartner) {
    const partner = await store.getIn(trx, 'partners', code);
    if (!partner) continue;
    const merged = mergeGdp(partner.gdp, figures);
    for (const entry of merged.kept) kept.push(`GDP of ${code} for ${entry.year} kept from ${entry.source}; the tracker's figure was not taken`);
    if (merged.added + merged.replaced === 0) continue;
    await store.updateIn(trx, 'partners', code, Partner.parse({ ...partner, gdp: merged.gdp }), OPERATOR, partner.version);
    changed++;
  }
  return changed;
}

/** import-kiel: the Kiel Institute's Ukraine Support Tracker as flows. */
export function registerKielCommand(program: Command, databaseFlags: () => DatabaseFlags): void {
  program
    .command('import-kiel')
    .description("import the Kiel Institute Ukraine Support Tracker (country-by-month export or main data sheet, CSV or XLSX) as flows, all or nothing")
    .argument('<file>', 'the tracker file: .csv (comma, semicolon or tab) or .xlsx')
    .option('--dry-run', 'read and map, report, write nothing')
    .option('--report <file>', 'write the full report as JSON: summary, every row not mapped, warnings, GDP figures')
    .addOption(
      new Option('--activity-unit <unit>', 'what tot_sub_activity_value_EUR counts in (main data sheet): eur, million or billion')
        .choices(['eur', 'million', 'billion'])
        .default('eur'),
    )
    .option('--strict', 'refuse the whole file (write nothing, exit 1) when any row cannot be mapped')
    .option('--json', 'print the summary as JSON instead of text')
    .action(async (file: string, flags: KielFlags) => {
      const name = basename(file);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(file));
      } catch (error) {
        throw new Error(`cannot read ${file}: ${(error as Error).message}`);
      }
      const progress = new Progress();
      try {
        const outcome = await withStore(databaseFlags(), async (store) => {
          const partners = await store.list('partners', OPERATOR);
          if (!partners.some((partner) => partner.code === 'UA')) {
            throw new Error('the registry has no partner UA (Ukraine), the beneficiary of every tracker flow; import the dataset first (compact import data/compact.json)');
          }
          progress.phase('read', 1);
          const table = findTable(await readKielFile(bytes, name));
          progress.update(1, 1);
          progress.phase('map', table.rows.length);
          const result = mapKielTable(table, {
            partners: partners.map((partner) => ({ code: partner.code, name: partner.name })),
            fileName: name,
            activityUnit: flags.activityUnit,
            onProgress: (done, total) => progress.update(done, total),
          });
          // Exact duplicates are imported once, so they do not fail a strict import.
          const unmapped = result.notMapped.filter((entry) => entry.duplicateOf === undefined);
          if (flags.strict && unmapped.length > 0) {
            const first = unmapped.slice(0, SHOWN).map((entry) => `  row ${entry.row}: ${entry.reason}`).join('\n');
            throw new Error(`--strict: ${unmapped.length} row${unmapped.length === 1 ? '' : 's'} could not be mapped; nothing was written\n${first}`);
          }
          if (flags.dryRun) return { result, written: null, kept: [] as string[] };
          progress.phase('write', result.flows.length);
          const kept: string[] = [];
          let gdpPartners = 0;
          try {
            const summary = await importFlows(store, result.flows, OPERATOR, {
              label: `kiel:${name}`,
              onProgress: (done, total) => progress.update(done, total),
              alsoWrite: async (trx) => {
                gdpPartners = await writeGdp(store, trx, result, kept);
              },
            });
            return { result, written: { ...summary, gdpPartners } satisfies KielWritten, kept };
          } catch (error) {
            throw byRow(error, result);
          }
        });
        progress.stop();
        const { result, written, kept } = outcome;
        const warnings = [...result.warnings, ...kept.map((message) => ({ row: 0, message }))];
        const shown: KielImport = { ...result, warnings };
        if (flags.report) {
          const report = { file: name, layout: result.layout, sheet: result.sheet ?? null, headerRow: result.headerRow, summary: result.summary, written, notMapped: result.notMapped, warnings, gdp: result.gdp };
          writeFileSync(flags.report, `${JSON.stringify(report, null, 2)}\n`);
        }
        if (flags.json) console.log(JSON.stringify({ file: name, layout: result.layout, sheet: result.sheet ?? null, summary: result.summary, written, warnings: warnings.length, notMapped: result.notMapped.slice(0, SHOWN) }, null, 2));
        else console.log(formatKielSummary(name, shown, written));
      } finally {
        progress.stop();
      }
    });
}
