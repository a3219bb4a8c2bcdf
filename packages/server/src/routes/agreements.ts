import type { OpenAPIHono } from '@hono/zod-openapi';
import { Agreement, AgreementKind, CompactError, summariseAgreements, viewAgreement } from '@compact/core';
import type { AppDeps, AppEnv } from '../context.js';
import { documentRoute } from '../openapi.js';
import { optionalDate } from '../request.js';

/**
 * The agreements as of a day (valid time): each with its status then. With `asOf`, agreements
 * with no known status by that day are left out; without it, the status is today's.
 */
export function registerAgreementRoutes(app: OpenAPIHono<AppEnv>, { store }: AppDeps): void {
  documentRoute(app, {
    method: 'get',
    path: '/api/agreements',
    tag: 'agreements',
    summary: 'Agreements as of a date, each with statusAsOf, signedOn and partner; summary counts those Ukraine counts',
    query: ['asOf', 'kind', 'counted'],
    response: Agreement,
    list: true,
  });
  app.get('/api/agreements', async (c) => {
    const asOf = optionalDate(c, 'asOf');
    const kind = c.req.query('kind');
    if (kind !== undefined && kind !== 'all' && !AgreementKind.safeParse(kind).success) {
      throw new CompactError('VALIDATION', `kind must be one of ${AgreementKind.options.join(', ')} or all`, 'query.kind');
    }
    const counted = c.req.query('counted');
    const day = asOf ?? new Date().toISOString().slice(0, 10);
    const items = (await store.list('agreements', c.var.viewer))
      .map((agreement) => viewAgreement(agreement, day))
      .filter((view) => asOf === undefined || view.statusAsOf !== null)
      .filter((view) => kind === undefined || kind === 'all' || view.kind === kind)
      .filter((view) => counted === undefined || view.countedByUkraine === (counted === 'true'))
      .sort((a, b) => (a.signedOn ?? '9999').localeCompare(b.signedOn ?? '9999') || a.id.localeCompare(b.id));
    return c.json({ asOf: day, items, summary: summariseAgreements(items) });
  });

  documentRoute(app, { method: 'get', path: '/api/agreements/{id}', tag: 'agreements', summary: 'One agreement with its status as of a date (default today)', query: ['asOf'], response: Agreement });
  app.get('/api/agreements/:id', async (c) => {
    const day = optionalDate(c, 'asOf') ?? new Date().toISOString().slice(0, 10);
    return c.json(viewAgreement(await store.get('agreements', c.req.param('id'), c.var.viewer), day));
  });
}
