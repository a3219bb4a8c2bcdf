#!/usr/bin/env node
// Browser test of the web app against the real server, in Debian's Chromium via playwright-core.
//
//   node e2e/run.js            builds the web app, starts `compact serve` on a free port with a
//                              fresh SQLite file, runs the checks, stops the server.
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), E2E_SKIP_BUILD=1 to reuse
// packages/web/dist, E2E_HEADFUL=1 to watch. Exits 1 with the failing step's message on failure;
// a screenshot of the failing page goes to e2e/artifacts/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'e2e', 'artifacts');
const SERVER_START_TIMEOUT_MS = 90_000;
const UI_TIMEOUT_MS = 15_000;

class CheckFailed extends Error {}

function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function buildWeb() {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(root, 'packages/web/dist/index.html'))) return;
  console.log('building the web app…');
  const result = spawnSync('npm', ['run', 'build', '-w', '@compact/web'], { cwd: root, stdio: 'inherit' });
  check(result.status === 0, `the web build failed (exit ${result.status ?? result.signal})`);
}

/** Starts the real CLI server; resolves once GET /api/health answers 200. */
async function startServer(port, dbFile) {
  const cli = join(root, 'packages/cli/bin/compact.js');
  check(existsSync(cli), `the CLI is missing: ${cli}`);
  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  // The test owns its database: never a PostgreSQL server or a database file from the environment.
  delete env.DATABASE_URL;
  delete env.COMPACT_DB;
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port), '--db', dbFile], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = [];
  const keep = (chunk) => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) {
      throw new CheckFailed(
        `the server exited before it was healthy (code ${exited.code}, signal ${exited.signal}):\n${log.join('')}`,
      );
    }
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.status === 200) {
        const health = await response.json();
        check(health.status === 'ok', `GET /api/health answered ${JSON.stringify(health)}`);
        return { child, base, log, health };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  child.kill('SIGKILL');
  throw new CheckFailed(
    `GET /api/health did not answer 200 within ${SERVER_START_TIMEOUT_MS / 1000} s:\n${log.join('')}`,
  );
}

