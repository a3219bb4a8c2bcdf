import type { OpenAPIHono } from '@hono/zod-openapi';
import { ANALYSIS_THRESHOLDS, analyze } from '@compact/core';
import type { AppDeps, AppEnv } from '../context.js';
import { documentRoute } from '../openapi.js';
import { analysisTuning, optionalDate, reportCurrency } from '../request.js';

/**
 * The coordination analysis over what the viewer may see: the store's export for that viewer is
 * the input, so no aggregate is computed from a record the viewer could not read.
 */
export function registerAnalysisRoutes(app: OpenAPIHono<AppEnv>, { store }: AppDeps): void {
  documentRoute(app, {
    method: 'get',
    path: '/api/analysis',
    tag: 'analysis',
    summary: 'Coverage by capability area and year, and findings (gaps, concentration, double counting, cliffs, contradictions) with clause references',
    query: ['asOf', 'currency', 'natoAccession', 'rules', ...ANALYSIS_THRESHOLDS.map((spec) => spec.option)],
  });
  app.get('/api/analysis', async (c) => {
    const asOf = optionalDate(c, 'asOf') ?? new Date().toISOString().slice(0, 10);
    const natoAccession = optionalDate(c, 'natoAccession') ?? null;
    const currency = reportCurrency(c);
    const tuning = analysisTuning(c);
    const visible = await store.exportPackage(c.var.viewer);
    return c.json(analyze(visible, { asOf, currency, natoAccession, ...tuning }));
  });
}
