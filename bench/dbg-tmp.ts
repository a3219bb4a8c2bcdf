import { allocate } from '@compact/core';
import { allocationInstance } from './allocation-bench.js';
const { lines, offers } = allocationInstance();
for (const opts of [{}, { fairShareCap: 0.1 }, {}, { fairShareCap: 0.1 }]) {
  await allocate(lines, offers, opts);
  const wall: number[] = []; const cpu: number[] = [];
  for (let i = 0; i < 5; i++) { const c = process.cpuUsage(); const t = performance.now(); await allocate(lines, offers, opts); wall.push(performance.now() - t); const u = process.cpuUsage(c); cpu.push((u.user + u.system) / 1000); }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[2]!.toFixed(0);
  console.log(JSON.stringify(opts), 'wall', med(wall), 'cpu', med(cpu));
}
