import type { OpenAPIHono } from '@hono/zod-openapi';
import { DataPackage, ExchangeRateRecord, Meeting, PeaceFormulaPoint, dataPackageJsonSchema } from '@compact/core';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../context.js';
import { documentRoute } from '../openapi.js';
import { readJson } from '../request.js';

/** Bulk import and export in the data package format, its JSON Schema, and the reference tables. */
export function registerPackageRoutes(app: OpenAPIHono<AppEnv>, { store }: AppDeps): void {
  documentRoute(app, { method: 'post', path: '/api/packages', tag: 'packages', summary: 'Import a data package, all or nothing', body: DataPackage, response: z.object({ created: z.record(z.string(), z.number()), updated: z.record(z.string(), z.number()) }) });
  app.post('/api/packages', async (c) => c.json(await store.importPackage(await readJson(c), c.var.viewer)));

  documentRoute(app, { method: 'get', path: '/api/packages', tag: 'packages', summary: 'Export everything the viewer may see as a data package', response: DataPackage });
  app.get('/api/packages', async (c) => c.json(await store.exportPackage(c.var.viewer)));

  const schema = dataPackageJsonSchema();
  documentRoute(app, { method: 'get', path: '/api/schema', tag: 'packages', summary: 'JSON Schema of the data package (compact/1)' });
  app.get('/api/schema', (c) => c.json(schema));

  documentRoute(app, { method: 'get', path: '/api/exchange-rates', tag: 'reference', summary: 'Annual exchange rates with sources and confidence marks', response: ExchangeRateRecord, list: true });
  app.get('/api/exchange-rates', async (c) => c.json({ items: await store.listExchangeRates() }));

  documentRoute(app, { method: 'get', path: '/api/peace-formula', tag: 'reference', summary: "Ukraine's 10-point peace formula", response: PeaceFormulaPoint, list: true });
  app.get('/api/peace-formula', async (c) => c.json({ items: await store.listPeaceFormula() }));

  documentRoute(app, { method: 'get', path: '/api/meetings', tag: 'reference', summary: "Security advisers' meetings and summits", response: Meeting, list: true });
  app.get('/api/meetings', async (c) => c.json({ items: await store.listMeetings() }));
}
