import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Tables } from './schema.js';
import { PostgresFeed } from './crisis/feed.js';
import { sqliteDialect } from './sqlite-dialect.js';
import { Store } from './store.js';

export interface StoreOptions {
  /** PostgreSQL connection string; when set it wins over the SQLite file. */
  readonly databaseUrl?: string | undefined;
  /** SQLite file, created on first start (default `.compact/compact.sqlite`). */
  readonly sqlitePath?: string | undefined;
  /** PostgreSQL schema to work in (tests use one each); created if missing. */
  readonly pgSchema?: string | undefined;
}

export const DEFAULT_SQLITE_PATH = '.compact/compact.sqlite';

/** Opens the configured database and brings its schema up to date. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const store = options.databaseUrl ? await openPostgres(options.databaseUrl, options.pgSchema) : openSqlite(options.sqlitePath);
  await store.migrate();
  return store;
}

function openSqlite(path = DEFAULT_SQLITE_PATH): Store {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const database = new SqliteDatabase(path);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // A larger page cache (64 MB) keeps bulk imports' random-keyed index inserts in memory.
  database.pragma('cache_size = -65536');
  return new Store(new Kysely<Tables>({ dialect: sqliteDialect(database) }), 'sqlite', undefined, database);
}

async function openPostgres(connectionString: string, schema?: string): Promise<Store> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  if (schema) {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query(`create schema if not exists ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle pooled connection the database ended (a restart) is dropped by the pool, which then
  // emits 'error'; unheard, that event would crash the process. The next request opens a new one.
  pool.on('error', () => undefined);
  const feed = new PostgresFeed(pool, connectionString, `compact_${schema ?? 'public'}`);
  return new Store(new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), 'postgres', feed, undefined, schema);
}
