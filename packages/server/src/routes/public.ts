import type { OpenAPIHono } from '@hono/zod-openapi';
import { ANALYSIS_THRESHOLDS, analyze, areasChart, briefingMarkdown, buildBriefing, coalitionCard, CompactError, partnerCard, dataPackageJsonSchema, ENTITY_KINDS, IsoDate, PUBLIC_VIEWER, type EntityKind } from '@compact/core';
import { briefingPdf, CSV_TABLES, exportCsv } from '@compact/exchange';
import type { Store } from '@compact/store';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { BRIEFING_QUERY, briefingFilename, briefingRequest } from '../briefing/request.js';
import { documentRoute } from '../openapi.js';
import { analysisTuning, reportCurrency } from '../request.js';
import { PublicCache, type Rendered } from '../public/cache.js';
import { publicSummary } from '../public/summary.js';

export const PUBLIC_LICENCE =
  'Data compiled by the Compact project from the cited public sources; each record names its sources and figures are as the sources report them. Reuse is welcome with attribution to Compact and to the original sources; each source keeps its own terms. Code: Apache-2.0.';

const DEFAULT_PAGE_SIZE = 100;
const SINCE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/;
const MAX_PAGE_SIZE = 500;

const json = (value: unknown): Rendered => ({ body: JSON.stringify(value), contentType: 'application/json; charset=utf-8' });
const today = () => new Date().toISOString().slice(0, 10);

function citation(c: Context, asOf: string | null | undefined): string {
  const origin = new URL(c.req.url).origin;
  return `Compact, "Ukraine security agreements and capability coalitions" (public data package${asOf ? `, data as of ${asOf}` : ''}), ${origin}/api/public/package.json, retrieved ${today()}.`;
}

