import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type StoreOptions } from '@compact/store';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '@compact/store/postgres-cluster';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_READS, accountWrites, runMixedLoad } from './testing/mixed-load.js';
import { startServeProcess } from './testing/serve-process.js';

// A short version of the load benchmark (bench/load-bench.ts): 50 clients for 5 s against a real
// `compact serve`, reads and writes mixed. No answer may be a 5xx, and every 201 must match one
// row (and one audit entry) afterwards, every row one 201. Times are not asserted.

const postgres: { server?: ThrowawayPostgres } = {};
const folder = mkdtempSync(join(tmpdir(), 'compact-load-'));
afterAll(async () => {
  await postgres.server?.destroy();
  rmSync(folder, { recursive: true, force: true });
});

const backends: Array<{ name: string; options: () => Promise<StoreOptions | undefined> }> = [
  { name: 'SQLite', options: () => Promise.resolve({ sqlitePath: join(folder, 'load.sqlite') }) },
  {
    name: 'PostgreSQL',
    options: async () => {
      const binaries = postgresBinaries();
      if (!binaries) return undefined;
      postgres.server = await startThrowawayPostgres(binaries);
      return { databaseUrl: postgres.server.url, pgSchema: 'load_test' };
    },
  },
];

describe.each(backends)('50 clients for 5 s on $name', ({ options }) => {
  it('answers no 5xx and loses or duplicates no write', { timeout: 120_000 }, async (context) => {
    const storeOptions = await options();
    if (!storeOptions) return context.skip('PostgreSQL server binaries not found');
    const env: Record<string, string> = storeOptions.databaseUrl ? { DATABASE_URL: storeOptions.databaseUrl, COMPACT_PG_SCHEMA: storeOptions.pgSchema! } : { COMPACT_DB: storeOptions.sqlitePath!, DATABASE_URL: '' };
    const server = await startServeProcess({ env });
    let result;
    try {
      result = await runMixedLoad({ url: server.url, clients: 50, durationMs: 5_000, writeShare: 0.3, runId: 'load', reads: DEFAULT_READS });
    } finally {
      await server.stop();
    }
    expect(Object.keys(result.byStatus).sort(), JSON.stringify(result.byStatus)).toEqual(['200', '201']);
    expect(result.serverErrors).toBe(0);
    expect(result.created.length).toBeGreaterThan(0);
    const store = await openStore(storeOptions);
    try {
      const account = await accountWrites(store, 'load', result.created);
      expect(account).toEqual({ rows: result.created.length, lost: [], unexpected: [] });
      expect((await store.verifyAudit()).ok).toBe(true);
    } finally {
      await store.close();
    }
    console.info(`load (${storeOptions.databaseUrl ? 'postgres' : 'sqlite'}): ${result.requests} requests, ${result.requestsPerSecond.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.created.length} writes`);
  });
});
