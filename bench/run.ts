// `npm run bench`: measures on this machine and prints a table of medians. Not a test: nothing
// here asserts a time; the figures go into the closing notes of the issues that set targets.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_VIEWER, type Viewer } from '@compact/core';
import { startServer } from '@compact/server';
import { openStore, type Store } from '@compact/store';
import { pino } from 'pino';
import { analyseAgreementText } from '@compact/core';
import { readDocument } from '@compact/ingest';
import { makePdf, paginate } from '@compact/ingest/testing';
import { allocationBenchmarks } from './allocation-bench.js';
import { analysisBenchmarks } from './analysis-bench.js';
import { crisisBenchmarks } from './crisis-bench.js';
import { kielBenchmarks } from './kiel-bench.js';
import { publicBenchmarks } from './public-bench.js';
import { loadBenchmarks } from './load-bench.js';
import { stressBenchmarks } from './stress-bench.js';
import { syntheticAgreement, textBenchmarks } from './text-bench.js';
import { syntheticPackage } from './synthetic.js';
import { webBenchmarks } from './web-bench.js';
import { median, type BenchRow } from './measure.js';

const rows: BenchRow[] = [];
const shipped = JSON.parse(readFileSync(fileURLToPath(new URL('../data/compact.json', import.meta.url)), 'utf8')) as unknown;

async function time(name: string, runs: number, work: () => Promise<void>, note?: string): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  rows.push({ name, median: median(samples), unit: 'ms', runs, ...(note ? { note } : {}) });
}

async function freshStore(): Promise<{ store: Store; dispose: () => Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'compact-bench-'));
  const store = await openStore(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, pgSchema: `bench_${Date.now()}` } : { sqlitePath: join(folder, 'bench.sqlite') });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const backend = process.env.DATABASE_URL ? 'postgres' : 'sqlite';

  await time(`import shipped dataset into a new database (${backend})`, 5, async () => {
    const { store, dispose } = await freshStore();
    await store.importPackage(shipped, SYSTEM_VIEWER);
    await dispose();
  });

  const synthetic = syntheticPackage(10_000);
  await time(`import 10,000 synthetic commitments (${backend})`, 3, async () => {
    const { store, dispose } = await freshStore();
    await store.importPackage(synthetic, SYSTEM_VIEWER);
    await dispose();
  });

  const { store, dispose } = await freshStore();
  await store.importPackage(synthetic, SYSTEM_VIEWER);
  const viewers: Array<[string, Viewer]> = [
    ['public', { role: 'public' }],
    ['partner officer', { role: 'partner-officer', partner: 'QA' }],
  ];
  for (const [label, viewer] of viewers) {
    await time(`list 10,000 commitments as ${label}`, 9, async () => {
      await store.list('commitments', viewer);
    });
  }
  await time('export the whole database as a package', 5, async () => {
    await store.exportPackage(SYSTEM_VIEWER);
  });
  await dispose();

  const seeded = await freshStore();
  await seeded.store.importPackage(shipped, SYSTEM_VIEWER);
  const server = await startServer({
    store: seeded.store,
    logger: pino({ level: 'silent' }),
    version: 'bench',
    port: 0,
    host: '127.0.0.1',
    viewerPolicy: { anonymousRole: 'public', trustViewerHeader: false },
  });
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < 300; i++) {
    const start = performance.now();
    const response = await fetch(`${server.url}/api/agreements?asOf=2024-02-20`);
    await response.arrayBuffer();
    latencies.push(performance.now() - start);
  }
  const seconds = (performance.now() - started) / 1000;
  rows.push({ name: 'GET /api/agreements?asOf=2024-02-20, sequential', median: median(latencies), unit: 'ms', runs: 300, note: `${Math.round(300 / seconds)} req/s` });
  await server.close();
  await seeded.dispose();

  // Coordination analysis (issue 3): in-process timings, and peak memory in a process of its own.
  rows.push(...analysisBenchmarks());

  // Agreement texts (issue 4): alignment, the pure pipeline, accuracy, and a 30-page PDF end to end.
  rows.push(...textBenchmarks());
  rows.push(...(await crisisBenchmarks()));
  rows.push(...(await allocationBenchmarks()));
  rows.push(...(await stressBenchmarks()));
  // Kiel tracker import (issue 7): 100,000 rows read, mapped and written in one transaction.
  rows.push(...(await kielBenchmarks()));
  // Public API (issue 10): the cached summary under 100 connections, from a separate server process.
  rows.push(...(await publicBenchmarks()));
  // Web app (issue 8): initial JavaScript and the overview's time to interactive.
  rows.push(...(await webBenchmarks()));
  // Load and soak (issue 9): 200 clients on PostgreSQL, writes counted, the server's memory over 5 minutes.
  rows.push(...(await loadBenchmarks()));
  const longText = syntheticAgreement(30);
  const lineCount = paginate(longText, { width: 90, linesPerPage: 1_000_000 })[0]?.length ?? 1;
  const pdf = makePdf(paginate(longText, { width: 90, linesPerPage: Math.ceil(lineCount / 30), header: 'Illustrative benchmark text' }));
  let summary = '';
  await time('text: read a 30-page PDF and import it (pdfjs + segment + classify + propose)', 5, async () => {
    const document = await readDocument(pdf, 'bench.pdf');
    const analysed = analyseAgreementText(document.text, { agreementId: 'bench', provider: 'QA', beneficiary: 'UA' });
    summary = `${document.pages ?? 0} pages, ${analysed.clauses.length} clauses, ${analysed.proposals.length} proposals; target < 3000 ms`;
  });
  const pdfRow = rows[rows.length - 1];
  if (pdfRow) pdfRow.note = summary;

  const width = Math.max(...rows.map((row) => row.name.length));
  console.log(`\nCompact benchmarks (${backend}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`);
  console.log(`${'benchmark'.padEnd(width)}  ${'median'.padStart(10)}  runs  note`);
  for (const row of rows) {
    console.log(`${row.name.padEnd(width)}  ${`${row.median.toFixed(1)} ${row.unit}`.padStart(10)}  ${String(row.runs).padStart(4)}  ${row.note ?? ''}`);
  }
}

await main();
