import type { OpenApiDocument, OpenApiParameter } from '../../api/publicClient.js';

// The API page's reading of an OpenAPI document: one flat, ordered list of operations.

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;

export interface ApiParameter {
  name: string;
  in: string;
  required: boolean;
  description: string | null;
}

export interface ApiOperation {
  method: string;
  path: string;
  summary: string | null;
  tags: string[];
  parameters: ApiParameter[];
  /** An address to open for a GET without path parameters; null otherwise. */
  tryIt: string | null;
}

function parameter(raw: OpenApiParameter): ApiParameter {
  const description = raw.description ?? raw.schema?.description ?? null;
  return {
    name: raw.name,
    in: raw.in,
    required: raw.required === true || raw.in === 'path',
    // A description that only repeats the name says nothing.
    description: description && description !== raw.name ? description : null,
  };
}

/** Whether an operation belongs to the public API: tagged `public`, or under /api/public. */
export function isPublicOperation(operation: Pick<ApiOperation, 'path' | 'tags'>): boolean {
  return operation.tags.includes('public') || operation.path === '/api/public' || operation.path.startsWith('/api/public/');
}

/**
 * Every operation of the document, in its path order, methods in the usual order. With
 * `publicOnly`, the public operations of a whole-API document.
 */
export function operationsOf(document: OpenApiDocument, { publicOnly = false } = {}): ApiOperation[] {
  const out: ApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!item) continue;
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      const parameters = (raw.parameters ?? []).map(parameter);
      const operation: ApiOperation = {
        method: method.toUpperCase(),
        path,
        summary: raw.summary ?? raw.description ?? null,
        tags: raw.tags ?? [],
        parameters,
        tryIt: method === 'get' && !path.includes('{') ? path : null,
      };
      if (!publicOnly || isPublicOperation(operation)) out.push(operation);
    }
  }
  return out;
}

/** An anchor for an operation ("get-api-public-summary"), so each can be linked to. */
export function operationAnchor(operation: Pick<ApiOperation, 'method' | 'path'>): string {
  return `${operation.method}-${operation.path}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
