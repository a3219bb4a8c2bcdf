// `compact import-kiel` through the real binary: dry run, import, re-import, GDP on partners,
// strict refusal and unreadable files leave the database as it was.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SYSTEM_VIEWER } from '@compact/core';
import { openStore } from '@compact/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/compact.js', import.meta.url));
const shipped = fileURLToPath(new URL('../../../data/compact.json', import.meta.url));
const fixtures = fileURLToPath(new URL('../../exchange/src/kiel/fixtures/', import.meta.url));

async function compact(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, ...env, DATABASE_URL: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('compact import-kiel', { timeout: 120_000 }, () => {
  let folder: string;
  let env: Record<string, string>;
  const main = join(fixtures, 'main.csv');
  const countryMonth = join(fixtures, 'country-month.csv');

  /** What the database holds, read in this process (a child process per look would cost seconds). */
  async function exported(): Promise<{ flows: any[]; partners: any[] }> {
    const store = await openStore({ sqlitePath: env.COMPACT_DB ?? '' });
    try {
      return { flows: await store.list('flows', SYSTEM_VIEWER), partners: await store.list('partners', SYSTEM_VIEWER) };
    } finally {
      await store.close();
    }
  }

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'compact-kiel-'));
    env = { COMPACT_DB: join(folder, 'kiel.sqlite') };
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('needs Ukraine in the registry, and says how to get it', async () => {
    const result = await compact(['import-kiel', main], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('import the dataset first');
  });

  it('maps without writing on a dry run, then imports, reports and re-imports in place', async () => {
    expect((await compact(['import', shipped], env)).code).toBe(0);
    const dry = await compact(['import-kiel', main, '--dry-run', '--json'], env);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ layout: 'main', written: null, summary: { flows: 8, notMapped: 7, restating: 2 } });
    expect((await exported()).flows).toHaveLength(0);

    const report = join(folder, 'report.json');
    const imported = await compact(['import-kiel', main, '--report', report], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('main.csv: Kiel tracker main data sheet (header in row 1), 15 rows');
    expect(imported.stdout).toContain('4 pledges (EUR 1,465,000,000.5), 4 allocations (EUR 700,250,000)');
    expect(imported.stdout).toContain('row 6: measure "Pledge" is neither Commitment nor Allocation');
    expect(imported.stdout).toContain('written: 8 flows (8 new, 0 replaced)');
    // No terminal here: no progress bar on standard error.
    expect(imported.stderr).toBe('');
    const written = JSON.parse(readFileSync(report, 'utf8'));
    expect(written.notMapped).toHaveLength(7);
    expect(written.summary.unmatchedDonors[0]).toMatchObject({ donor: 'Atlantis', rows: 1, firstRows: [8] });

    const again = await compact(['import-kiel', main], env);
    expect(again.stdout).toContain('written: 8 flows (0 new, 8 replaced)');
    const pkg = await exported();
    const flows = pkg.flows.filter((flow) => flow.id.startsWith('kiel:main:'));
    expect(flows).toHaveLength(8);
    const allocation = flows.find((flow) => flow.externalId === 'main.csv#3');
    expect(allocation).toMatchObject({ provider: 'DE', beneficiary: 'UA', stage: 'allocated', restatesFlowId: expect.stringMatching(/^kiel:main:DE:/), sources: [{ title: 'Kiel Institute Ukraine Support Tracker', note: 'file main.csv, row 3' }] });
  });

  it('imports the country-by-month export with GDP figures onto the partners', async () => {
    const result = await compact(['import-kiel', countryMonth], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('written: 12 flows (12 new, 0 replaced); GDP of 3 partners');
    const pkg = await exported();
    const germany = pkg.partners.find((partner) => partner.code === 'DE');
    expect(germany?.gdp).toEqual([{ year: 2023, money: { amount: '4121200000000', currency: 'EUR' }, sources: [expect.objectContaining({ title: 'Kiel Institute Ukraine Support Tracker', note: 'file country-month.csv, row 2' })] }]);
  });

  it('writes nothing when strict and a row cannot be mapped, or when the file is not the tracker', async () => {
    const before = await exported();
    const changed = join(folder, 'changed.csv');
    writeFileSync(changed, readFileSync(main, 'utf8').replace('Leopard 2 tanks;Leopard 2A6;14', 'Leopard 2 tanks;Leopard 2A6;15'));
    const strict = await compact(['import-kiel', changed, '--strict'], env);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict: 6 rows could not be mapped; nothing was written');
    expect(strict.stderr).toContain('row 8: donor "Atlantis" is not known');

    const wrong = join(folder, 'wrong.csv');
    writeFileSync(wrong, 'donor,measure,aid_type_general,month\nGermany,Commitment,Military,2023-01\n');
    const refused = await compact(['import-kiel', wrong], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('lacks the column tot_sub_activity_value_eur');

    const bad = await compact(['import-kiel', main, '--activity-unit', 'cents'], env);
    expect(bad.code).toBe(2);
    const after = await exported();
    expect(after.flows).toEqual(before.flows);
    expect(after.partners).toEqual(before.partners);
  });
});
