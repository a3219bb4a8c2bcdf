import type { OpenAPIHono } from '@hono/zod-openapi';
import { CompactError } from '@compact/core';
import { CSV_TABLES, exportCsv, exportFts, exportIati, ftsCsv } from '@compact/exchange';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../context.js';
import { documentRoute } from '../openapi.js';

function download(c: Context<AppEnv>, body: string, type: string, filename: string): Response {
  c.header('content-type', type);
  c.header('content-disposition', `attachment; filename="${filename}"`);
  return c.body(body);
}

/** The aid-transparency exports: CSV per entity, IATI XML, FTS JSON and CSV, of what the viewer may see. */
export function registerExportRoutes(app: OpenAPIHono<AppEnv>, { store }: AppDeps): void {
  const kinds = CSV_TABLES.map((table) => table.file.replace(/\.csv$/, ''));
  documentRoute(app, { method: 'get', path: '/api/export/csv/{kind}', tag: 'packages', summary: `One entity kind as CSV (kind: ${kinds.map((kind) => `${kind}.csv`).join(', ')})` });
  app.get('/api/export/csv/:file', async (c) => {
    const file = c.req.param('file');
    if (!CSV_TABLES.some((table) => table.file === file)) {
      throw new CompactError('NOT_FOUND', `no CSV export "${file}": use one of ${CSV_TABLES.map((table) => table.file).join(', ')}`);
    }
    const files = exportCsv(await store.exportPackage(c.var.viewer));
    return download(c, files[file] ?? '', 'text/csv; charset=utf-8', `compact-${file}`);
  });

  documentRoute(app, { method: 'get', path: '/api/export/iati.xml', tag: 'packages', summary: 'Flows as IATI 2.03 activities and transactions (XML, with the compact: extension)' });
  app.get('/api/export/iati.xml', async (c) => {
    const pkg = await store.exportPackage(c.var.viewer);
    return download(c, exportIati(pkg, { generatedAt: new Date().toISOString() }), 'application/xml; charset=utf-8', 'compact-iati.xml');
  });

  documentRoute(app, { method: 'get', path: '/api/export/fts.json', tag: 'packages', summary: 'Flows as FTS-style flow objects (JSON)' });
  app.get('/api/export/fts.json', async (c) => {
    const pkg = await store.exportPackage(c.var.viewer);
    return download(c, JSON.stringify(exportFts(pkg, { exchangeRates: pkg.exchangeRates }), null, 2), 'application/json; charset=utf-8', 'compact-flows.fts.json');
  });

  documentRoute(app, { method: 'get', path: '/api/export/fts.csv', tag: 'packages', summary: 'Flows as FTS-style flow objects (flat CSV)' });
  app.get('/api/export/fts.csv', async (c) => {
    const pkg = await store.exportPackage(c.var.viewer);
    return download(c, ftsCsv(exportFts(pkg, { exchangeRates: pkg.exchangeRates })), 'text/csv; charset=utf-8', 'compact-flows.fts.csv');
  });
}
