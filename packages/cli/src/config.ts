import { fileURLToPath } from 'node:url';
import { ROLES, type Role } from '@compact/core';
import { DEFAULT_SQLITE_PATH, type StoreOptions } from '@compact/store';

/** Settings come from the environment; command-line flags of the same meaning win. */
export interface DatabaseFlags {
  db?: string;
  databaseUrl?: string;
}

export function storeOptions(flags: DatabaseFlags, env: NodeJS.ProcessEnv = process.env): StoreOptions {
  const databaseUrl = flags.databaseUrl ?? env.DATABASE_URL;
  if (!databaseUrl) return { sqlitePath: flags.db ?? env.COMPACT_DB ?? DEFAULT_SQLITE_PATH };
  // Several deployments (or test runs) may share one PostgreSQL database, each in its own schema.
  return env.COMPACT_PG_SCHEMA ? { databaseUrl, pgSchema: env.COMPACT_PG_SCHEMA } : { databaseUrl };
}

export function describeDatabase(options: StoreOptions): string {
  if (options.databaseUrl) return `PostgreSQL ${new URL(options.databaseUrl).host}`;
  return `SQLite ${options.sqlitePath}`;
}

export const SHIPPED_DATASET = fileURLToPath(new URL('../../../data/compact.json', import.meta.url));
export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export function parseRole(value: string, name: string): Role {
  if (!ROLES.includes(value as Role)) throw new Error(`${name} must be one of ${ROLES.join(', ')}, not "${value}"`);
  return value as Role;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