function pageOf(c: Context): { page: number; pageSize: number } {
  const number = (name: string, fallback: number, max: number) => {
    const raw = c.req.query(name);
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) throw new CompactError('VALIDATION', `${name} must be a whole number from 1 to ${max}`, `query.${name}`);
    return value;
  };
  return { page: number('page', 1, 1_000_000), pageSize: number('pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
}

/**
 * The public read-only API: public records only, whoever asks (credentials are ignored, so
 * answers can be cached and shared), with ETag/Last-Modified, pagination, downloads of the open
 * data, a changelog and licence and citation text. Registered before authentication runs.
 */
export function registerPublicRoutes(app: OpenAPIHono<AppEnv>, store: Store): void {
  const cache = new PublicCache(store);
  const publicPackage = () => store.exportPackage(PUBLIC_VIEWER);
  const get = (path: string, summary: string, query: string[], render: (c: Context) => Promise<Rendered>) => {
    documentRoute(app, { method: 'get', path, tag: 'public', summary, query });
    app.get(path.replace(/\{(\w+)\}/g, ':$1'), (c) => cache.respond(c, () => render(c)));
  };

  get('/api/public', 'The public API: what it offers, the licence and how to cite it', [], async (c) => {
    const pkg = await publicPackage();
    return json({
      title: pkg.title ?? 'Compact public data',
      dataAsOf: pkg.asOf ?? null,
      licence: PUBLIC_LICENCE,
      citation: citation(c, pkg.asOf),
      documentation: '/api/public/openapi.json',
      downloads: { package: '/api/public/package.json', schema: '/api/public/schema.json', csv: CSV_TABLES.map((table) => `/api/public/csv/${table.file}`) },
      collections: ENTITY_KINDS.map((kind) => `/api/public/${kind}`),
      summary: '/api/public/summary',
      changes: '/api/public/changes?since=2025-01-01',
      embeds: ['/api/public/embed/partners/GB.svg', '/api/public/embed/coalitions/artillery.svg', '/api/public/embed/areas.svg?partner=GB'],
      briefings: ['/api/public/briefing.pdf', '/api/public/briefing.pdf?partner=GB&lang=uk', '/api/public/briefing.md?coalition=artillery'],
    });
  });

  get('/api/public/summary', 'The network at a glance: agreements by status, partners, coalitions, commitments by capability area', ['asOf'], async (c) => {
    const asOf = dateParameter(c, 'asOf') ?? today();
    return json(publicSummary(await publicPackage(), asOf));
  });

  get('/api/public/package.json', 'The public data package (every public record, with sources), to download', [], async () => ({
    ...json(await publicPackage()),
    filename: 'compact-public.json',
  }));

  const schema = dataPackageJsonSchema();
  get('/api/public/schema.json', 'JSON Schema of the data package', [], () => Promise.resolve(json(schema)));

  get('/api/public/csv/{file}', `One entity kind as CSV (${CSV_TABLES.map((table) => table.file).join(', ')})`, [], async (c) => {
    const file = c.req.param('file') ?? '';
    if (!CSV_TABLES.some((table) => table.file === file)) throw new CompactError('NOT_FOUND', `no CSV "${file}": use one of ${CSV_TABLES.map((table) => table.file).join(', ')}`);
    return { body: exportCsv(await publicPackage())[file] ?? '', contentType: 'text/csv; charset=utf-8', filename: `compact-public-${file}` };
  });

  get('/api/public/changes', 'Public records created, changed or deleted since a date or UTC time (oldest first)', ['since'], async (c) => {
    const since = c.req.query('since') ?? '';
    if (!SINCE.test(since) || Number.isNaN(Date.parse(since))) {
      throw new CompactError('VALIDATION', 'since is required: an ISO date such as 2025-01-01, or a UTC time such as 2025-01-01T12:00:00Z', 'query.since');
    }
    return json({ since, items: await store.publicChanges(since) });
  });

  get('/api/public/analysis', 'Coverage and findings computed from public records only', ['asOf', 'currency', 'natoAccession', 'rules', ...ANALYSIS_THRESHOLDS.map((spec) => spec.option)], async (c) => {
    const asOf = dateParameter(c, 'asOf') ?? today();
    const natoAccession = dateParameter(c, 'natoAccession') ?? null;
    return json(analyze(await publicPackage(), { asOf, currency: reportCurrency(c), natoAccession, ...analysisTuning(c) }));
  });

  get('/api/public/peace-formula', "Ukraine's 10-point peace formula, point 9 (prevention of escalation) first, with the agreements and coalitions serving each point and the meetings", [], async () => {
    const pkg = await publicPackage();
    const agreements = new Set(pkg.agreements.map((agreement) => agreement.id));
    const coalitions = new Set(pkg.coalitions.map((coalition) => coalition.id));
    const points = [...pkg.peaceFormula]
      .sort((a, b) => (a.point === 9 ? -1 : b.point === 9 ? 1 : a.point - b.point))
      .map((point) => ({ ...point, agreementIds: (point.agreementIds ?? []).filter((id) => agreements.has(id)), coalitionIds: (point.coalitionIds ?? []).filter((id) => coalitions.has(id)) }));
    return json({ items: points, meetings: pkg.meetings });
  });

  const svg = (body: string | undefined, what: string): Rendered => {
    if (body === undefined) throw new CompactError('NOT_FOUND', `no public ${what}`);
    return { body, contentType: 'image/svg+xml; charset=utf-8' };
  };
  get('/api/public/embed/partners/{file}', 'A card (SVG) for one partner that another site may embed: /api/public/embed/partners/GB.svg', ['asOf'], async (c) => {
    const code = (c.req.param('file') ?? '').replace(/\.svg$/, '');
    return svg(partnerCard(await publicPackage(), code, dateParameter(c, 'asOf') ?? today()), `partner "${code}"`);
  });
  get('/api/public/embed/coalitions/{file}', 'A card (SVG) for one coalition that another site may embed: /api/public/embed/coalitions/artillery.svg', ['asOf'], async (c) => {
    const id = (c.req.param('file') ?? '').replace(/\.svg$/, '');
    return svg(coalitionCard(await publicPackage(), id, dateParameter(c, 'asOf') ?? today()), `coalition "${id}"`);
  });

  get('/api/public/embed/areas.svg', 'A chart (SVG) of money committed for the year by capability area, for the network, a partner or a coalition, that another site may embed', [...BRIEFING_QUERY], async (c) => {
    const pkg = await publicPackage();
    const request = briefingRequest(c, pkg);
    const briefing = buildBriefing(pkg, request.scope, request);
    const footer = request.language === 'uk' ? `Compact · відкриті дані станом на ${request.asOf} · джерела в пакеті даних` : `Compact · public data as of ${request.asOf} · sources in the data package`;
    return { body: areasChart(briefing, footer), contentType: 'image/svg+xml; charset=utf-8' };
  });

  // Briefings of public records: rendered once per state of the data, like every public answer.
  get('/api/public/briefing.pdf', 'A one- or two-page briefing (PDF) of the network, a partner or a coalition, in English or Ukrainian, from public records', [...BRIEFING_QUERY], async (c) => {
    const pkg = await publicPackage();
    const request = briefingRequest(c, pkg);
    return { body: await briefingPdf(buildBriefing(pkg, request.scope, request)), contentType: 'application/pdf', filename: briefingFilename(request, 'pdf') };
  });
  get('/api/public/briefing.md', 'The same briefing as Markdown', [...BRIEFING_QUERY], async (c) => {
    const pkg = await publicPackage();
    const request = briefingRequest(c, pkg);
    return { body: briefingMarkdown(buildBriefing(pkg, request.scope, request)), contentType: 'text/markdown; charset=utf-8', filename: briefingFilename(request, 'md') };
  });

  for (const kind of ENTITY_KINDS) {
    get(`/api/public/${kind}`, `Public ${kind}, a page at a time`, ['page', 'pageSize'], async (c) => json(paginate(c, await store.list(kind, PUBLIC_VIEWER), kind)));
    get(`/api/public/${kind}/{id}`, `One public ${kind.replace(/s$/, '')}`, [], async (c) => json(await store.get(kind, c.req.param('id') ?? '', PUBLIC_VIEWER)));
  }
}

function paginate(c: Context, items: readonly unknown[], kind: EntityKind) {
  const { page, pageSize } = pageOf(c);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const link = (number: number) => `/api/public/${kind}?page=${number}&pageSize=${pageSize}`;
  return {
    items: items.slice((page - 1) * pageSize, page * pageSize),
    page,
    pageSize,
    total: items.length,
    pages,
    next: page < pages ? link(page + 1) : null,
    previous: page > 1 ? link(Math.min(page - 1, pages)) : null,
  };
}

function dateParameter(c: Context, name: string): string | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === '') return undefined;
  if (!IsoDate.safeParse(value).success) throw new CompactError('VALIDATION', `${name} must be an ISO 8601 date such as 2024-02-20`, `query.${name}`);
  return value;
}
