import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type StoreOptions } from './open-store.js';
import type { Backend, Store } from './store.js';

/**
 * The backends the contract suite runs against: always the embedded SQLite file; PostgreSQL too
 * when DATABASE_URL is set (CI starts a server). Each opened store gets its own file or schema.
 */
export interface TestBackend {
  readonly name: Backend;
  open(): Promise<{ store: Store; options: StoreOptions; dispose: () => Promise<void> }>;
}

let counter = 0;

export const testBackends: TestBackend[] = [
  {
    name: 'sqlite',
    async open() {
      const folder = mkdtempSync(join(tmpdir(), 'compact-store-'));
      const options = { sqlitePath: join(folder, 'test.sqlite') };
      const store = await openStore(options);
      return {
        store,
        options,
        dispose: async () => {
          await store.close().catch(() => undefined);
          rmSync(folder, { recursive: true, force: true });
        },
      };
    },
  },
];

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  testBackends.push({
    name: 'postgres',
    async open() {
      const pgSchema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
      const options = { databaseUrl, pgSchema };
      const store = await openStore(options);
      return {
        store,
        options,
        dispose: async () => {
          await store.close().catch(() => undefined);
          const { default: pg } = await import('pg');
          const client = new pg.Client({ connectionString: databaseUrl });
          await client.connect();
          await client.query(`drop schema if exists ${pgSchema} cascade`);
          await client.end();
        },
      };
    },
  });
}
export { CRISIS_TEST_DATA } from './crisis/test-data.js';
