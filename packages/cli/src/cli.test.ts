import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/compact.js', import.meta.url));
const shipped = fileURLToPath(new URL('../../../data/compact.json', import.meta.url));

/** Runs the real command in a child process against a database of its own. */
async function compact(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, ...env, DATABASE_URL: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const badPackage = {
  format: 'compact/1',
  partners: [
    { code: 'UA', name: 'Ukraine' },
    { code: 'GB', name: 'United Kingdom' },
  ],
  commitments: [
    { id: 'wrong-currency', agreementId: null, coalitionId: null, provider: 'GB', beneficiary: 'UA', category: 'equipment', firmness: 'pledged', money: { amount: '10', currency: 'GBX' } },
    { id: 'no-agreement', agreementId: 'gb-ua-1999', provider: 'GB', beneficiary: 'UA', category: 'equipment', firmness: 'pledged' },
    { id: 'negative', agreementId: 'gb-ua-1999', provider: 'GB', beneficiary: 'UA', category: 'equipment', firmness: 'pledged', money: { amount: '-200', currency: 'GBP' } },
  ],
};

// Each step starts a real process (Node + tsx), seconds each on a loaded machine.
describe('compact command line', { timeout: 120_000 }, () => {
  let folder: string;
  let env: Record<string, string>;
  let badFile: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'compact-cli-'));
    env = { COMPACT_DB: join(folder, 'cli.sqlite') };
    badFile = join(folder, 'bad.json');
    writeFileSync(badFile, JSON.stringify(badPackage));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('validates the shipped dataset', async () => {
    const result = await compact(['validate', shipped], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/valid \(34 partners, 31 agreements/);
  });

  it('reports every problem of a bad package with its path and exits 1', async () => {
    const result = await compact(['validate', badFile], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('$.commitments[0].money.currency');
    expect(result.stderr).toContain('$.commitments[1].agreementId');
    expect(result.stderr).toContain('$.commitments[2].money.amount');
    expect(result.stderr).toContain('$.commitments[2].agreementId');
  });

  it('imports all or nothing, exports, resets and verifies the audit log', async () => {
    expect((await compact(['import', shipped], env)).code).toBe(0);
    const exportFile = join(folder, 'export.json');
    expect((await compact(['export', '--out', exportFile], env)).code).toBe(0);
    const before = readFileSync(exportFile, 'utf8');

    const failed = await compact(['import', badFile], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('VALIDATION');
    await compact(['export', '--out', exportFile], env);
    const after = readFileSync(exportFile, 'utf8');
    const withoutDate = (text: string) => text.replace(/"asOf": "[^"]+"/, '');
    expect(withoutDate(after)).toBe(withoutDate(before));
    expect(JSON.parse(after).agreements).toHaveLength(31);

    const verified = await compact(['audit', 'verify'], env);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('audit log intact: 1 entries');

    expect((await compact(['reset'], env)).code).toBe(1);
    const reset = await compact(['reset', '--yes', '--empty'], env);
    expect(reset.code).toBe(0);
    await compact(['export', '--out', exportFile], env);
    expect(JSON.parse(readFileSync(exportFile, 'utf8')).agreements).toHaveLength(0);
  });

  it('analyses a package file in json, table and markdown', async () => {
    const json = await compact(['analyze', '--input', shipped, '--as-of', '2025-11-30', '--format', 'json'], env);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({ asOf: '2025-11-30', currency: 'EUR' });
    expect(result.coverage.length).toBeGreaterThan(0);
    expect(result.findings.some((finding: any) => finding.code === 'DOUBLE_COUNT' && JSON.stringify(finding.subject).includes('gb-ua-2024-2'))).toBe(true);
    const markdown = await compact(['analyze', '--input', shipped, '--as-of', '2025-11-30', '--format', 'markdown', '--currency', 'USD'], env);
    expect(markdown.stdout).toMatch(/^# Coordination analysis as of 2025-11-30 \(amounts in USD\)/);
    expect(markdown.stdout).toContain('| UA | air-defence | 2025 |');
    const table = await compact(['analyze', '--input', shipped, '--as-of', '2025-11-30'], env);
    expect(table.stdout).toMatch(/GAP/);
    const bad = await compact(['analyze', '--input', badFile], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('$.commitments[0].money.currency');
    expect((await compact(['analyze', '--input', shipped, '--format', 'pdf'], env)).code).toBe(1);
  });

  it("tunes the rules' thresholds and runs only the rules asked for", async () => {
    const base = ['analyze', '--input', shipped, '--as-of', '2025-11-30', '--format', 'json'];
    const severities = (stdout: string) => new Set(JSON.parse(stdout).findings.map((finding: any) => `${finding.code}:${finding.severity}`));
    const usual = await compact([...base, '--rules', 'gap'], env);
    expect(usual.code).toBe(0);
    expect(severities(usual.stdout)).toContain('GAP:critical');
    const tuned = await compact([...base, '--rules', 'GAP, single_guarantor', '--gap-critical-below', '0', '--gap-high-below', '0'], env);
    expect(tuned.code).toBe(0);
    expect([...severities(tuned.stdout)].sort()).toEqual(['GAP:medium', 'SINGLE_GUARANTOR:high']);
    const refused = [
      [['--fragmentation-threshold', '2.5'], '--fragmentation-threshold must be a whole number from 1 to 1000, not "2.5"'],
      [['--gap-critical-below', '0.9'], '--gap-critical-below must not exceed the high band (0.8), not 0.9'],
      [['--rules', 'GAP,NOPE'], '--rules takes finding codes separated by commas'],
    ] as const;
    for (const [flags, message] of refused) {
      const result = await compact([...base, ...flags], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
    }
  });

  it('stress-tests a package: JSON on stdout, same seed same numbers, a scenario side by side', async () => {
    const args = ['stress', '--input', shipped, '--trials', '3000', '--seed', '9'];
    const first = await compact([...args, '--workers', '2'], env);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result.model).toMatchObject({ trials: 3000, seed: 9, baseRate: 0.745, asOf: '2025-11-30' });
    expect(result.baseline.cells.some((cell: any) => cell.capabilityArea === 'drones' && cell.mean > 0)).toBe(true);
    expect(first.stderr).toBe(''); // no progress bar when stderr is not a terminal
    const single = await compact([...args, '--workers', '0'], env);
    expect(JSON.parse(single.stdout)).toEqual(result);
    const scenario = fileURLToPath(new URL('../../../examples/stress-scenario.json', import.meta.url));
    const table = await compact(['stress', '--input', shipped, '--trials', '2000', '--scenario', scenario, '--format', 'table'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Stress test as of 2025-11-30: 2,000 trials, seed 42/);
    expect(table.stdout).toMatch(/Side by side \(same random numbers\)/);
    const badScenario = join(folder, 'bad-scenario.json');
    writeFileSync(badScenario, JSON.stringify({ format: 'compact-stress/1', scenario: { changes: [{ type: 'delay-partner', partner: 'GB', months: 30 }] } }));
    const refused = await compact(['stress', '--input', shipped, '--scenario', badScenario], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/VALIDATION: .*scenarioFile.*months/);
  });

  it('imports agreement texts and compares two agreements clause by clause', async () => {
    const textEnv = { COMPACT_DB: join(folder, 'texts.sqlite') };
    expect((await compact(['import', shipped], textEnv)).code).toBe(0);
    const corpus = fileURLToPath(new URL('../../../test/fixtures/agreements/', import.meta.url));
    const first = await compact(['text', 'import', join(corpus, 'northland-sections.pdf-source.txt'), '--agreement', 'de-ua-2024', '--format', 'json'], textEnv);
    expect(first.code).toBe(0);
    const imported = JSON.parse(first.stdout);
    expect(imported.clauses.map((clause: any) => clause.ref)).toContain('II.3');
    expect(imported.proposals.length).toBeGreaterThan(0);
    expect((await compact(['text', 'import', join(corpus, 'meridia-articles.docx-source.md'), '--agreement', 'fr-ua-2024'], textEnv)).code).toBe(0);
    const compared = await compact(['text', 'compare', 'de-ua-2024', 'fr-ua-2024'], textEnv);
    expect(compared.code).toBe(0);
    expect(compared.stdout).toMatch(/within 24 hours vs where possible within 24 hours/);
    const fakePdf = join(folder, 'fake.pdf');
    writeFileSync(fakePdf, 'plain text');
    const refused = await compact(['text', 'import', fakePdf, '--agreement', 'de-ua-2024'], textEnv);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not a PDF/);
    expect((await compact(['text', 'compare', 'de-ua-2024', 'gb-ua-2024'], textEnv)).stderr).toMatch(/import the texts first: gb-ua-2024/);
  });

  it('runs a crisis request from the command line: declare, request, offers, allocate, EDXL, tick', async () => {
    const crisisEnv = { COMPACT_DB: join(folder, 'crisis.sqlite') };
    expect((await compact(['import', shipped], crisisEnv)).code).toBe(0);
    const declared = await compact(['crisis', 'declare', '--type', 'armed-attack', '--at', '2026-03-01T04:30:00Z', '--title', 'Strike on Kharkiv', '--format', 'json'], crisisEnv);
    expect(declared.code).toBe(0);
    const detail = JSON.parse(declared.stdout) as { event: { id: string; notObliged: Array<{ partner: string }> }; consultations: Array<{ partner: string; dueAt: string }> };
    expect(detail.consultations.find((c) => c.partner === 'GB')?.dueAt).toBe('2026-03-02T04:30:00.000Z');
    expect(detail.event.notObliged.map((n) => n.partner)).toContain('HR');
    const shown = await compact(['crisis', 'show', detail.event.id], crisisEnv);
    expect(shown.stdout).toMatch(/GB\s+2026-03-02T04:30:00.000Z\s+24 h \(stated\)\s+open/);
    expect(shown.stdout).toMatch(/HR\s+no-consultation-clause/);

    const requestFile = join(folder, 'request.json');
    writeFileSync(requestFile, JSON.stringify({ eventId: detail.event.id, title: 'Interceptors', capabilityArea: 'air-defence', lines: [{ id: 'L1', item: 'interceptor', quantity: 5, neededBy: '2026-03-20', priority: 'critical' }] }));
    const request = JSON.parse((await compact(['crisis', 'request', requestFile, '--format', 'json'], crisisEnv)).stdout) as { id: string };
    const illegal = await compact(['crisis', 'transition', request.id, 'allocate'], crisisEnv);
    expect(illegal.code).toBe(1);
    expect(illegal.stderr).toContain('ILLEGAL_TRANSITION: a request that is draft cannot allocate');
    expect((await compact(['crisis', 'transition', request.id, 'submit'], crisisEnv)).code).toBe(0);
    expect((await compact(['crisis', 'transition', request.id, 'consult'], crisisEnv)).stdout).toContain('consulting');
    const offerFile = join(folder, 'offer.json');
    writeFileSync(offerFile, JSON.stringify({ partner: 'DE', item: 'interceptor', quantity: 3, earliestDelivery: '2026-03-15', unitCost: { amount: '900000', currency: 'EUR' } }));
    expect((await compact(['crisis', 'offer', request.id, offerFile], crisisEnv)).code).toBe(0);
    const allocated = await compact(['crisis', 'allocate', request.id, '--decide'], crisisEnv);
    expect(allocated.code).toBe(0);
    expect(allocated.stdout).toMatch(/optimal/);
    expect(allocated.stdout).toMatch(/L1\s+5\s+3\s+0\s+2/);
    expect(allocated.stdout).toContain(`request ${request.id} is allocated`);
    const xml = await compact(['crisis', 'edxl', request.id, '--xml'], crisisEnv);
    expect(xml.stdout).toContain('<CommitResource xmlns="urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg">');
    const tick = await compact(['crisis', 'tick'], crisisEnv);
    expect(tick.code).toBe(0);
    expect(tick.stdout).toMatch(/escalated: Consultation with GB on “Strike on Kharkiv” is overdue/);
    expect((await compact(['crisis', 'tick'], crisisEnv)).stdout).toBe('nothing due\n');
    expect((await compact(['audit', 'verify'], crisisEnv)).code).toBe(0);
  }, 180_000);

  it('exports CSV, IATI and FTS and imports each back exactly', async () => {
    // Illustrative flows, not facts: linked, unlinked with a parent, quantity only, awkward text.
    const flows = [
      { id: 'cli-pledge', commitmentId: 'gb-ua-2024-1', stage: 'pledge', on: '2024-01-12', money: { amount: '2500000000', currency: 'GBP' }, description: '=cmd "quoted", <&> Київ\nline 2' },
      { id: 'cli-fund', provider: 'EU', aidType: 'military', stage: 'allocated', on: '2024-03-01', money: { amount: '74.4', currency: 'EUR' } },
      { id: 'cli-child', provider: 'DE', aidType: 'military', stage: 'delivered', on: '2024-04-01', onPrecision: 'month', money: { amount: '10', currency: 'EUR' }, parentFlowId: 'cli-fund', newMoney: false },
      { id: 'cli-tanks', provider: 'US', stage: 'delivered', on: '2024-01-01', quantity: { value: 31, item: 'M1 Abrams' }, classification: 'restricted', extra: { kept: true } },
    ];
    const withFlows = join(folder, 'with-flows.json');
    writeFileSync(withFlows, JSON.stringify({ ...JSON.parse(readFileSync(shipped, 'utf8')), flows }));
    const source = { COMPACT_DB: join(folder, 'exchange-source.sqlite') };
    expect((await compact(['import', withFlows], source)).code).toBe(0);
    const out = (name: string) => join(folder, name);
    for (const [format, file] of [['csv', 'csv-1'], ['iati', 'flows-1.xml'], ['fts', 'flows-1.fts.json'], ['fts-csv', 'flows-fts-1.csv']] as const) {
      const exported = await compact(['export', '--format', format, '--out', out(file)], source);
      expect(exported.code, exported.stderr).toBe(0);
    }
    expect((await compact(['export', '--format', 'csv'], source)).stderr).toMatch(/give --out DIR/);
    expect(readFileSync(out('flows-1.xml'), 'utf8')).toContain('<transaction ref="cli-pledge">');

    const csvTarget = { COMPACT_DB: join(folder, 'exchange-csv.sqlite') };
    const imported = await compact(['import', out('csv-1')], csvTarget);
    expect(imported.code, imported.stderr).toBe(0);
    expect((await compact(['export', '--format', 'csv', '--out', out('csv-2')], csvTarget)).code).toBe(0);
    for (const name of readdirSync(out('csv-1'))) expect(readFileSync(join(out('csv-2'), name), 'utf8'), name).toBe(readFileSync(join(out('csv-1'), name), 'utf8'));

    const flowsTarget = { COMPACT_DB: join(folder, 'exchange-flows.sqlite') };
    expect((await compact(['import', shipped], flowsTarget)).code).toBe(0);
    const iati = await compact(['import', out('flows-1.xml')], flowsTarget);
    expect(iati.stdout).toContain('(IATI): created 4 flows');
    await compact(['export', '--format', 'iati', '--out', out('flows-2.xml')], flowsTarget);
    const undated = (file: string) => readFileSync(out(file), 'utf8').replace(/generated-datetime="[^"]+"/, '');
    expect(undated('flows-2.xml')).toBe(undated('flows-1.xml'));
    const fts = await compact(['import', out('flows-1.fts.json')], flowsTarget);
    expect(fts.stdout).toContain('(FTS): created 0 flows; updated 4 flows');
    expect((await compact(['import', out('flows-fts-1.csv')], flowsTarget)).stdout).toContain('updated 4 flows');
    await compact(['export', '--format', 'fts', '--out', out('flows-2.fts.json')], flowsTarget);
    // Each import replaced the flows again, so only the store-managed version differs.
    const unversioned = (file: string) => readFileSync(out(file), 'utf8').replace(/"version": \d+/g, '"version": 1');
    expect(unversioned('flows-2.fts.json')).toBe(unversioned('flows-1.fts.json'));
  }, 300_000);

  it('exits 2 on a usage error', async () => {
    expect((await compact(['no-such-command'], env)).code).toBe(2);
  });
});
