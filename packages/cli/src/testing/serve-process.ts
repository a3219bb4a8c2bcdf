// A real `compact serve` in a child process, for tests and benchmarks that must kill it, restart
// it, or load it without sharing its event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const COMPACT_BIN = fileURLToPath(new URL('../../bin/compact.js', import.meta.url));
const MEMORY_REPORTER = fileURLToPath(new URL('./report-memory.mjs', import.meta.url));

export interface MemorySample {
  at: number;
  rss: number;
  heapUsed: number;
}

export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** What the process has written to standard error so far (stack traces would show here, not to clients). */
  stderr(): string;
  /** Samples from the process itself, one every five seconds, when started with `reportMemory`. */
  readonly memory: MemorySample[];
  /** Resident set size now, from /proc (Linux), in bytes. */
  rss(): number | undefined;
  /** SIGTERM, then SIGKILL if it lingers; resolves when it has exited. */
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** Environment on top of this process's: COMPACT_DB or DATABASE_URL (+ COMPACT_PG_SCHEMA), … */
  env: Record<string, string>;
  seed?: boolean;
  /** Preloads a reporter that writes process.memoryUsage() (after a forced collection) every five seconds. */
  reportMemory?: boolean;
}

/** Starts `compact serve` on a free loopback port, trusting the viewer header, and waits for its address. */
export async function startServeProcess(options: ServeOptions): Promise<ServeProcess> {
  const nodeArgs = options.reportMemory ? ['--expose-gc', '--import', MEMORY_REPORTER] : [];
  const args = [...nodeArgs, COMPACT_BIN, 'serve', '--port', '0', '--host', '127.0.0.1', ...(options.seed === false ? ['--no-seed'] : [])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, COMPACT_TRUST_VIEWER_HEADER: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const memory: MemorySample[] = [];
  const reports = child.stdio[3] as NodeJS.ReadableStream;
  createInterface({ input: reports }).on('line', (line) => memory.push(JSON.parse(line) as MemorySample));
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`compact serve exited (${code ?? signal}) before listening:\n${out}\n${errors}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      out += `${line}\n`;
      const found = /"url":"(http:[^"]+)"/.exec(line);
      if (found?.[1]) resolve(found[1]);
    });
  });
  return {
    url,
    child,
    memory,
    stderr: () => errors,
    rss: () => {
      try {
        const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        return kb ? Number(kb) * 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
