// The worker's code as one plain-JavaScript script, bundled once per process by esbuild from
// stress-worker.ts and core's stress kernel. Loading tsx in every worker took about a second
// per worker; an esbuild bundle of the kernel takes a few milliseconds and the worker starts at
// Node's own speed.
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function stressWorkerCode(): string {
  if (cached === null) {
    const result = buildSync({
      entryPoints: [fileURLToPath(new URL('./stress-worker.ts', import.meta.url))],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no worker bundle');
    cached = file.text;
  }
  return cached;
}
