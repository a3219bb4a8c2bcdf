// A throwaway PostgreSQL server of the test's own, for fault tests and the load benchmark that
// must stop and start the database under a running Compact (CI's shared server cannot be
// stopped). Debian's binaries, as scripts/with-postgres.sh uses them.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres, trust authentication. */
  readonly url: string;
  readonly port: number;
  /** `pg_ctl stop -m fast`: sessions are ended, as in a restart of the database server. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its files. */
  destroy(): Promise<void>;
}

/** The folder holding initdb and pg_ctl (PGBIN, else the newest under /usr/lib/postgresql), or undefined. */
export function postgresBinaries(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.PGBIN ? [env.PGBIN] : listVersions();
  return candidates.find((folder) => existsSync(join(folder, 'initdb')) && existsSync(join(folder, 'pg_ctl')));
}

function listVersions(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(root, version, 'bin'));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, the commands run as the postgres user. */
function asServerUser(command: string, args: string[]): Promise<unknown> {
  const root = process.getuid?.() === 0;
  return root ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);
}

/** Initialises and starts a new cluster on a free loopback port (fsync off: nothing here must survive a power cut). */
export async function startThrowawayPostgres(binaries = postgresBinaries()): Promise<ThrowawayPostgres> {
  if (!binaries) throw new Error('PostgreSQL server binaries not found (set PGBIN)');
  const folder = mkdtempSync(join(tmpdir(), 'compact-pg-'));
  if (process.getuid?.() === 0) chownSync(folder, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
  const data = join(folder, 'data');
  const port = await freePort();
  const pgCtl = join(binaries, 'pg_ctl');
  await asServerUser(join(binaries, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = async () => {
    await asServerUser(pgCtl, ['-D', data, '-l', join(folder, 'server.log'), '-w', '-t', '30', '-o', options, 'start']);
  };
  const stop = async () => {
    await asServerUser(pgCtl, ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: async () => {
      await stop().catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
