// What the kill tests share: databases to kill writers on (a SQLite file always, a throwaway
// PostgreSQL server when its binaries are here), and child processes to kill at chosen moments.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '@compact/store';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '@compact/store/postgres-cluster';
import { COMPACT_BIN } from './serve-process.js';

const PAUSER = fileURLToPath(new URL('./pause-in-transaction.ts', import.meta.url));

export interface FaultDatabase {
  /** What a `compact` child needs to find this database. */
  readonly env: Record<string, string>;
  /** The SQLite file, for tests that watch its write-ahead log. */
  readonly sqlitePath?: string;
  /** Opens it as a restarted process would (SQLite recovers its log; PostgreSQL rolled back already). */
  open(): Promise<Store>;
}

export interface FaultBackend {
  readonly name: 'sqlite' | 'postgres';
  fresh(): FaultDatabase;
  dispose(): Promise<void>;
}

export function sqliteBackend(): FaultBackend {
  const folder = mkdtempSync(join(tmpdir(), 'compact-faults-'));
  let counter = 0;
  return {
    name: 'sqlite',
    fresh() {
      const sqlitePath = join(folder, `db-${counter++}.sqlite`);
      return { env: { COMPACT_DB: sqlitePath, DATABASE_URL: '' }, sqlitePath, open: () => openStore({ sqlitePath }) };
    },
    dispose: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })),
  };
}

/** A PostgreSQL server of the test's own, or undefined when its binaries are absent. */
export async function postgresBackend(): Promise<FaultBackend | undefined> {
  const binaries = postgresBinaries();
  if (!binaries) return undefined;
  const server: ThrowawayPostgres = await startThrowawayPostgres(binaries);
  let counter = 0;
  return {
    name: 'postgres',
    fresh() {
      const pgSchema = `faults_${counter++}`;
      return { env: { DATABASE_URL: server.url, COMPACT_PG_SCHEMA: pgSchema }, open: () => openStore({ databaseUrl: server.url, pgSchema }) };
    },
    dispose: () => server.destroy(),
  };
}

export interface Child {
  readonly process: ChildProcess;
  /** Exit code, or the signal that ended it. */
  readonly exited: Promise<number | NodeJS.Signals>;
  output(): string;
  /** Milliseconds since it was started. */
  age(): number;
}

function start(args: string[], env: Record<string, string>): Child {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'SIGKILL')));
  return { process: child, exited, output: () => output, age: () => performance.now() - started };
}

/** The real `compact` command. */
export function runCompact(args: string[], env: Record<string, string>): Child {
  return start([COMPACT_BIN, ...args], env);
}

/** The pausing stand-in (testing/pause-in-transaction.ts); resolves once it has stopped inside its transaction. */
export async function runPausedInTransaction(args: string[], env: Record<string, string>): Promise<Child> {
  const child = start(['--import', 'tsx', PAUSER, ...args], env);
  const paused = (async () => {
    while (!child.output().includes('paused')) await new Promise((resolve) => setTimeout(resolve, 10));
  })();
  const outcome = await Promise.race([paused.then(() => 'paused' as const), child.exited]);
  if (outcome !== 'paused') throw new Error(`the pausing process ended (${outcome}) before pausing:\n${child.output()}`);
  return child;
}

/** SIGKILL once `ready()` holds (polled every few milliseconds) or the child has run `afterMs`, whichever first. */
export async function killWhen(child: Child, ready: () => boolean | Promise<boolean>, afterMs = Infinity): Promise<number | NodeJS.Signals> {
  while (child.process.exitCode === null && child.process.signalCode === null) {
    if (child.age() >= afterMs || (await ready())) {
      child.process.kill('SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  return child.exited;
}