async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Polls until `read()` satisfies `accept`, so checks wait for queries and re-renders. */
async function eventually(read, accept, message) {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  let last;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new CheckFailed(`${message} (last seen: ${JSON.stringify(last)})`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

function rowOf(page, partnerName) {
  return page
    .locator('table.agreements tbody tr')
    .filter({ has: page.getByRole('link', { name: partnerName, exact: true }) });
}

// Fictional agreement texts written for this test (not real agreements).
const SAMPLE_TEXT =
  'I. General\n1. The Participants will consult within 24 hours.\n2. The Participant will provide EUR 100 million in 2026.\n';
const SAMPLE_TEXT_B =
  'I. General\n1. The Participants will consult within 24 hours.\n2. The Participant will provide EUR 250 million in 2026.\n' +
  'II. Cyber\n3. The Participants will cooperate against cyber attacks and hybrid threats.\n';

/** Pages the audit step visits in both languages (after the other steps, so they hold data). */
const AUDITED_PAGES = [
  '/',
  '/agreements',
  '/agreements/gb-ua-2024',
  '/network',
  '/timeline',
  '/coalitions',
  '/coalitions/artillery',
  '/analysis',
  '/delivery',
  '/rates',
  '/review',
  '/compare?a=gb-ua-2024&b=fr-ua-2024',
  '/crisis',
  '/stress',
  '/edit/commitments',
  '/edit/commitments/gb-ua-2024-2',
  '/login',
  '/account',
  '/admin/users',
  '/public',
  '/public/agreements',
  '/public/agreements/gb-ua-2024',
  '/public/coalitions',
  '/public/peace-formula',
  '/public/coverage',
  '/public/data',
  '/public/api',
];

/** Translation leaves by dotted key. */
function leaves(tree, prefix = '') {
  const out = new Map();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/**
 * Keeps a screenshot of the page in e2e/artifacts/ (git-ignored) for a look by eye: with
 * E2E_SHOTS=1 for every step's shot, always for the per-page ones.
 */
async function shot(page, name, always = false) {
  if (!always && process.env.E2E_SHOTS !== '1') return;
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** Set when the server has no text API yet, so the text steps skip instead of failing. */
const textApi = { missing: false };

const steps = [
  [
    'the overview colours the map by status, and the keyboard moves the time slider',
    async ({ page, base }) => {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await page.locator('svg.world-map__svg[data-ready="true"]').waitFor();
      const statusOf = (code) =>
        page.locator(`svg.world-map__svg path[data-code="${code}"]`).first().getAttribute('data-status');
      await eventually(() => statusOf('US'), (status) => status === 'binding', 'today the US agreement is legally binding');
      check((await statusOf('UA')) === 'beneficiary', 'Ukraine should be drawn as the beneficiary');
      check((await page.locator('.eu-chip').count()) === 1, 'the EU should have its legend chip');
      const signed = await page.locator('.headline-figure__value').first().innerText();
      check(/^\d+$/.test(signed.trim()) && Number(signed) >= 28, `expected at least 28 signed agreements, saw ${signed}`);

      // Keyboard only: Tab to the slider, then Home, arrows and End.
      const slider = page.locator('input.time-slider__input');
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await slider.evaluate((node) => node === globalThis.document.activeElement);
      }
      check(reached, 'Tab should reach the time slider');
      await page.keyboard.press('Home');
      await page.waitForURL(/asOf=2023-07-12/);
      await eventually(() => statusOf('GB'), (status) => status === 'declaration', 'on 12/07/2023 the UK had joined the G7 declaration only');
      check((await slider.getAttribute('aria-valuetext')) === '12/07/2023', 'the slider should speak its date');
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/asOf=2023-07-13/);
      await page.keyboard.press('End');
      await eventually(() => statusOf('GB'), (status) => status === 'signed', 'today the UK has signed');

      // The seed article's day, marked on the slider.
      await page.getByRole('button', { name: /Seed article snapshot/ }).click();
      await page.waitForURL(/asOf=2024-02-20/);
      await eventually(() => statusOf('US'), (status) => status === 'talks', 'on 20/02/2024 the US was in talks');
      await eventually(() => statusOf('GB'), (status) => status === 'signed', 'on 20/02/2024 the UK had signed');
      check((await statusOf('SE')) === 'none', 'on 20/02/2024 Sweden had no agreement');
      await page.getByRole('button', { name: /Ukraine Compact/ }).waitFor();

      // The same facts as a table, for screen readers and keyboards.
      await page.getByRole('button', { name: 'Show as table' }).click();
      const row = page.locator('table.map-table tbody tr[data-code="GB"]');
      await row.waitFor();
      check((await row.getAttribute('data-status')) === 'signed', 'the table should agree with the map');
      check((await page.locator('table.map-table tbody tr').count()) >= 32, 'the table should list every partner');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /^Download CSV/ }).first().click();
      const file = await download;
      check(/\.csv$/.test(file.suggestedFilename()), `the CSV download should be a .csv, saw ${file.suggestedFilename()}`);
      const svgDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: /^Download SVG/ }).first().click();
      check(/\.svg$/.test((await svgDownload).suggestedFilename()), 'the map should download as SVG');
      await shot(page, 'overview-2024-02-20', true);
    },
  ],
  [
    'the agreements table lists the United Kingdom and at least 28 agreements',
    async ({ page, base }) => {
      await page.goto(`${base}/agreements`);
      await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
      const rows = await eventually(
        () => page.locator('table.agreements tbody tr').count(),
        (count) => count >= 28,
        'expected at least 28 rows in the agreements table',
      );
      console.log(`    ${rows} rows`);
      await rowOf(page, 'United Kingdom').waitFor();
      const headers = await page.locator('table.agreements thead th').allInnerTexts();
      check(headers.length === 9, `expected 9 column headers, saw ${headers.length}`);
      const notCounted = await page.locator('table.agreements tbody tr.not-counted').count();
      check(notCounted >= 1, 'expected a row marked as not counted by Ukraine (Croatia)');
    },
  ],
  [
    'switching to Українська shows Велика Британія and survives a reload',
    async ({ page }) => {
      await page.getByRole('button', { name: 'Українська' }).click();
      await rowOf(page, 'Велика Британія').waitFor();
      check((await page.getAttribute('html', 'lang')) === 'uk', '<html lang> should be "uk" after switching');
      await page.reload();
      await rowOf(page, 'Велика Британія').waitFor();
      check(
        (await page.getAttribute('html', 'lang')) === 'uk',
        '<html lang> should stay "uk" after a reload',
      );
      const pressed = await page.getByRole('button', { name: 'Українська' }).getAttribute('aria-pressed');
      check(pressed === 'true', 'the Українська button should be pressed after a reload');
      await page.getByRole('heading', { level: 1, name: 'Угоди' }).waitFor();
    },
  ],
  [
    'as of 2024-02-20 the UK has signed and the US is in talks',
    async ({ page }) => {
      await page.locator('input[name="asOf"]').fill('2024-02-20');
      await page.waitForURL(/asOf=2024-02-20/);
      const status = (name) => rowOf(page, name).locator('td.status-cell').innerText();
      await eventually(
        () => status('Велика Британія'),
        (text) => /signed|підписано/i.test(text),
        'UK status should be signed',
      );
      await eventually(
        () => status('Сполучені Штати Америки'),
        (text) => /talks|переговори/i.test(text),
        'US status should be talks',
      );
      // Sweden signed on 31.05.2024, so it has no status yet on that day.
      check((await rowOf(page, 'Швеція').count()) === 0, 'Sweden should not be listed as of 2024-02-20');
    },
  ],
  [
    'an agreement opens its detail page',
    async ({ page, base }) => {
      await page.goto(`${base}/agreements`);
      await rowOf(page, 'Велика Британія')
        .getByRole('link', { name: 'Велика Британія', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Велика Британія' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Історія статусу' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Зобов’язання' }).waitFor();
    },
  ],
  [
    'the timeline marks the seed article and the Ukraine Compact',
    async ({ page }) => {
      await page.getByRole('navigation').getByRole('link', { name: 'Хронологія' }).click();
      await page.getByRole('heading', { level: 1, name: 'Хронологія' }).waitFor();
      await page.locator('.timeline-marker', { hasText: 'Знімок стану з вихідної статті' }).waitFor();
      await page.locator('.timeline-marker', { hasText: 'Ukraine Compact' }).waitFor();
      const dots = await page.locator('.timeline-chart circle').count();
      check(dots >= 28, `expected at least 28 signatures on the timeline, saw ${dots}`);
    },
  ],
  [
    'back in English, the Coalitions page shows the Drone Coalition',
    async ({ page }) => {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('navigation').getByRole('link', { name: 'Coalitions' }).click();
      await page.getByRole('heading', { level: 1, name: 'Capability coalitions' }).waitFor();
      await page.getByRole('heading', { level: 2, name: /Drone Coalition/ }).waitFor();
      const cards = await page.locator('article.coalition').count();
      check(cards === 8, `expected 8 coalitions, saw ${cards}`);
    },
  ],
  [
    'the exchange rates page marks GBP 2025 as unverified',
    async ({ page }) => {
      await page.getByRole('navigation').getByRole('link', { name: 'Exchange rates' }).click();
      await page.getByRole('heading', { level: 1, name: 'Exchange rates' }).waitFor();
      const row = page.locator('table.rates tbody tr[data-currency="GBP"]');
      await row.waitFor();
      const headers = await page.locator('table.rates thead th').allInnerTexts();
      const column = headers.findIndex((text) => text.trim() === '2025');
      check(column > 0, `expected a 2025 column, saw ${JSON.stringify(headers)}`);
      // The first header is the currency's row header, so data cells are one to the left.
      const cell = row.locator('td').nth(column - 1);
      const text = await cell.innerText();
      check(/0\.8565/.test(text), `GBP 2025 should read 0.8565, saw ${JSON.stringify(text)}`);
      check(/unverified/.test(text), `GBP 2025 should be marked unverified, saw ${JSON.stringify(text)}`);
      const note = page.locator('#rate-note-GBP-2025');
      await note.waitFor();
      check(/Source/.test(await note.innerText()), 'the GBP 2025 footnote should give its source');
      const computed = await row.locator('td').first().innerText();
      check(/†/.test(computed), `GBP 2022 should be marked as computed, saw ${JSON.stringify(computed)}`);
    },
  ],
  [
    'the analysis page shows the coverage heatmap, findings and a cell’s details',
    async ({ page, base }) => {
      // The analysis API is built alongside this page; skip (and say so) only while it is missing.
      const probe = await fetch(`${base}/api/analysis`);
      if (probe.status === 404) return { skipped: 'GET /api/analysis answers 404 on this server' };
      check(probe.status === 200, `GET /api/analysis answered ${probe.status}`);

      await page.getByRole('navigation').getByRole('link', { name: 'Analysis' }).click();
      await page.getByRole('heading', { level: 1, name: 'Coordination analysis' }).waitFor();
      await page
        .getByText('Requirements are an illustrative split of a sourced baseline, not official figures')
        .waitFor();
      const cell = page.locator('table.heatmap .heat-cell[data-area="air-defence"][data-year="2025"]');
      await cell.first().waitFor();
      check((await cell.count()) >= 1, 'expected a heatmap cell for air defence in 2025');
      const label = (await cell.first().getAttribute('aria-label')) ?? '';
      check(
        /Air defence, 2025/.test(label) && /%|no requirement/.test(label),
        `unexpected cell label ${JSON.stringify(label)}`,
      );
      const cells = await page.locator('table.heatmap .heat-cell').count();
      console.log(`    ${cells} heatmap cells`);

      const findings = page.locator(
        'article.finding[data-code="NO_CONSULTATION"], article.finding[data-code="GAP"]',
      );
      const found = await eventually(
        () => findings.count(),
        (count) => count >= 1,
        'expected at least one NO_CONSULTATION or GAP finding',
      );
      console.log(`    ${found} NO_CONSULTATION/GAP findings shown`);

      await cell.first().click();
      const panel = page.locator('section.cell-panel[data-area="air-defence"][data-year="2025"]');
      await panel.waitFor();
      await panel.getByRole('heading', { level: 3, name: 'Air defence · 2025' }).waitFor();
      const details = await panel.innerText();
      check(
        /required/i.test(details) && /committed/i.test(details),
        'the cell panel should give the amounts',
      );
      check(/€/.test(details), 'the cell panel should give amounts in euros');
      check(
        (await cell.first().getAttribute('aria-pressed')) === 'true',
        'the opened cell should be pressed',
      );
      await panel.getByRole('button', { name: 'Close' }).click();
      check((await panel.count()) === 0, 'Close should close the cell panel');

      await page.getByLabel('Severity', { exact: true }).selectOption('medium');
      const severities = await page
        .locator('section.findings article.finding')
        .evaluateAll((nodes) =>
          nodes.map((node) => [...node.classList].find((name) => name.startsWith('finding--'))),
        );
      check(
        severities.length > 0 && severities.every((name) => name === 'finding--medium'),
        `filtering by severity should leave only medium findings, saw ${JSON.stringify([...new Set(severities)])}`,
      );

      // A rule's threshold, changed on the page, goes to the API and into the address: at two
      // item types the shipped air force commitments are fragmented, at the default four not.
      await page.goto(`${base}/analysis?asOf=2025-11-30`);
      const fragmentation = page.locator('article.finding[data-code="FRAGMENTATION"]');
      await page.locator('article.finding').first().waitFor();
      check((await fragmentation.count()) === 0, 'no FRAGMENTATION finding was expected at the default threshold');
      await page.getByText('Rule thresholds').click();
      await page.getByLabel('Fragmentation: item types').fill('2');
      await fragmentation.first().waitFor();
      check(
        new URL(page.url()).searchParams.get('fragmentationThreshold') === '2',
        `the threshold should show in the address, saw ${page.url()}`,
      );
      await page.getByLabel('Concentration: Herfindahl index').fill('0,6');
      await eventually(
        async () => new URL(page.url()).searchParams.get('concentrationThreshold'),
        (value) => value === '0.6',
        'a decimal comma, as Ukrainian writes it, should be read as a point',
      );
      await page.getByLabel('Gap: critical below').fill('0.9');
      await page.getByRole('alert').filter({ hasText: 'critical band' }).waitFor();
      check(
        !new URL(page.url()).searchParams.has('gapCriticalBelow'),
        'a critical band above the high one should not be sent',
      );
      await page.getByRole('button', { name: 'Back to the default thresholds' }).click();
      await eventually(
        () => fragmentation.count(),
        (count) => count === 0,
        'back at the default thresholds the FRAGMENTATION finding should go',
      );
    },
  ],
  [
    'the agreement page imports a text and shows its clauses with topics',
    async ({ page, base, allowConsoleError }) => {
      // The text API is built alongside these pages; skip (and say so) only while it is missing.
      const probe = await fetch(`${base}/api/agreements/gb-ua-2024/text`, {
        method: 'POST',
        body: new FormData(),
      });
      if (probe.status === 404) {
        textApi.missing = true;
        return { skipped: 'POST /api/agreements/gb-ua-2024/text answers 404 on this server' };
      }
      check(probe.status === 400, `POST …/text without a file should answer 400, saw ${probe.status}`);

      await page.goto(`${base}/agreements/gb-ua-2024`);
      await page.getByRole('heading', { level: 2, name: 'Agreement text' }).waitFor();
      const fileInput = page.getByLabel('Text file');

      // A bad file is refused with the server's own message, and nothing is imported.
      allowConsoleError(/status of 400/);
      await fileInput.setInputFiles({
        name: 'broken.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('not a pdf at all'),
      });
      await page.getByRole('button', { name: 'Import the text' }).click();
      const refusal = await page.locator('.upload-error').innerText();
      check(
        /not a PDF/i.test(refusal),
        `a fake PDF should be refused as not a PDF, saw ${JSON.stringify(refusal)}`,
      );

      await fileInput.setInputFiles({
        name: 'gb-ua-2024-e2e.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(SAMPLE_TEXT, 'utf8'),
      });
      await page.getByRole('button', { name: 'Import the text' }).click();
      const summary = page.locator('.import-result');
      await summary.waitFor();
      const said = await summary.innerText();
      check(/2 clauses/.test(said), `the import summary should count 2 clauses, saw ${JSON.stringify(said)}`);
      check(
        /proposals? waiting for review/.test(said),
        `the summary should count proposals, saw ${JSON.stringify(said)}`,
      );

      const money = page.locator('.clauses .clause[data-ref="I.2"]');
      await money.waitFor();
      check(/EUR 100 million/.test(await money.innerText()), 'clause I.2 should read “EUR 100 million”');
      const consult = page.locator('.clauses .clause[data-ref="I.1"] [data-topic="consultation"]');
      await consult.waitFor();
      check(
        (await consult.innerText()).trim() === 'Consultation',
        'clause I.1 should carry the topic “Consultation”',
      );
      await page.locator('table.documents tbody tr', { hasText: 'gb-ua-2024-e2e.txt' }).waitFor();
    },
  ],
  [
    'the review queue accepts the EUR 100 million proposal',
    async ({ page }) => {
      if (textApi.missing) return { skipped: 'the text API is missing on this server' };
      await page.getByRole('navigation').getByRole('link', { name: 'Review' }).click();
      await page.getByRole('heading', { level: 1, name: 'Review of proposals' }).waitFor();
      const card = page
        .locator('article.proposal[data-status="pending"]')
        .filter({ has: page.locator('mark', { hasText: 'EUR 100 million' }) });
      await card.first().waitFor();
      check(
        (await card.count()) === 1,
        `expected one pending proposal for EUR 100 million, saw ${await card.count()}`,
      );
      const id = await card.getAttribute('data-id');
      const figure = await card.locator('.figure').innerText();
      check(
        figure.includes('€100,000,000'),
        `the draft should read €100,000,000, saw ${JSON.stringify(figure)}`,
      );
      await card.getByRole('button', { name: 'Accept', exact: true }).click();
      const pendingCard = page.locator(`article.proposal[data-id="${id}"]`);
      await eventually(
        () => pendingCard.count(),
        (count) => count === 0,
        'the accepted proposal should leave the pending list',
      );
      await page.getByRole('button', { name: 'Accepted', exact: true }).click();
      const accepted = page.locator(`article.proposal[data-id="${id}"][data-status="accepted"]`);
      await accepted.waitFor();
      check(
        /Created commitment/.test(await accepted.innerText()),
        'the accepted proposal should name its commitment',
      );
    },
  ],
  [
    'the comparison page aligns two texts, highlights differing figures and shows the G7 matrix',
    async ({ page, base }) => {
      if (textApi.missing) return { skipped: 'the text API is missing on this server' };
      // A second, fictional text through the API, so that a figure differs.
      const form = new FormData();
      form.append('file', new Blob([SAMPLE_TEXT_B], { type: 'text/plain' }), 'fr-ua-2024-e2e.txt');
      const imported = await fetch(`${base}/api/agreements/fr-ua-2024/text`, { method: 'POST', body: form });
      check(imported.status === 201, `importing the second text answered ${imported.status}`);

      await page.getByRole('navigation').getByRole('link', { name: 'Compare' }).click();
      await page.getByRole('heading', { level: 1, name: 'Compare agreements' }).waitFor();
      await page.goto(`${base}/compare?a=gb-ua-2024&b=fr-ua-2024`);
      await page.getByRole('heading', { level: 1, name: 'Compare agreements' }).waitFor();
      const row = page.locator('table.compare-table tbody tr[data-a-ref="I.2"]');
      await row.waitFor();
      const marks = await row.locator('mark').allInnerTexts();
      check(
        marks.some((text) => /EUR 100 million/.test(text)) &&
          marks.some((text) => /EUR 250 million/.test(text)),
        `the differing amounts should be marked in both texts, saw ${JSON.stringify(marks)}`,
      );
      check(
        (await page.locator('table.compare-table tbody tr').count()) >= 2,
        'expected at least two aligned clause pairs',
      );
      await page.locator('.only-in--b .clause', { hasText: 'cyber' }).waitFor();

      const matrixRow = page.locator('table.matrix tbody tr[data-agreement="gb-ua-2024"]');
      await matrixRow.waitFor();
      const cells = await matrixRow.locator('td.matrix-cell').count();
      check(cells === 7, `expected 7 G7 category cells, saw ${cells}`);
      check(
        (await matrixRow.locator('td.matrix-cell--gap[data-category="a4"]').count()) === 1,
        'gb-ua-2024’s imported text has no intelligence clause: a4 should be a gap',
      );
      await shot(page, 'compare');
      const covered = page.locator(
        'table.matrix tbody tr[data-agreement="fr-ua-2024"] td.matrix-cell--covered[data-category="a5"]',
      );
      await covered.waitFor();
      check(
        /covered by clauses/.test((await covered.getAttribute('title')) ?? ''),
        'a covered cell should name its clauses',
      );
    },
  ],
  [
    'editing a proposal shows the API’s message at the field, and a stale one asks for a reload',
    async ({ page, base, allowConsoleError }) => {
      if (textApi.missing) return { skipped: 'the text API is missing on this server' };
      await page.goto(`${base}/review`);
      await page.getByRole('heading', { level: 1, name: 'Review of proposals' }).waitFor();
      const card = page
        .locator('article.proposal[data-status="pending"]')
        .filter({ has: page.locator('mark', { hasText: 'EUR 250 million' }) });
      await card.first().waitFor();
      await shot(page, 'review');
      await card.getByRole('button', { name: 'Edit & accept' }).click();
      allowConsoleError(/status of 400/);
      await card.getByLabel('Amount').fill('25O000000');
      await card.getByRole('button', { name: 'Accept with these changes' }).click();
      const message = card.locator('.field-error');
      await message.waitFor();
      check(
        /decimal string/.test(await message.innerText()),
        'a bad amount should be explained at the field',
      );
      check(
        (await card.getByLabel('Amount').getAttribute('aria-invalid')) === 'true',
        'the amount should be marked invalid',
      );
      await card.getByRole('button', { name: 'Cancel' }).click();

      // Someone else decides first: this page's version is stale.
      const id = await card.getAttribute('data-id');
      const version = Number(await card.getAttribute('data-version'));
      const other = await fetch(`${base}/api/proposals/${encodeURIComponent(id)}/reject`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ version, note: 'decided elsewhere' }),
      });
      check(other.status === 200, `rejecting through the API answered ${other.status}`);
      allowConsoleError(/status of 409/);
      await card.getByRole('button', { name: 'Accept', exact: true }).click();
      await card.locator('.conflict', { hasText: 'Someone changed this proposal' }).waitFor();
      await card.getByRole('button', { name: 'Reload' }).click();
      await eventually(
        () => page.locator(`article.proposal[data-id="${id}"]`).count(),
        (count) => count === 0,
        'after a reload the proposal decided elsewhere should leave the pending list',
      );
    },
  ],
  [
    'an edit round-trips through the form, the API’s problems land at their fields, and a conflict is explained',
    async ({ page, base, allowConsoleError }) => {
      await page.goto(`${base}/edit/commitments/gb-ua-2024-2`);
      await page.getByRole('heading', { level: 2, name: 'Edit gb-ua-2024-2' }).waitFor();
      const money = page.locator('fieldset[data-field="money"]');
      // The API refuses a currency that is not ISO 4217, and says so at the currency.
      allowConsoleError(/status of 400/);
      await money.getByLabel('Currency').fill('ABC');
      await page.getByRole('button', { name: 'Save changes' }).click();
      const currencyError = money.locator('.field-error').first();
      await currencyError.waitFor();
      check(/ISO 4217/.test(await currencyError.innerText()), 'the currency problem should be explained at the field');
      check((await money.getByLabel('Currency').getAttribute('aria-invalid')) === 'true', 'the currency should be marked invalid');
      await money.getByLabel('Currency').fill('GBP');
      await page.getByLabel('Clause reference', { exact: true }).fill('I.2');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved. This is now version 2.' }).waitFor();
      const saved = await (await fetch(`${base}/api/commitments/gb-ua-2024-2`)).json();
      check(saved.clauseRef === 'I.2' && saved.money.currency === 'GBP', 'the edit should be stored');

      // Someone else saves meanwhile; our next save is explained field by field.
      const theirs = await fetch(`${base}/api/commitments/gb-ua-2024-2`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...saved, description: 'changed by another editor', firmness: 'binding' }),
      });
      check(theirs.status === 200, `the other editor's PUT answered ${theirs.status}`);
      allowConsoleError(/status of 409/);
      await page.getByLabel('Description').fill('changed in the browser');
      await page.getByRole('button', { name: 'Save changes' }).click();
      const conflict = page.locator('section.conflict');
      await conflict.getByRole('heading', { name: 'Someone changed this record while you were editing' }).waitFor();
      const description = conflict.locator('tr[data-field="description"]');
      check(/changed by another editor/.test(await description.innerText()), 'the diff should show their description');
      check(/changed in the browser/.test(await description.innerText()), 'the diff should show ours');
      check((await conflict.locator('tr[data-field="firmness"]').count()) === 1, 'the diff should show their firmness');
      await shot(page, 'edit-conflict', true);
      await conflict.getByRole('button', { name: 'Keep mine and retry' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved. This is now version 4.' }).waitFor();
      const final = await (await fetch(`${base}/api/commitments/gb-ua-2024-2`)).json();
      check(final.description === 'changed in the browser', 'keeping mine should store our description');
      check(final.version === 4, `expected version 4, saw ${final.version}`);
    },
  ],
  [
    'a finding on the overview opens its clause',
    async ({ page, base }) => {
      if (textApi.missing) return { skipped: 'the text API is missing on this server (no clauses)' };
      await page.goto(`${base}/`);
      const finding = page.locator('.overview-findings article.finding[data-code="SINGLE_GUARANTOR"]');
      await finding.waitFor();
      await finding.getByRole('link', { name: 'clause I.2' }).first().click();
      await page.waitForURL(/\/agreements\/gb-ua-2024#clause-I\.2$/);
      const clause = page.locator('.clause--target[data-ref="I.2"]');
      await clause.waitFor();
      check(/EUR 100 million/.test(await clause.innerText()), 'the opened clause should be I.2');
      check(await clause.evaluate((node) => node === globalThis.document.activeElement), 'the clause should take focus');
    },
  ],
  [
    'the network graph marks the single point of failure and has a table alternative',
    async ({ page, base }) => {
      await page.goto(`${base}/network`);
      await page.getByRole('heading', { level: 1, name: 'Network' }).waitFor();
      await page.locator('.network-chart__canvas svg').waitFor();
      const label = (await page.locator('.network-chart__canvas').getAttribute('aria-label')) ?? '';
      check(/single points of failure/.test(label), `the chart needs a text alternative, saw ${JSON.stringify(label)}`);
      await page.locator('.single-points li[data-partner="GB"]').first().waitFor();
      const critical = page.locator('table.network-table tbody tr[data-critical="true"]');
      await critical.first().waitFor();
      check(/United Kingdom/.test(await critical.first().innerText()) && /Drones/.test(await critical.first().innerText()), 'the UK → drones link should be critical');
      const png = page.waitForEvent('download');
      await page.getByRole('button', { name: /^Download PNG/ }).click();
      check(/\.png$/.test((await png).suggestedFilename()), 'the chart should download as PNG');
      await shot(page, 'network', true);
    },
  ],
  [
    'the crisis page declares an armed attack, raises a request, shows an offer live and records the allocation',
    async ({ page, base, allowConsoleError }) => {
      // The crisis API is built alongside this page; skip (and say so) only while it is missing.
      const probe = await fetch(`${base}/api/crisis/events`);
      if (probe.status === 404) return { skipped: 'GET /api/crisis/events answers 404 on this server' };
      check(probe.status === 200, `GET /api/crisis/events answered ${probe.status}`);

      await page
        .getByRole('navigation')
        .getByRole('link', { name: /^Crisis requests/ })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Crisis requests' }).waitFor();
      await page.locator('.live[data-status="live"]').waitFor();

      // Declared through the form, in the browser's zone: 06:30 in Kyiv on 1 March is 04:30 UTC.
      const declare = page.locator('form', { has: page.getByRole('heading', { name: 'Declare an event' }) });
      // The API's refusal is shown at the field it names.
      allowConsoleError(/status of 400/);
      await declare.getByRole('button', { name: 'Declare the event' }).click();
      const titleError = declare.locator('.field-error');
      await titleError.waitFor();
      check(
        /must not be empty/.test(await titleError.innerText()),
        'an empty title should be explained at the field',
      );
      check(
        (await declare.getByLabel('Title').getAttribute('aria-invalid')) === 'true',
        'the title should be marked invalid',
      );
      await declare.getByLabel('Type of event').selectOption('armed-attack');
      await declare.getByLabel('Occurred at (your time)').fill('2026-03-01T06:30');
      await declare.getByLabel('Title').fill('E2E armed attack');
      await declare.getByRole('button', { name: 'Declare the event' }).click();
      await page.getByRole('heading', { level: 1, name: 'E2E armed attack' }).waitFor();
      const events = await (await fetch(`${base}/api/crisis/events`)).json();
      const declared = events.items.find((event) => event.title === 'E2E armed attack');
      check(
        declared?.occurredAt === '2026-03-01T04:30:00.000Z',
        `the event should have occurred at 04:30 UTC, saw ${JSON.stringify(declared?.occurredAt)}`,
      );

      const gb = page.locator('table.consultations tbody tr[data-partner="GB"]');
      await gb.waitFor();
      check(
        (await gb.locator('th').innerText()).trim() === 'United Kingdom',
        'the GB row should name the partner',
      );
      const dueUtc = await gb.locator('.due-utc').innerText();
      check(
        dueUtc.includes('02/03/2026') && dueUtc.includes('04:30') && dueUtc.includes('UTC'),
        `the UK consultation should be due 24 h later (02/03/2026 04:30 UTC), saw ${JSON.stringify(dueUtc)}`,
      );
      check(/24 hours/.test(await gb.innerText()), 'the UK window should read 24 hours');
      const timer = gb.getByRole('timer');
      check(/^overdue by /.test(await timer.innerText()), 'a March due time should be overdue');
      check(
        /^Overdue by \d+ days?/.test((await timer.getAttribute('aria-label')) ?? ''),
        'the countdown should carry a spelled-out label',
      );
      const croatia = page.locator('ul.not-obliged li[data-partner="HR"]');
      await croatia.waitFor();
      const why = await croatia.innerText();
      check(
        /Croatia/.test(why) && /no consultation clause/.test(why),
        `Croatia should be listed as not obliged, saw ${JSON.stringify(why)}`,
      );

      // The scheduler escalates the overdue clocks; the header badge counts them, refreshed live.
      const badge = page.getByRole('navigation').locator('.nav-badge');
      const overdue = await eventually(
        async () => Number((await badge.count()) ? await badge.getAttribute('data-count') : 0),
        (count) => count >= 1,
        'the header should count the overdue consultations',
      );
      console.log(`    ${overdue} overdue consultations in the header badge`);
      await gb.getByRole('button', { name: 'Record the consultation with United Kingdom as held' }).click();
      await page.locator('table.consultations tbody tr[data-partner="GB"][data-status="held"]').waitFor();

      // A request with one line, moved on with the page's buttons.
      const raise = page.locator('form', { has: page.getByRole('heading', { name: 'Raise a request' }) });
      await raise.getByLabel('Title').fill('E2E interceptors');
      await raise.getByLabel('Capability area').selectOption('air-defence');
      await raise.getByLabel('Item').fill('interceptor');
      await raise.getByLabel('Quantity').fill('10');
      await raise.getByLabel('Needed by').fill('2026-12-20');
      await raise.getByRole('button', { name: 'Raise the request' }).click();
      await page.getByRole('heading', { level: 1, name: 'E2E interceptors' }).waitFor();
      const requestId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
      check(
        (await page.locator('.live').getAttribute('data-status')) === 'live',
        'the live stream should stay open from the event page to the request page',
      );
      const state = () => page.locator('.request-state-value [data-state]').getAttribute('data-state');
      const stateIs = (expected) =>
        eventually(state, (value) => value === expected, `the request should be ${expected}`);
      await stateIs('draft');
      await page.getByRole('button', { name: 'Submit', exact: true }).click();
      await stateIs('submitted');
      await page.getByRole('button', { name: 'Consult', exact: true }).click();
      await stateIs('consulting');

      // An offer from outside the page arrives over /api/live, without a reload.
      await page.locator('.live[data-status="live"]').waitFor();
      await page.evaluate(() => {
        globalThis.document.documentElement.dataset.e2eMark = 'before-offer';
      });
      const posted = await fetch(`${base}/api/crisis/requests/${encodeURIComponent(requestId)}/offers`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          partner: 'GB',
          item: 'interceptor',
          unit: 'items',
          quantity: 6,
          earliestDelivery: '2026-12-05',
          unitCost: { amount: '100000', currency: 'GBP' },
        }),
      });
      check(posted.status === 201, `POST …/offers answered ${posted.status}`);
      const offer = await posted.json();
      const offerRow = page.locator(`table.offers tbody tr[data-id="${offer.id}"]`);
      await offerRow.waitFor();
      check(
        /United Kingdom/.test(await offerRow.innerText()),
        'the live offer should name the United Kingdom',
      );
      check(
        (await page.evaluate(() => globalThis.document.documentElement.dataset.e2eMark)) === 'before-offer',
        'the offer should appear without a page reload',
      );
      await stateIs('offers');

      // Solve, read the proposal, record the decision.
      await page.getByRole('button', { name: 'Solve', exact: true }).click();
      const proposal = page.locator('.allocation-proposal');
      await proposal.waitFor();
      check(/optimal/.test(await proposal.innerText()), 'the proposal should be optimal');
      const line = proposal.locator('table.allocation tbody tr');
      check(
        (await line.getAttribute('data-outcome')) === 'partial',
        'six of ten interceptors should leave the line partly filled',
      );
      await page.getByRole('button', { name: 'Record decision' }).click();
      await stateIs('allocated');
      await page.locator('.allocation-proposal[data-decided="true"]').waitFor();
      check(
        (await page.locator('.request-state-value').innerText()).trim() === 'allocated',
        'the state should read “allocated”',
      );
      const xmlHref = await page.getByRole('link', { name: 'XML' }).getAttribute('href');
      const xml = await fetch(`${base}${xmlHref}`);
      check(
        xml.status === 200 && /CommitResource/.test(await xml.text()),
        'the EDXL-RM XML should hold a CommitResource',
      );
      await shot(page, 'crisis-request');
    },
  ],
  [
    'a coalition page shares its target out by the agreed key, and the delivery page shows the pipeline',
    async ({ page, base }) => {
      await page.goto(`${base}/coalitions`);
      await page
        .locator('article.coalition')
        .filter({ has: page.getByRole('heading', { name: 'Artillery Coalition' }) })
        .getByRole('link', { name: 'Roadmap and fair shares' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Artillery Coalition' }).waitFor();
      await page.getByText(/Requirement: 78 CAESAR howitzer/).waitFor();
      // The coalition's briefing, counting what this reader may see, downloads as Markdown.
      const [briefing] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Markdown\s*:\s*Artillery Coalition$/ }).click()]);
      const briefingText = readFileSync(await briefing.path(), 'utf8');
      check(briefingText.startsWith('# Artillery Coalition: briefing'), `the coalition briefing should open with its title, saw ${briefingText.slice(0, 60)}`);
      // No GDP is shipped, so the default key cannot share the target out.
      await page.getByRole('cell', { name: 'share unknown' }).first().waitFor();
      await page.getByLabel('shares agreed by the members').check();
      await page.getByLabel('France').fill('1');
      await page.getByLabel('United States').fill('1');
      await page.getByRole('button', { name: 'Save the key' }).click();
      await page.getByRole('status').filter({ hasText: 'Key saved.' }).waitFor();
      await eventually(
        () => page.locator('table.shares-table tbody tr').allInnerTexts(),
        (rows) => rows.length === 2 && rows.every((row) => /50 %/.test(row) && /39/.test(row)),
        'each lead should get half of the 78 howitzers',
      );
      await shot(page, 'coalition');
      await page.getByRole('navigation').getByRole('link', { name: 'Delivery' }).click();
      await page.getByRole('heading', { level: 1, name: 'From promise to delivery' }).waitFor();
      await page.locator('table.delivery-table tbody tr').filter({ hasText: 'Germany' }).first().waitFor();
      await page.getByRole('heading', { level: 2, name: 'Implementation by partner' }).waitFor();
      await shot(page, 'delivery');
    },
  ],
  [
    'an unknown address shows the not-found page',
    async ({ page, base }) => {
      await page.goto(`${base}/no-such-page`);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    },
  ],
  [
    'the stress test runs a what-if in the background and draws a fan chart per capability area',
    async ({ page }) => {
      await page.getByRole('navigation').getByRole('link', { name: 'Stress test' }).click();
      await page.getByRole('heading', { level: 1, name: 'Stress test' }).waitFor();
      await page.getByLabel('Trials').fill('2000');
      await page.getByLabel('Kind of change').selectOption('funding-hold');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByLabel('Partner (two-letter code)').fill('GB');
      await page.getByRole('button', { name: 'Run the stress test' }).click();
      await page.locator('.fan-chart canvas').first().waitFor({ timeout: 60_000 });
      check(
        (await page.locator('.fan-chart').count()) >= 2,
        'expected fan charts for the baseline and the scenario',
      );
      await page.getByRole('heading', { name: 'Baseline and scenario side by side' }).waitFor();
      await page.getByRole('heading', { name: 'What matters most' }).waitFor();
      const index = await page.locator('.stress-deterrence').first().innerText();
      check(/denial/.test(index) && /punishment/.test(index), 'the deterrence index should show its parts');
      await shot(page, 'stress');
    },
  ],
  [
    'the public portal: map and figures, the UK agreement with its sources, point 9 first, illustrative requirements, changes and the API, from /api/public only',
    async ({ page, base }) => {
      // The portal shows public records only: a request to any other part of the API fails the step.
      const elsewhere = [];
      const watch = (request) => {
        const path = new URL(request.url()).pathname;
        if (path.startsWith('/api/') && !path.startsWith('/api/public')) elsewhere.push(path);
      };
      await page.goto(`${base}/`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Public portal' }).click();
      await page.waitForURL(/\/public$/);
      page.on('request', watch);
      try {
        await page.goto(`${base}/public`);
        await page.getByRole('heading', { level: 1, name: 'Ukraine\'s security agreements, in the open' }).waitFor();
        const portalNav = page.getByRole('navigation', { name: 'Public portal' });
        check((await page.getByRole('navigation', { name: 'Main' }).count()) === 0, 'the portal should not show the app’s navigation');
        check((await page.getByRole('link', { name: 'Crisis requests' }).count()) === 0, 'the portal should not link to the crisis desk');
        await page.locator('svg.world-map__svg[data-ready="true"]').waitFor();
        const statusOf = (code) =>
          page.locator(`svg.world-map__svg path[data-code="${code}"]`).first().getAttribute('data-status');
        await eventually(() => statusOf('GB'), (status) => status === 'signed', 'the map should show the UK as signed');
        await eventually(() => statusOf('US'), (status) => status === 'binding', 'the map should show the US agreement as legally binding');
        const counted = await eventually(
          () => page.locator('.portal-figures .headline-figure__value').first().innerText(),
          (text) => /^\d+$/.test(text.trim()) && Number(text) >= 28,
          'the first figure should count at least 28 agreements',
        );
        console.log(`    ${counted.trim()} agreements counted on the portal's home page`);
        // The slider replays the network from the public records alone: on the seed article's day the US was in talks.
        await page.goto(`${base}/public?asOf=2024-02-20`);
        await page.locator('svg.world-map__svg[data-ready="true"]').waitFor();
        await eventually(() => statusOf('US'), (status) => status === 'talks', 'on 2024-02-20 the US should be in talks');

        await portalNav.getByRole('link', { name: 'Agreements' }).click();
        await page.getByRole('heading', { level: 1, name: 'Public agreements' }).waitFor();
        const uk = rowOf(page, 'United Kingdom');
        await uk.waitFor();
        check((await uk.locator('.sources a[href^="http"]').count()) > 0, 'the UK row should link its sources');
        await uk.getByRole('link', { name: 'United Kingdom', exact: true }).click();
        await page.waitForURL(/\/public\/agreements\/gb-ua-2024$/);
        await page.getByRole('heading', { level: 2, name: 'Sources' }).waitFor();
        check((await page.locator('.portal-sources a[href^="http"]').count()) > 0, 'the UK agreement should link its sources');
        await page.getByRole('heading', { level: 2, name: 'Terms' }).waitFor();

        await portalNav.getByRole('link', { name: 'Peace formula' }).click();
        await page.getByRole('heading', { level: 1, name: 'The peace formula' }).waitFor();
        const first = page.locator('.peace-point').first();
        await first.waitFor();
        check((await first.getAttribute('data-point')) === '9', 'point 9 should come first');
        check((await first.innerText()).includes('Prevention of escalation'), 'the first point should be prevention of escalation');
        check((await first.getByRole('link', { name: 'United Kingdom', exact: true }).count()) === 1, 'point 9 should link the UK agreement');

        await portalNav.getByRole('link', { name: 'Coverage' }).click();
        await page.getByRole('heading', { level: 1, name: 'Coverage by capability' }).waitFor();
        await page.getByRole('note').filter({ hasText: 'Illustrative requirements.' }).waitFor();
        await eventually(() => page.locator('.heat-cell--illustrative').count(), (n) => n > 0, 'cells measured against illustrative requirements should be marked');
        await page.getByText(/Show all \d+ requirements/).click();
        check((await page.locator('table.requirements-table .badge--illustrative').count()) > 0, 'the requirements table should label illustrative requirements');

        await portalNav.getByRole('link', { name: 'Open data' }).click();
        await page.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
        await page.getByRole('link', { name: 'Data package (JSON)' }).waitFor();
        check((await page.locator('.portal-licence blockquote').innerText()).includes('/api/public/package.json'), 'the citation should name the data package');
        check((await page.locator('.embed-preview img').count()) === 0, 'no embed should load before one is chosen');
        await page.getByLabel('Changed since', { exact: true }).fill('2020-01-01');
        await page.getByRole('button', { name: 'Show the changes' }).click();
        const changes = page.locator('table.changes-table tbody tr');
        await changes.first().waitFor();
        console.log(`    ${await changes.count()} public changes listed`);
        await page.getByLabel('Partner', { exact: true }).selectOption('partner:GB');
        await page.locator('.embed-preview img[src="/api/public/embed/partners/GB.svg"]').waitFor();
        check((await page.getByLabel('HTML to paste').inputValue()).includes('/api/public/embed/partners/GB.svg'), 'the snippet should embed the chosen card');
        const briefing = await page.getByRole('link', { name: 'Download the briefing (PDF)' }).getAttribute('href');
        check(briefing === '/api/public/briefing.pdf?lang=en', `the briefing link should address the whole network in English, saw ${briefing}`);
        // The chart embed draws from the public analysis; the briefing downloads as a real PDF.
        await page.getByRole('radio', { name: 'Money committed this year by capability area' }).check();
        await page.getByLabel('For', { exact: true }).selectOption('partner:GB');
        const chart = page.locator('.embed-preview img[src^="/api/public/embed/areas.svg"]');
        await chart.waitFor();
        await eventually(() => chart.evaluate((img) => img.naturalWidth), (width) => width > 0, 'the areas chart should load as an image');
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the briefing (PDF)' }).click()]);
        check(/^briefing-network-en-\d{4}-\d{2}-\d{2}\.pdf$/.test(download.suggestedFilename()), `the briefing should download as a dated PDF, saw ${download.suggestedFilename()}`);
        const pdfHead = readFileSync(await download.path()).subarray(0, 5).toString();
        check(pdfHead === '%PDF-', `the briefing should be a PDF, starts ${pdfHead}`);

        await portalNav.getByRole('link', { name: 'API' }).click();
        await page.getByRole('heading', { level: 1, name: 'The public API' }).waitFor();
        const summary = page.locator('.api-operation[data-path="/api/public/summary"]');
        await summary.waitFor();
        check((await summary.getByRole('link', { name: /Try it/ }).getAttribute('href')) === '/api/public/summary', 'the summary should have a try-it link');
        check((await page.locator('.api-operation').count()) >= 10, 'the API page should list every public operation');
      } finally {
        page.off('request', watch);
      }
      check(elsewhere.length === 0, `the portal asked outside the public API: ${[...new Set(elsewhere)].join(', ')}`);
      await shot(page, 'portal');
    },
  ],
  [
    'every page loads without console errors, passes axe, and in Ukrainian shows no untranslated label',
    async ({ page, base }) => {
      const english = leaves(JSON.parse(readFileSync(join(root, 'packages/web/src/i18n/en.json'), 'utf8')));
      const ukrainian = leaves(JSON.parse(readFileSync(join(root, 'packages/web/src/i18n/uk.json'), 'utf8')));
      const keys = [...english.keys()].map((key) => key.replace(/_(one|few|many|other)$/, ''));
      const sections = new Set(keys.map((key) => key.split('.')[0]));
      // English labels a Ukrainian page must not show: long enough to be unambiguous, and translated.
      const leftovers = [...english]
        .filter(([key, value]) => value.length >= 14 && / /.test(value) && !/\{\{/.test(value) && ukrainian.get(key) !== value)
        .map(([, value]) => value);
      const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
      const problems = [];
      for (const language of ['en', 'uk']) {
        await page.goto(`${base}/`);
        await page.getByRole('button', { name: language === 'en' ? 'English' : 'Українська' }).click();
        for (const path of AUDITED_PAGES) {
          await page.goto(`${base}${path}`);
          await page.locator('main h1').first().waitFor();
          // Settled: no query still loading.
          await eventually(() => page.locator('.loading').count(), (count) => count === 0, `${path} should finish loading`);
          await page.waitForTimeout(150);
          await shot(page, `page-${language}-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'overview'}`, true);
          // Injected over the DevTools protocol, so the page's content security policy stays as it is.
          await page.evaluate(axeSource);
          const violations = await page.evaluate(async () => {
            const result = await globalThis.axe.run(globalThis.document, { resultTypes: ['violations'] });
            return result.violations
              .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
              .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
          });
          for (const violation of violations) problems.push(`${language} ${path}: axe ${violation}`);
          if (language === 'uk') {
            // Visible text, leaving out what the page marks as English (records kept in their own language).
            const text = await page.evaluate(() => {
              const doc = globalThis.document;
              const out = [];
              const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (!parent || parent.closest('[lang="en"], script, style, noscript')) continue;
                if (!parent.checkVisibility()) continue;
                out.push(node.textContent ?? '');
              }
              return out.join('\n');
            });
            // A key shown instead of its label ("overview.figureSigned"), as i18next does when one is missing.
            for (const match of text.matchAll(/\b[a-z][a-zA-Z]+(?:\.[a-zA-Z0-9_*-]+)+\b/g))
              if (keys.includes(match[0]) || sections.has(match[0].split('.')[0] ?? ''))
                problems.push(`uk ${path}: untranslated key ${match[0]}`);
            if (/\{\{\w+\}\}/.test(text)) problems.push(`uk ${path}: a placeholder left unfilled`);
            for (const value of leftovers) if (text.includes(value)) problems.push(`uk ${path}: English label ${JSON.stringify(value)}`);
          }
        }
      }
      check(problems.length === 0, `problems:\n        ${[...new Set(problems)].join('\n        ')}`);
      console.log(`    ${AUDITED_PAGES.length} pages × 2 languages: no serious or critical axe violation, no untranslated label`);
      await page.getByRole('button', { name: 'English' }).click();
    },
  ],
  [
    // Last: once an account exists the server stops acting for the local user.
    'the first administrator, created on the command line, signs in, creates an account and a token, and signs out',
    async ({ page, base, allowConsoleError, dbFile }) => {
      const password = 'an e2e administrator password';
      // Leave the previous page first: once an account exists its polling would be refused (401) as anonymous.
      await page.goto('about:blank');
      const created = spawnSync(process.execPath, [join(root, 'packages/cli/bin/compact.js'), '--db', dbFile, 'user', 'create', 'e2e-admin', '--admin'], {
        cwd: root,
        input: `${password}\n`,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '' },
      });
      check(created.status === 0, `compact user create failed: ${created.stderr}`);

      await page.goto(`${base}/agreements`);
      const header = page.locator('.account-menu');
      await header.getByRole('link', { name: 'Sign in' }).click();
      await page.waitForURL(/\/login\?next=%2Fagreements/);
      await page.getByLabel('Username').fill('e2e-admin');
      await page.getByLabel('Password').fill('not the password');
      allowConsoleError(/401/);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'Wrong username or password' }).waitFor();
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/agreements$/);
      await header.getByText('e2e-admin').waitFor();
      check((await header.innerText()).includes('Administrator'), 'the header should name the role');

      // A change made with the session: the form's request must carry the CSRF token.
      await header.getByRole('link', { name: 'Accounts' }).click();
      await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
      await page.getByLabel('Username').fill('gb-officer');
      await page.getByLabel('Password').fill('short');
      await page.getByLabel('Role').selectOption('partner-officer');
      await page.getByLabel('Partner (code, e.g. GB)').fill('GB');
      allowConsoleError(/400/);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.locator('.field-error').filter({ hasText: 'at least 12 characters' }).waitFor();
      await page.getByLabel('Password').fill('the officer password');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('cell', { name: 'gb-officer', exact: true }).waitFor();
      check((await page.getByRole('row', { name: /gb-officer/ }).innerText()).includes('GB'), 'the new officer should be bound to GB');

      await page.goto(`${base}/account`);
      await page.getByLabel('What it is for').fill('e2e dashboard');
      await page.getByRole('button', { name: 'Create token' }).click();
      const secret = await page.locator('.token-secret').innerText();
      check(/^cpt_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/.test(secret.trim()), `a token should be shown once, saw ${secret}`);
      const byToken = await fetch(`${base}/api/auth/session`, { headers: { authorization: `Bearer ${secret.trim()}` } }).then((r) => r.json());
      check(byToken.account?.username === 'e2e-admin' && byToken.via === 'token', 'the token should act as its account');
      await page.getByRole('button', { name: 'Revoke “e2e dashboard”' }).click();
      await page.getByRole('cell', { name: 'Revoked', exact: true }).waitFor();
      const revoked = await fetch(`${base}/api/auth/session`, { headers: { authorization: `Bearer ${secret.trim()}` } });
      check(revoked.status === 401, `a revoked token should be refused, got ${revoked.status}`);

      await header.getByRole('button', { name: 'Sign out' }).click();
      await header.getByRole('link', { name: 'Sign in' }).waitFor();
      const session = await page.evaluate(() => fetch('/api/auth/session').then((r) => r.json()));
      check(session.signedIn === false && session.viewer.role === 'public', 'after signing out the browser is public');
    },
  ],
];

