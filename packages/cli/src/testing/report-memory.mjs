// Preloaded into a server process under load (node --expose-gc --import …): every five seconds it
// collects garbage and writes its memory to file descriptor 3, so a soak can tell a leak (heap
// after collection keeps growing) from garbage not yet collected.
import { writeSync } from 'node:fs';

setInterval(() => {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  try {
    writeSync(3, `${JSON.stringify({ at: Date.now(), rss, heapUsed })}\n`);
  } catch {
    // The reader is gone: nobody is measuring.
  }
}, 5_000).unref();
