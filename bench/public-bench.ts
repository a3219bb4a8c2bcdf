// Public API under load (issue 10): a real `compact serve` process on the shipped dataset (SQLite),
// and autocannon in this process with 100 connections for 20 s against the cached network summary,
// then the same with the ETag (304s). Run alone: `npx tsx bench/public-bench.ts` (PUBLIC_BENCH_SECONDS
// shortens it).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { median, type BenchRow } from './measure.js';

const cli = fileURLToPath(new URL('../packages/cli/bin/compact.js', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function startServe(folder: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const env = { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '' };
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port), '--db', join(folder, 'public.sqlite')], { env, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error('compact serve did not start');
}

async function load(url: string, seconds: number, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 100, duration: seconds, headers });
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    status304: result['3xx'],
  };
}

export async function publicBenchmarks(seconds = Number(process.env.PUBLIC_BENCH_SECONDS ?? 20)): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'compact-public-bench-'));
  const { url, child } = await startServe(folder);
  try {
    const summary = `${url}/api/public/summary`;
    await load(summary, 2); // warm: the first answer renders and caches the summary
    const plain = await load(summary, seconds);
    const etag = (await fetch(summary)).headers.get('etag') ?? '';
    const conditional = await load(summary, seconds, { 'if-none-match': etag });
    // A briefing is rendered on its first request and cached after: each run asks for another day.
    const briefingSamples: number[] = [];
    for (let day = 1; day <= 7; day++) {
      const start = performance.now();
      const response = await fetch(`${url}/api/public/briefing.pdf?partner=GB&lang=uk&asOf=2025-06-${String(day).padStart(2, '0')}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`briefing: ${response.status}`);
      briefingSamples.push(performance.now() - start);
    }
    const note = (run: Awaited<ReturnType<typeof load>>) =>
      `${Math.round(run.perSecond)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, errors ${run.errors}, non-2xx ${run.non2xx}${run.status304 ? ` (304s ${run.status304})` : ''}; 100 connections, ${seconds} s (target ≥ 5,000 req/s)`;
    return [
      { name: 'public API: GET /api/public/summary, cached, separate server process', median: plain.p50, unit: 'ms', runs: Math.round(plain.perSecond * seconds), note: note(plain) },
      { name: 'public API: a Ukrainian PDF briefing of one partner, first request (rendered, then cached)', median: median(briefingSamples), unit: 'ms', runs: briefingSamples.length, note: `${Math.round(median(briefingSamples))} ms median of ${briefingSamples.length} (analysis of the public package, layout, DejaVu subset)` },
      { name: 'public API: the same with If-None-Match (304)', median: conditional.p50, unit: 'ms', runs: Math.round(conditional.perSecond * seconds), note: note(conditional) },
    ];
  } finally {
    child.kill('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await publicBenchmarks()) console.log(`${row.name}: ${row.note}`);
}
