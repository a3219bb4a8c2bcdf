import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { ANALYSIS_THRESHOLDS } from '@compact/core';
import type { AppEnv } from './context.js';

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    path: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string(), code: z.string() })).optional(),
  }),
});

const QUERY_DESCRIPTIONS: Record<string, string> = {
  asOf: 'ISO date: answer as of this day (valid time)',
  kind: 'bilateral, multilateral, declaration or all',
  counted: 'true: only agreements Ukraine counts; false: only those it does not',
  agreementId: 'only records of this agreement',
  provider: 'only commitments of this partner (two-letter code)',
  coalitionId: 'only contributions to this coalition',
  commitmentId: 'only flows of this commitment',
  currency: 'report currency, ISO 4217 (default EUR)',
  status: 'pending, accepted or rejected',
  a: 'first agreement id',
  b: 'second agreement id',
  natoAccession: 'ISO date of a hypothetical NATO accession of the beneficiary',
  eventId: 'only records of this crisis event',
  state: 'only requests in this state (draft, submitted, consulting, offers, allocated, delivering, closed, withdrawn)',
  format: 'json (default) or xml',
  user: 'an account id, or "all" (administrators)',
  partner: 'one partner (two-letter code, e.g. GB); with neither partner nor coalition: the whole network',
  coalition: 'one coalition (its id, e.g. artillery)',
  lang: 'en (English, default) or uk (Ukrainian)',
  by: 'group by: a comma-separated list of provider, capabilityArea, year (default provider)',
  rules: 'run only these rules: finding codes separated by commas (default all)',
  ...Object.fromEntries(ANALYSIS_THRESHOLDS.map((spec) => [spec.option, `${spec.description} (default ${spec.defaultValue})`])),
};

export interface RouteDoc {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, with `{id}` parameters. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly query?: readonly string[];
  readonly body?: z.ZodType;
  readonly response?: z.ZodType;
  readonly list?: boolean;
  readonly status?: 200 | 201 | 202 | 204;
}

/**
 * Records a route in the OpenAPI document. Handlers stay plain Hono: bodies are validated by the
 * store with the same schemas, so the document and the checks cannot disagree.
 */
export function documentRoute(app: OpenAPIHono<AppEnv>, doc: RouteDoc): void {
  const params = [...doc.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  const status = doc.status ?? 200;
  const responseSchema = doc.response && doc.list ? z.object({ items: z.array(doc.response) }).loose() : doc.response;
  const errorResponse = { description: 'error', content: { 'application/json': { schema: ErrorBody } } };
  app.openAPIRegistry.registerPath({
    method: doc.method,
    path: doc.path,
    tags: [doc.tag],
    summary: doc.summary,
    request: {
      ...(params.length > 0 ? { params: z.object(Object.fromEntries(params.map((name) => [name, z.string()]))) } : {}),
      ...(doc.query?.length
        ? { query: z.object(Object.fromEntries(doc.query.map((name) => [name, z.string().optional().describe(QUERY_DESCRIPTIONS[name] ?? name)]))) }
        : {}),
      ...(doc.body ? { body: { content: { 'application/json': { schema: doc.body } }, required: true } } : {}),
    },
    responses: {
      [status]: responseSchema
        ? { description: 'ok', content: { 'application/json': { schema: responseSchema } } }
        : { description: 'done' },
      400: errorResponse,
      404: errorResponse,
      ...(doc.method === 'put' || doc.method === 'patch' || doc.method === 'delete' ? { 409: errorResponse } : {}),
    },
  });
}
