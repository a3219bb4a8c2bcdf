import type { OpenAPIHono } from '@hono/zod-openapi';
import { ENTITY_KINDS, ENTITY_NOUNS, ENTITY_SCHEMAS, type EntityKind } from '@compact/core';
import type { ListFilters } from '@compact/store';
import type { AppDeps, AppEnv } from '../context.js';
import { documentRoute } from '../openapi.js';
import { expectedVersion, readJson } from '../request.js';

const FILTERS: Record<EntityKind, Array<keyof ListFilters>> = {
  partners: [],
  agreements: [],
  clauses: ['agreementId'],
  commitments: ['agreementId', 'provider', 'coalitionId'],
  coalitions: [],
  requirements: [],
  flows: ['commitmentId'],
};

/** List, read, create, update and delete for every registry entity, one shape for all. */
export function registerRegistryRoutes(app: OpenAPIHono<AppEnv>, { store }: AppDeps): void {
  for (const kind of ENTITY_KINDS) {
    const noun = ENTITY_NOUNS[kind];
    const schema = ENTITY_SCHEMAS[kind];
    const collection = `/api/${kind}`;
    const item = `/api/${kind}/{id}`;

    if (kind !== 'agreements') {
      documentRoute(app, { method: 'get', path: collection, tag: kind, summary: `List ${kind} the viewer may see`, query: FILTERS[kind], response: schema, list: true });
      app.get(collection, async (c) => {
        const filters: ListFilters = Object.fromEntries(FILTERS[kind].map((name) => [name, c.req.query(name)]));
        return c.json({ items: await store.list(kind, c.var.viewer, filters) });
      });
    }

    if (kind !== 'agreements') {
      documentRoute(app, { method: 'get', path: item, tag: kind, summary: `Read one ${noun}`, response: schema });
      app.get(`/api/${kind}/:id`, async (c) => c.json(await store.get(kind, c.req.param('id'), c.var.viewer)));
    }

    documentRoute(app, { method: 'post', path: collection, tag: kind, summary: `Create a ${noun}`, body: schema, response: schema, status: 201 });
    app.post(collection, async (c) => c.json(await store.create(kind, await readJson(c), c.var.viewer), 201));

    documentRoute(app, { method: 'put', path: item, tag: kind, summary: `Replace a ${noun}; the body's version must be current (409 otherwise)`, body: schema, response: schema });
    app.put(`/api/${kind}/:id`, async (c) => {
      const body = await readJson(c);
      return c.json(await store.update(kind, c.req.param('id'), body, c.var.viewer, expectedVersion(c, body)));
    });

    documentRoute(app, { method: 'delete', path: item, tag: kind, summary: `Delete a ${noun} at a version (?version=N or If-Match)`, status: 204 });
    app.delete(`/api/${kind}/:id`, async (c) => {
      await store.remove(kind, c.req.param('id'), c.var.viewer, expectedVersion(c));
      return c.body(null, 204);
    });
  }
}