async function main() {
  buildWeb();
  const work = mkdtempSync(join(tmpdir(), 'compact-e2e-'));
  const port = await freePort();
  let server;
  let browser;
  let failed = false;
  try {
    server = await startServer(port, join(work, 'compact.sqlite'));
    console.log(
      `server healthy at ${server.base} (${server.health.database}, version ${server.health.version})`,
    );
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: process.env.E2E_HEADFUL !== '1',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Kyiv', acceptDownloads: true });
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    const page = await context.newPage();
    const consoleErrors = [];
    // Errors a step provokes on purpose (a refused upload logs its 400 in the console), once each.
    const expectedErrors = [];
    const allowConsoleError = (pattern) => expectedErrors.push(pattern);
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      const expected = expectedErrors.findIndex((pattern) => pattern.test(text));
      if (expected >= 0) expectedErrors.splice(expected, 1);
      else consoleErrors.push(`console: ${text}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    // The console does not say which address failed; keep the refused requests to name them.
    const refusedRequests = [];
    page.on('response', (response) => {
      if (response.status() >= 400) refusedRequests.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });

    for (const [name, run] of steps) {
      try {
        const outcome = await run({ page, base: server.base, allowConsoleError, dbFile: join(work, 'compact.sqlite') });
        if (outcome?.skipped) console.log(`  skip  ${name}\n        (${outcome.skipped})`);
        else console.log(`  ok    ${name}`);
      } catch (error) {
        failed = true;
        console.error(`  FAIL  ${name}\n        ${error instanceof Error ? error.message : String(error)}`);
        mkdirSync(artifacts, { recursive: true });
        const shot = join(artifacts, `failure-${steps.findIndex(([n]) => n === name) + 1}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        console.error(`        screenshot: ${shot}`);
        break;
      }
    }

    if (consoleErrors.length > 0) {
      failed = true;
      console.error(`  FAIL  the browser console had errors:\n        ${consoleErrors.join('\n        ')}`);
      console.error(`        refused requests:\n        ${refusedRequests.join('\n        ')}`);
    } else {
      console.log('  ok    no console errors');
    }
  } catch (error) {
    failed = true;
    console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server.child);
    if (failed && server)
      console.error(
        `--- server log (last lines) ---\n${server.log.join('').split('\n').slice(-30).join('\n')}`,
      );
    rmSync(work, { recursive: true, force: true });
  }
  if (failed) {
    console.error('e2e: FAILED');
    process.exit(1);
  }
  console.log('e2e: all checks passed');
}

await main();
