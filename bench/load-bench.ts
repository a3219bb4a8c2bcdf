// Load and soak (issue 9): a real `compact serve` on PostgreSQL, loaded over loopback by 200
// clients mixing reads and writes (70/30) for 30 s, then soaked for 5 minutes while the server
// reports its own memory (after a forced collection) every five seconds. Reports requests/s, p50
// and p99, 5xx answers, and the writes counted in the database against the 201s. Needs
// PostgreSQL's server binaries to start a throwaway server (skipped with a message otherwise).
//   COMPACT_LOAD_CLIENTS (200), COMPACT_LOAD_SECONDS (30), COMPACT_SOAK_SECONDS (300; 0 skips)
// Called by run.ts; run alone (`npx tsx bench/load-bench.ts`) it prints its figures.
import { fileURLToPath } from 'node:url';
import { openStore, type StoreOptions } from '@compact/store';
import { postgresBinaries, startThrowawayPostgres } from '@compact/store/postgres-cluster';
import { DEFAULT_READS, accountWrites, runMixedLoad, type LoadResult } from '@compact/cli/testing/mixed-load';
import { startServeProcess, type MemorySample, type ServeProcess } from '@compact/cli/testing/serve-process';
import type { BenchRow } from './measure.js';

const MB = 1024 * 1024;

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of at least 0, not "${raw}"`);
  return value;
}

function statusNote(result: LoadResult): string {
  return Object.entries(result.byStatus)
    .map(([status, count]) => `${count}×${status}`)
    .join(', ');
}

async function loadRow(server: ServeProcess, options: StoreOptions, name: string, runId: string, clients: number, seconds: number): Promise<BenchRow[]> {
  const result = await runMixedLoad({ url: server.url, clients, durationMs: seconds * 1000, writeShare: 0.3, runId, reads: DEFAULT_READS });
  const store = await openStore(options);
  const account = await accountWrites(store, runId, result.created).finally(() => store.close());
  const writes = `${result.writes} writes sent, ${result.created.length} answered 201, ${account.rows} rows counted, ${account.lost.length} lost, ${account.unexpected.length} unexpected`;
  return [
    { name: `${name}: p50 latency`, median: result.p50, unit: 'ms', runs: result.requests, note: `${result.requestsPerSecond.toFixed(0)} req/s over ${result.seconds.toFixed(0)} s; ${statusNote(result)}; ${result.serverErrors} 5xx or unanswered` },
    { name: `${name}: p99 latency`, median: result.p99, unit: 'ms', runs: result.requests, note: `max ${result.max.toFixed(0)} ms; ${writes}` },
  ];
}

/** Median of the samples in a window, so one sample taken mid-burst does not decide. */
function around(samples: readonly MemorySample[], from: number, to: number, key: 'rss' | 'heapUsed'): number {
  const values = samples.filter((sample) => sample.at >= from && sample.at <= to).map((sample) => sample[key]).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? NaN;
}

export async function loadBenchmarks(): Promise<BenchRow[]> {
  const binaries = postgresBinaries();
  if (!binaries) {
    console.error('load benchmark skipped: PostgreSQL server binaries not found (install postgresql-15 or set PGBIN)');
    return [];
  }
  const clients = setting('COMPACT_LOAD_CLIENTS', 200);
  const loadSeconds = setting('COMPACT_LOAD_SECONDS', 30);
  const soakSeconds = setting('COMPACT_SOAK_SECONDS', 300);
  const postgres = await startThrowawayPostgres(binaries);
  const options = { databaseUrl: postgres.url, pgSchema: 'load_bench' };
  const server = await startServeProcess({ env: { DATABASE_URL: postgres.url, COMPACT_PG_SCHEMA: options.pgSchema }, reportMemory: true });
  const rows: BenchRow[] = [];
  try {
    rows.push(...(await loadRow(server, options, `load: ${clients} clients × ${loadSeconds} s, 30% writes (PostgreSQL)`, 'load', clients, loadSeconds)));
    if (soakSeconds > 0) {
      const soakStart = Date.now();
      rows.push(...(await loadRow(server, options, `soak: ${clients} clients × ${soakSeconds} s (PostgreSQL)`, 'soak', clients, soakSeconds)));
      const soakEnd = Date.now();
      // The first and last minute (or fifth) of the soak, the first starting once it has warmed up.
      const window = Math.min(60_000, ((soakEnd - soakStart) / 5) | 0);
      const first = [soakStart + window, soakStart + 2 * window] as const;
      const last = [soakEnd - window, soakEnd] as const;
      for (const key of ['rss', 'heapUsed'] as const) {
        const start = around(server.memory, ...first, key);
        const end = around(server.memory, ...last, key);
        rows.push({
          name: `soak: server ${key === 'rss' ? 'RSS' : 'heap used after GC'} at the end`,
          median: end / MB,
          unit: 'MB',
          runs: server.memory.filter((sample) => sample.at >= soakStart).length,
          note: `${(start / MB).toFixed(1)} MB after warm-up; ${end >= start ? '+' : ''}${(((end - start) / start) * 100).toFixed(1)}% over the soak`,
        });
      }
    }
  } finally {
    await server.stop();
    await postgres.destroy();
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const row of await loadBenchmarks()) console.log(`${row.name}  ${row.median.toFixed(1)} ${row.unit}  (${row.runs})  ${row.note ?? ''}`);
}
