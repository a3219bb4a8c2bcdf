// Web app benchmarks (issue 8): the JavaScript a first visit downloads (the entry chunk and
// everything it imports statically, gzipped as a server would send it) and how soon the overview
// is interactive in headless Chromium against the real server. Reads the built
// packages/web/dist (run `npm run build:web` first); skips the browser row when Chromium is missing.
// Runnable alone: `npx tsx bench/web-bench.ts`.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SYSTEM_VIEWER } from '@compact/core';
import { startServer } from '@compact/server';
import { openStore } from '@compact/store';
import { pino } from 'pino';
import { median, type BenchRow } from './measure.js';

const dist = fileURLToPath(new URL('../packages/web/dist', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 5;
const TARGET_KB = 300;
const TARGET_MS = 1500;

/** Static imports of a built chunk (`import{a}from"./x.js"`, `import"./y.js"`), not `import()`. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}

/** The entry script and every chunk it reaches through static imports, with gzipped sizes. */
export function initialChunks(root: string): Array<{ file: string; bytes: number; gzip: number }> {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('index.html has no module script');
  const seen = new Map<string, { file: string; bytes: number; gzip: number }>();
  const visit = (path: string) => {
    const file = path.replace(/^\//, '');
    if (seen.has(file)) return;
    const code = readFileSync(join(root, file));
    seen.set(file, { file, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length });
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    for (const target of staticImports(code.toString('utf8'))) {
      if (!target.startsWith('.') && !target.startsWith('/')) continue;
      const resolved = target.startsWith('/') ? target : join(folder, target).replace(/\\/g, '/');
      visit(resolved);
    }
  };
  visit(entry);
  return [...seen.values()];
}

async function overviewTimes(): Promise<number[]> {
  const { chromium } = await import('playwright-core');
  const folder = mkdtempSync(join(tmpdir(), 'compact-web-bench-'));
  const store = await openStore({ sqlitePath: join(folder, 'bench.sqlite') });
  const shipped = JSON.parse(readFileSync(fileURLToPath(new URL('../data/compact.json', import.meta.url)), 'utf8')) as unknown;
  await store.importPackage(shipped, SYSTEM_VIEWER);
  const server = await startServer({
    store,
    logger: pino({ level: 'silent' }),
    version: 'bench',
    port: 0,
    host: '127.0.0.1',
    webRoot: dist,
    viewerPolicy: { anonymousRole: 'public', trustViewerHeader: false },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      // A fresh context each time: a first visit, nothing cached.
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      // Interactive: the map is drawn, the headline figures are in and the slider takes input.
      await page.locator('svg.world-map__svg[data-ready="true"] path[data-status]').first().waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => {
        const values = [...document.querySelectorAll('.headline-figure__value')].map((node) => node.textContent ?? '');
        return values.length === 3 && values.every((text) => text !== '…');
      });
      const at = await page.evaluate(() => performance.now());
      await page.locator('input[type="range"]').focus();
      if (i > 0) times.push(at); // the first run warms the server and the disk cache
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  }
  return times;
}

export async function webBenchmarks(): Promise<BenchRow[]> {
  if (!existsSync(join(dist, 'index.html'))) {
    console.warn('web bench: packages/web/dist is missing; run `npm run build:web` first');
    return [];
  }
  const chunks = initialChunks(dist);
  const gzip = chunks.reduce((sum, chunk) => sum + chunk.gzip, 0);
  const raw = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
  const echartsInitial = chunks.some((chunk) => readFileSync(join(dist, chunk.file), 'utf8').includes('echarts'));
  const rows: BenchRow[] = [
    {
      name: 'web: initial JavaScript, gzipped (entry + static imports)',
      median: gzip / 1024,
      unit: 'KB',
      runs: 1,
      note: `${chunks.length} files, ${(raw / 1024).toFixed(0)} KB raw; echarts in it: ${echartsInitial ? 'yes' : 'no'}; target < ${TARGET_KB} KB`,
    },
  ];
  if (!existsSync(CHROMIUM)) {
    console.warn(`web bench: no Chromium at ${CHROMIUM}; skipping time-to-interactive`);
    return rows;
  }
  const times = await overviewTimes();
  rows.push({
    name: 'web: overview interactive in headless Chromium (map drawn, figures in)',
    median: median(times),
    unit: 'ms',
    runs: times.length,
    note: `max ${Math.max(...times).toFixed(0)} ms; cold context each run; target < ${TARGET_MS} ms`,
  });
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const row of await webBenchmarks()) console.log(`${row.name}: ${row.median.toFixed(1)} ${row.unit} (${row.runs} runs) ${row.note ?? ''}`);
}
