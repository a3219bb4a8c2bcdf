import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  CompactError,
  DELIVERY_DIMENSIONS,
  FairShareKey,
  ImplementationOverride,
  buildLedger,
  coalitionRoadmap,
  deliveryTotals,
  formatMinorUnits,
  implementationScores,
  issuesFromZod,
  lateDeliveries,
  membersOn,
  validationError,
  type Coalition,
  type DataPackage,
  type DeliveryDimension,
  type LedgerEntry,
} from '@compact/core';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../context.js';
import { documentRoute } from '../openapi.js';
import { expectedVersion, optionalDate, readJson, reportCurrency } from '../request.js';

function viewOptions(c: Context<AppEnv>): { asOf: string; currency: string } {
  const asOf = optionalDate(c, 'asOf') ?? new Date().toISOString().slice(0, 10);
  return { asOf, currency: reportCurrency(c) };
}

function dimensions(c: Context<AppEnv>): DeliveryDimension[] {
  const raw = c.req.query('by') ?? 'provider';
  const by = raw.split(',').map((part) => part.trim()).filter(Boolean);
  for (const dimension of by) {
    if (!(DELIVERY_DIMENSIONS as readonly string[]).includes(dimension)) {
      throw new CompactError('VALIDATION', `by may list ${DELIVERY_DIMENSIONS.join(', ')}; "${dimension}" is not one of them`, 'query.by');
    }
  }
  return by as DeliveryDimension[];
}

/** A ledger line as JSON: the counted value as an exact decimal string. */
function entryJson(entry: LedgerEntry, currency: string, format: (minor: bigint) => string) {
  const { value, grossValue, ...rest } = entry;
  return { ...rest, value: value === null ? null : format(value), grossValue: grossValue === null ? null : format(grossValue), currency };
}

/**
 * Promise to delivery, over what the viewer may see (the store's export for the viewer is the
 * input, as for the analysis): totals by partner, area and year, the ledger behind them, late
 * deliveries, implementation scores, and each coalition's roadmap with fair shares.
 */
export function registerDeliveryRoutes(app: OpenAPIHono<AppEnv>, { store }: AppDeps): void {
  const visible = (c: Context<AppEnv>): Promise<DataPackage> => store.exportPackage(c.var.viewer);

  documentRoute(app, { method: 'get', path: '/api/delivery', tag: 'delivery', summary: 'Committed, allocated and delivered by partner, capability area and/or year; delivery ratio; late deliveries', query: ['asOf', 'currency', 'by'] });
  app.get('/api/delivery', async (c) => {
    const options = viewOptions(c);
    const by = dimensions(c);
    const ledger = buildLedger(await visible(c), options);
    return c.json({ asOf: ledger.asOf, currency: ledger.currency, by, rows: deliveryTotals(ledger, by), late: lateDeliveries(ledger), skipped: ledger.skipped });
  });

  documentRoute(app, { method: 'get', path: '/api/delivery/ledger', tag: 'delivery', summary: 'The flows behind the delivery totals (with each commitment’s own pledge), counted values in the report currency', query: ['asOf', 'currency', 'provider'] });
  app.get('/api/delivery/ledger', async (c) => {
    const options = viewOptions(c);
    const provider = c.req.query('provider');
    const ledger = buildLedger(await visible(c), options);
    const entries = ledger.entries.filter((entry) => provider === undefined || entry.provider === provider);
    return c.json({ asOf: ledger.asOf, currency: ledger.currency, items: entries.map((entry) => entryJson(entry, ledger.currency, (minor) => formatMinorUnits(minor, ledger.currency))) });
  });

  documentRoute(app, { method: 'get', path: '/api/implementation', tag: 'delivery', summary: 'Implementation scores (Peace Accords Matrix 0–3) per commitment and year, by agreement, partner and coalition', query: ['asOf', 'currency'] });
  app.get('/api/implementation', async (c) => c.json(implementationScores(await visible(c), viewOptions(c))));

  documentRoute(app, { method: 'post', path: '/api/commitments/{id}/implementation', tag: 'delivery', summary: 'Override the derived implementation score of a commitment (whole or one year), with a note', body: ImplementationOverride, status: 201 });
  app.post('/api/commitments/:id/implementation', async (c) => {
    const id = c.req.param('id');
    const body = (await readJson(c)) as Record<string, unknown>;
    const parsed = ImplementationOverride.safeParse({ on: new Date().toISOString().slice(0, 10), ...body, by: c.var.viewer.actor ?? c.var.viewer.role });
    if (!parsed.success) throw validationError(issuesFromZod(parsed.error));
    const current = await store.get('commitments', id, c.var.viewer);
    const next = { ...current, implementation: [...(current.implementation ?? []), parsed.data] };
    return c.json(await store.update('commitments', id, next, c.var.viewer, current.version), 201);
  });

  documentRoute(app, { method: 'get', path: '/api/coalitions/{id}/roadmap', tag: 'delivery', summary: 'A coalition’s members over time, milestones (late ones flagged) and its requirement apportioned by the fair-share key against pledges and deliveries', query: ['asOf', 'currency'] });
  app.get('/api/coalitions/:id/roadmap', async (c) => {
    const options = viewOptions(c);
    const pkg = await visible(c);
    const coalition = pkg.coalitions.find((entry) => entry.id === c.req.param('id'));
    if (!coalition) throw new CompactError('NOT_FOUND', `coalition "${c.req.param('id')}" not found`);
    return c.json(coalitionRoadmap(coalition, pkg, options));
  });

  documentRoute(app, { method: 'put', path: '/api/coalitions/{id}/fair-share-key', tag: 'delivery', summary: 'Set the coalition’s fair-share key (GDP, or shares agreed by its members); its leads and coordinators may', body: FairShareKey });
  app.put('/api/coalitions/:id/fair-share-key', async (c) => {
    const id = c.req.param('id');
    const body = await readJson(c);
    const parsed = FairShareKey.safeParse(body);
    if (!parsed.success) throw validationError(issuesFromZod(parsed.error));
    const viewer = c.var.viewer;
    const current = await store.get('coalitions', id, viewer);
    const key = parsed.data.kind === 'agreed' ? { ...parsed.data, enteredBy: viewer.actor ?? viewer.role, on: new Date().toISOString().slice(0, 10) } : parsed.data;
    const today = new Date().toISOString().slice(0, 10);
    // A lead of the coalition may set its key, though coalitions belong to no one partner: the
    // coalition lead role scoped to it, or an officer of a partner that leads it today.
    const isLead = (coalition: Coalition) =>
      (viewer.role === 'coalition-lead' && (viewer.coalitions ?? []).includes(coalition.id)) ||
      (viewer.role === 'partner-officer' && membersOn(coalition, today).some((member) => member.role === 'lead' && member.partner === viewer.partner));
    const updated = await store.update('coalitions', id, { ...current, fairShareKey: key }, viewer, expectedVersion(c, body), (stored, next) => isLead(stored) && sameExceptKey(stored, next));
    return c.json(updated);
  });
}

/** The lead's grant covers the key only: every other field must be as stored. */
function sameExceptKey(stored: object, next: object): boolean {
  const strip = ({ fairShareKey: _key, version: _version, ...rest }: Record<string, unknown>) => JSON.stringify(rest);
  return strip(stored as Record<string, unknown>) === strip(next as Record<string, unknown>);
}
