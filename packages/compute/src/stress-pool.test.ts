// The parallel runner against the single-thread run: trial t's numbers depend only on (seed, t),
// so 1, 2 or 3 workers and no worker at all give the same result, to the last bit.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DataPackage, runStress } from '@compact/core';
import { StressPool } from './stress-pool.js';

const shipped = DataPackage.parse(JSON.parse(readFileSync(fileURLToPath(new URL('../../../data/compact.json', import.meta.url)), 'utf8')));
const settings = { asOf: '2025-11-30', trials: 4001, seed: 5 };
const scenario = { name: 'hold', shocks: [{ type: 'funding-hold' as const, partner: 'GB', months: 4 }] };

describe('stress runs on worker threads', () => {
  const pools = [new StressPool(1), new StressPool(2), new StressPool(3)];
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.close()));
  });

  it('give the same numbers with any number of workers as on one thread', async () => {
    const inline = runStress(shipped, settings, scenario);
    for (const pool of pools) {
      const progress: number[] = [];
      const result = await pool.run(shipped, settings, scenario, (done, total) => {
        expect(total).toBe(2 * settings.trials);
        progress.push(done);
      });
      expect(result).toEqual(inline);
      expect(progress.at(-1)).toBe(2 * settings.trials);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    }
  });

  it('reuses its workers and reports bad settings as the catalogue error', async () => {
    const pool = pools[1] as StressPool;
    const again = await pool.run(shipped, { ...settings, seed: 6 });
    expect(again.model.seed).toBe(6);
    await expect(pool.run(shipped, { ...settings, trials: -1 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
