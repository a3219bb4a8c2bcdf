import { allocate } from '@compact/core';
import { allocationInstance } from './allocation-bench.js';
const { lines, offers } = allocationInstance();
await allocate(lines, offers, { fairShareCap: 0.1 });
for (const cap of [0.1, 0.05, 0.03, 0.025]) {
  const t = performance.now();
  const r = await allocate(lines, offers, { fairShareCap: cap });
  console.log(cap, r.status, 'mip', r.usedMip, 'proven', r.provenOptimal, (performance.now() - t).toFixed(0), 'ms', JSON.stringify(r.objective), r.message ?? '');
}
