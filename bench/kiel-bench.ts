// Kiel tracker import (issue 7): 100,000 synthetic main-sheet rows as CSV, read + map + written into
// a fresh SQLite store in one transaction (target < 5 s); a smaller XLSX workbook for the reader's
// cost. Called by run.ts; run alone (`npx tsx bench/kiel-bench.ts`) it prints its figures.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_VIEWER } from '@compact/core';
import { findTable, mapKielTable, readKielFile, type KielImport } from '@compact/exchange';
import { importFlows, openStore, type Store } from '@compact/store';
import ExcelJS from 'exceljs';
import { median, type BenchRow } from './measure.js';

const HEADER = ['donor', 'aid_type_general', 'measure', 'announcement_date', 'month', 'tot_sub_activity_value_EUR', 'source_reported_value', 'reporting_currency', 'explanation', 'item', 'item_numb_deliv'];
// The shipped dataset's partners under the tracker's spellings, and two donors it does not hold.
const DONORS = ['Germany', 'United Kingdom', 'France', 'EU (Commission and Council)', 'United States', 'Czech Republic', 'Netherlands', 'Denmark', 'Poland', 'Japan', 'Canada', 'Sweden', 'Switzerland', 'South Korea'];
const AID = ['Military ', 'Financial', 'Humanitarian'];
const ITEMS = ['Leopard 2A6', '155mm ammunition', 'IRIS-T SLM', 'Bayraktar TB2', '', 'Winter clothing'];

/** Rows in pairs: a commitment and the allocation that carries it out a month later. */
export function syntheticMainRows(count: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const activity = Math.floor(i / 2);
    const allocation = i % 2 === 1;
    const donor = DONORS[activity % DONORS.length] ?? 'Germany';
    const month = (activity % 12) + 1 + (allocation ? 1 : 0);
    const year = 2022 + (activity % 4) + (month > 12 ? 1 : 0);
    const mm = String(((month - 1) % 12) + 1).padStart(2, '0');
    const item = ITEMS[activity % ITEMS.length] ?? '';
    rows.push([
      donor,
      AID[activity % AID.length] ?? 'Military',
      allocation ? 'Allocation' : 'Commitment',
      `${year}-${mm}-${String((activity % 28) + 1).padStart(2, '0')}`,
      `${year}-${mm}`,
      String((activity % 997) * 1_000_000 + 250_000.5),
      String((activity % 997) * 1_100_000),
      'USD',
      `Package ${activity}`,
      item,
      item ? String((activity % 50) + 1) : '',
    ]);
  }
  return rows;
}

export function toCsv(rows: string[][]): Uint8Array {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return new TextEncoder().encode([HEADER, ...rows].map((row) => row.map(quote).join(',')).join('\n'));
}

async function toXlsx(rows: string[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Bilateral Assistance, MAIN DATA');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row.map((cell, i) => (i === 5 || i === 6 || i === 10 ? (cell === '' ? null : Number(cell)) : cell)));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const shipped = JSON.parse(readFileSync(fileURLToPath(new URL('../data/compact.json', import.meta.url)), 'utf8')) as unknown;

async function seededStore(): Promise<{ store: Store; dispose: () => Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'compact-kiel-bench-'));
  const store = await openStore({ sqlitePath: join(folder, 'bench.sqlite') });
  await store.importPackage(shipped, SYSTEM_VIEWER);
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

interface Phases {
  /** CPU time of this process (all threads): on a shared machine the wall clock also counts waiting. */
  cpu: number;
  read: number;
  map: number;
  write: number;
  total: number;
  result: KielImport;
}

async function importOnce(bytes: Uint8Array, fileName: string): Promise<Phases> {
  const { store, dispose } = await seededStore();
  try {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const partners = (await store.list('partners', SYSTEM_VIEWER)).map((partner) => ({ code: partner.code, name: partner.name }));
    const table = findTable(await readKielFile(bytes, fileName));
    const read = performance.now();
    const result = mapKielTable(table, { partners, fileName });
    const mapped = performance.now();
    await importFlows(store, result.flows, SYSTEM_VIEWER, { label: `kiel:${fileName}` });
    const end = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    return { cpu: (cpu.user + cpu.system) / 1000, read: read - start, map: mapped - read, write: end - mapped, total: end - start, result };
  } finally {
    await dispose();
  }
}

async function measure(name: string, bytes: Uint8Array, fileName: string, runs: number, target?: number): Promise<BenchRow> {
  const samples: Phases[] = [];
  for (let i = 0; i < runs; i++) samples.push(await importOnce(bytes, fileName));
  const phase = (key: 'cpu' | 'read' | 'map' | 'write') => Math.round(median(samples.map((sample) => sample[key])));
  const last = samples[samples.length - 1]?.result;
  const flows = last?.summary.flows ?? 0;
  return {
    name,
    median: median(samples.map((sample) => sample.total)),
    unit: 'ms',
    runs,
    note: `read ${phase('read')} + map ${phase('map')} + write ${phase('write')} ms, CPU ${phase('cpu')} ms; ${flows} flows, ${last?.summary.restating ?? 0} linked, ${last?.summary.notMapped ?? 0} not mapped${target ? `; target < ${target} ms` : ''}`,
  };
}

export async function kielBenchmarks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  rows.push(await measure('kiel: import 100,000 main-sheet rows from CSV (read + map + SQLite)', toCsv(syntheticMainRows(100_000)), 'bench.csv', 3, 5000));
  rows.push(await measure('kiel: import 10,000 main-sheet rows from XLSX (read + map + SQLite)', await toXlsx(syntheticMainRows(10_000)), 'bench.xlsx', 3));
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const row of await kielBenchmarks()) console.log(`${row.name}  ${row.median.toFixed(1)} ${row.unit}  (${row.runs} runs)  ${row.note ?? ''}`);
}
