import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/compact.js', import.meta.url));
const shipped = fileURLToPath(new URL('../../../data/compact.json', import.meta.url));

async function compact(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// The shipped data plus test flows (not facts) and an agreed key, in a package file of the test's own.
describe('promise to delivery from the command line', { timeout: 120_000 }, () => {
  let folder: string;
  let input: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'compact-delivery-cli-'));
    const pkg = JSON.parse(readFileSync(shipped, 'utf8'));
    pkg.flows = [
      { id: 'test-alloc', commitmentId: 'de-ua-2024-1', stage: 'allocated', on: '2024-04-01', dueOn: '2024-09-30', money: { amount: '300', currency: 'EUR' } },
      { id: 'test-delivered', commitmentId: 'de-ua-2024-1', stage: 'delivered', on: '2024-10-10', restatesFlowId: 'test-alloc', money: { amount: '300', currency: 'EUR' } },
    ];
    pkg.coalitions = pkg.coalitions.map((coalition: { id: string }) => (coalition.id === 'artillery' ? { ...coalition, fairShareKey: { kind: 'agreed', shares: { FR: '2', US: '1' } } } : coalition));
    input = join(folder, 'with-flows.json');
    writeFileSync(input, JSON.stringify(pkg));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('prints totals by partner, late deliveries, and JSON equal to the ledger sums', async () => {
    const table = await compact(['delivery', '--input', input, '--as-of', '2025-01-31']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/DE\s+8,200,000,000\s+300\s+300/);
    expect(table.stdout).toMatch(/test-alloc\s+DE\s+2024-09-30\s+delivered-late\s+10/);
    const json = JSON.parse((await compact(['delivery', '--input', input, '--as-of', '2025-01-31', '--by', 'provider,year', '--format', 'json'])).stdout);
    expect(json.rows).toContainEqual(expect.objectContaining({ provider: 'DE', year: 2024, allocated: '300', delivered: '300' }));
    const bad = await compact(['delivery', '--input', input, '--by', 'colour']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--by may list provider, capabilityArea, year; "colour"/);
  });

  it('scores implementation and shares a coalition target by the agreed key', async () => {
    const scores = await compact(['implementation', '--input', input, '--as-of', '2025-01-31', '--by', 'commitment']);
    expect(scores.stdout).toMatch(/de-ua-2024-1\s+DE\s+1\s+flows/);
    const coalition = await compact(['coalition', 'artillery', '--input', input, '--as-of', '2025-01-31']);
    expect(coalition.code, coalition.stderr).toBe(0);
    expect(coalition.stdout).toMatch(/FR\s+lead\s+0\.666667\s+52/);
    expect(coalition.stdout).toMatch(/US\s+lead\s+0\.333333\s+26/);
    const unknown = await compact(['coalition', 'cavalry', '--input', input]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/coalition "cavalry" not found/);
  });
});
