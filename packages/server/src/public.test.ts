// The public API over real HTTP: public records only whoever asks, downloads that validate against
// the published schema, pagination, the changelog, and conditional requests answered 304.
import { briefingMarkdown, buildBriefing, PUBLIC_VIEWER, SYSTEM_VIEWER } from '@compact/core';
import { testBackends } from '@compact/store/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIDENTIAL_TEST_PLEDGE, openShippedServer, type ShippedServer } from './test-server.js';

/** A restricted pledge next to the confidential one: neither may appear anywhere public. */
const RESTRICTED_TEST_PLEDGE = { ...CONFIDENTIAL_TEST_PLEDGE, id: 'fr-restricted-sentinel', agreementId: 'fr-ua-2024', provider: 'FR', classification: 'restricted', money: { amount: '7654321.09', currency: 'EUR' } };
/** The text of a PDF, read back with pdfjs as a reader's tool would. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}

const HIDDEN = [CONFIDENTIAL_TEST_PLEDGE.id, RESTRICTED_TEST_PLEDGE.id, '7654321', 'illustrative launchers'];

describe.each(testBackends)('public API on $name', (backend) => {
  let shipped: ShippedServer;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${shipped.server.url}${path}`, { headers });

  beforeAll(async () => {
    shipped = await openShippedServer(backend, { withConfidentialPledge: true });
    await shipped.store.create('commitments', RESTRICTED_TEST_PLEDGE, SYSTEM_VIEWER);
  });
  afterAll(() => shipped.close());

  it('documents its endpoints, and none of them shows a restricted or confidential record to anyone', async () => {
    const document = (await (await get('/api/public/openapi.json')).json()) as { paths: Record<string, unknown> };
    const paths = Object.keys(document.paths);
    expect(paths.length).toBeGreaterThanOrEqual(20);
    const concrete = paths.flatMap((path) => {
      if (path.endsWith('/embed/partners/{file}')) return [path.replace('{file}', 'GB.svg')];
      if (path.endsWith('/embed/coalitions/{file}')) return [path.replace('{file}', 'artillery.svg')];
      if (path.endsWith('/csv/{file}')) return ['partners.csv', 'agreements.csv', 'commitments.csv', 'flows.csv'].map((file) => path.replace('{file}', file));
      if (path.endsWith('/{id}')) return [path.replace('{id}', 'gb-ua-2024-1').replace('/agreements/gb-ua-2024-1', '/agreements/gb-ua-2024'), path.replace('{id}', CONFIDENTIAL_TEST_PLEDGE.id)];
      if (path.includes('briefing') || path.endsWith('areas.svg')) return [path, `${path}?partner=GB&asOf=2025-06-30`, `${path}?partner=FR&lang=uk&asOf=2025-06-30`];
      return [path.includes('changes') ? `${path}?since=2000-01-01` : path];
    });
    // Credentials change nothing: the public API ignores them, so a coordinator sees the same.
    for (const viewer of [undefined, 'coordinator', 'partner-officer:GB']) {
      for (const path of concrete) {
        const response = await get(path, viewer ? { 'x-compact-viewer': viewer } : {});
        expect([200, 404], `${path} as ${viewer ?? 'anonymous'}`).toContain(response.status);
        // A 404 names the id that was asked for; that is not a leak, so it is taken out first.
        const text = response.headers.get('content-type') === 'application/pdf' ? await pdfText(new Uint8Array(await response.arrayBuffer())) : await response.text();
        const body = text.replaceAll(`"${CONFIDENTIAL_TEST_PLEDGE.id}\\"`, '"(asked)\\"');
        for (const hidden of HIDDEN) expect(body, `${path} as ${viewer ?? 'anonymous'}`).not.toContain(hidden);
      }
    }
    // The sentinel is really there, for those entitled, outside the public API.
    expect(await (await get(`/api/commitments/${CONFIDENTIAL_TEST_PLEDGE.id}`, { 'x-compact-viewer': 'coordinator' })).text()).toContain('illustrative launchers');
  });

  it('serves embeddable SVG cards that other sites may load, while the app itself stays same-origin', async () => {
    const card = await get('/api/public/embed/partners/GB.svg');
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(card.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(card.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(await card.text()).toContain('United Kingdom');
    expect((await get('/api/public/embed/coalitions/nowhere.svg')).status).toBe(404);
    expect((await get('/api/health')).headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('publishes a package that the published JSON Schema validates, with licence and citation text', async () => {
    const index = (await (await get('/api/public')).json()) as { licence: string; citation: string };
    expect(index.licence).toMatch(/sources/);
    expect(index.citation).toMatch(/\/api\/public\/package\.json, retrieved \d{4}-\d{2}-\d{2}/);
    const response = await get('/api/public/package.json');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="compact-public.json"');
    const pkg = (await response.json()) as { commitments: unknown[] };
    expect(pkg.commitments.length).toBe(30);
    const schema = (await (await get('/api/public/schema.json')).json()) as object;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(pkg), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate({ ...pkg, commitments: [{ id: 'broken' }] })).toBe(false);
  });

  it('analyses public records in the currency asked for, with the thresholds and rules given', async () => {
    const analysis = async (query: string) => {
      const response = await get(`/api/public/analysis?asOf=2025-11-30&${query}`);
      return { status: response.status, body: await response.json() };
    };
    const inEuros = await analysis('rules=GAP');
    const inDollars = await analysis('rules=GAP&currency=USD');
    expect(inDollars.status).toBe(200);
    expect(inDollars.body.currency).toBe('USD');
    const required = (body: any) => body.coverage.find((row: any) => row.capabilityArea === 'air-defence' && row.year === 2025 && row.measure === 'money')?.required;
    expect(required(inDollars.body)).not.toBe(required(inEuros.body));
    expect(new Set(inEuros.body.findings.map((finding: any) => finding.code))).toEqual(new Set(['GAP']));
    const allMedium = await analysis('rules=GAP&gapCriticalBelow=0&gapHighBelow=0');
    expect(new Set(allMedium.body.findings.map((finding: any) => finding.severity))).toEqual(new Set(['medium']));
    for (const [query, path] of [
      ['currency=EURO', 'query.currency'],
      ['concentrationThreshold=11', 'query.concentrationThreshold'],
      ['natoAccession=soon', 'query.natoAccession'],
    ] as const) {
      const refused = await analysis(query);
      expect(refused.status, query).toBe(400);
      expect(refused.body.error.path).toBe(path);
    }
  });

  it('pages through a collection: every record once, with links to the next and previous pages', async () => {
    const seen: string[] = [];
    let next: string | null = '/api/public/commitments?pageSize=7';
    let pages = 0;
    while (next) {
      const page = (await (await get(next)).json()) as { items: Array<{ id: string }>; total: number; pages: number; next: string | null; previous: string | null };
      seen.push(...page.items.map((item) => item.id));
      expect(page.total).toBe(30);
      expect(page.pages).toBe(5);
      expect(page.previous === null).toBe(pages === 0);
      next = page.next;
      pages++;
    }
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(30);
    const bad = await get('/api/public/commitments?pageSize=501');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { path: string } }).error.path).toBe('query.pageSize');
  });

  it('answers a repeated request with its ETag or date with 304, and a write with a new ETag', async () => {
    const first = await get('/api/public/summary');
    const etag = first.headers.get('etag');
    const lastModified = first.headers.get('last-modified');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const summary = (await first.json()) as { agreements: { signed: number }; commitments: { count: number } };
    expect(summary.commitments.count).toBe(30);
    expect(summary.agreements.signed).toBeGreaterThanOrEqual(28);
    const again = await get('/api/public/summary', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get('/api/public/summary', { 'if-modified-since': lastModified! })).status).toBe(304);
    expect((await get('/api/public/summary', { 'if-none-match': '"something-else"' })).status).toBe(200);

    const before = new Date().toISOString();
    const commitment = await shipped.store.get('commitments', 'de-ua-2024-1', SYSTEM_VIEWER);
    await shipped.store.update('commitments', commitment.id, { ...commitment, description: 'changed for the changelog' }, SYSTEM_VIEWER, commitment.version);
    await shipped.store.create('commitments', { ...CONFIDENTIAL_TEST_PLEDGE, id: 'another-confidential' }, SYSTEM_VIEWER);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the cache trusts a data version for 250 ms
    const changed = await get('/api/public/commitments/de-ua-2024-1', { 'if-none-match': etag! });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { description: string }).description).toBe('changed for the changelog');
    // The summary counts the same public records, so its body and ETag are the same: the new
    // confidential pledge changes nothing anyone can see here.
    const summaryAfter = await get('/api/public/summary', { 'if-none-match': etag! });
    expect(summaryAfter.status).toBe(304);
    const packageBefore = await get('/api/public/package.json');
    expect(await packageBefore.text()).toContain('changed for the changelog');

    const changes = (await (await get(`/api/public/changes?since=${before}`)).json()) as { items: Array<{ id: string; change: string; at: string }> };
    expect(changes.items.map((item) => `${item.change} ${item.id}`)).toEqual(['updated de-ua-2024-1']);
    const shortLived = await shipped.store.create('commitments', { ...CONFIDENTIAL_TEST_PLEDGE, id: 'public-short-lived', classification: 'public', description: 'public, then deleted' }, SYSTEM_VIEWER);
    await shipped.store.remove('commitments', shortLived.id, SYSTEM_VIEWER, shortLived.version);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const later = (await (await get(`/api/public/changes?since=${before}`)).json()) as { items: Array<{ id: string; change: string }> };
    expect(later.items.map((item) => `${item.change} ${item.id}`)).toEqual(['updated de-ua-2024-1', 'deleted public-short-lived']);
    expect((await get('/api/public/changes')).status).toBe(400);
  });

  it('briefs the network, a partner or a coalition as PDF and Markdown in both languages, from public records only', async () => {
    const pdf = await get('/api/public/briefing.pdf?partner=gb&lang=uk&asOf=2025-06-30');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="briefing-GB-uk-2025-06-30.pdf"');
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('Велика Британія: брифінг');
    expect(text).toContain('Ключові показники');
    expect(text).toContain('Угоди, підписані з Україною: 1');
    const english = await pdfText(new Uint8Array(await (await get('/api/public/briefing.pdf?coalition=artillery&asOf=2025-06-30')).arrayBuffer()));
    expect(english).toContain('Artillery Coalition: briefing');
    expect(english).toContain('Capability areas: artillery');

    // The public briefing is the one the public package makes; a coordinator's counts the
    // restricted French pledge (EUR 7.65 million in 2025) too, so the two differ.
    const asOf = '2025-06-30';
    const scope = { kind: 'partner', partner: 'FR' } as const;
    const publicMarkdown = await (await get(`/api/public/briefing.md?partner=FR&asOf=${asOf}`)).text();
    expect(publicMarkdown).toBe(briefingMarkdown(buildBriefing(await shipped.store.exportPackage(PUBLIC_VIEWER), scope, { asOf })));
    const coordinatorMarkdown = await (await get(`/api/briefing.md?partner=FR&asOf=${asOf}`, { 'x-compact-viewer': 'coordinator' })).text();
    expect(coordinatorMarkdown).toBe(briefingMarkdown(buildBriefing(await shipped.store.exportPackage({ role: 'coordinator' }), scope, { asOf })));
    expect(coordinatorMarkdown).not.toBe(publicMarkdown);
    expect((await get(`/api/briefing.md?partner=FR&asOf=${asOf}`, { 'x-compact-viewer': 'coordinator' })).headers.get('cache-control')).toBe('private, no-store');

    const chart = await get('/api/public/embed/areas.svg?partner=GB&asOf=2025-06-30');
    expect(chart.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(chart.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const svg = await chart.text();
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="United Kingdom: briefing\. Committed for 2025 by capability area \(EUR million\): /);
    expect(svg).toContain('>drones<');

    for (const [path, status, field] of [
      ['/api/public/briefing.pdf?partner=ZZ', 404, 'query.partner'],
      ['/api/public/briefing.md?coalition=nowhere', 404, 'query.coalition'],
      ['/api/public/briefing.md?partner=GB&coalition=artillery', 400, 'query.coalition'],
      ['/api/public/briefing.md?lang=de', 400, 'query.lang'],
      ['/api/public/embed/areas.svg?asOf=yesterday', 400, 'query.asOf'],
    ] as const) {
      const refused = await get(path);
      expect(refused.status, path).toBe(status);
      expect(((await refused.json()) as { error: { path: string } }).error.path, path).toBe(field);
    }
  });
});
