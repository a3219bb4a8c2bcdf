import { describe, expect, it } from 'vitest';
import { operationAnchor, operationsOf } from './openapi.js';

const document = {
  openapi: '3.1.0',
  paths: {
    '/api/public/summary': {
      get: {
        summary: 'The network at a glance',
        tags: ['public'],
        parameters: [{ name: 'asOf', in: 'query', schema: { description: 'ISO date' } }],
      },
    },
    '/api/public/agreements/{id}': {
      get: {
        summary: 'One public agreement',
        tags: ['public'],
        parameters: [{ name: 'id', in: 'path' }, { name: 'page', in: 'query', schema: { description: 'page' } }],
      },
    },
    '/api/agreements': {
      post: { summary: 'Create', tags: ['registry'] },
      get: { summary: 'List', tags: ['registry'] },
    },
  },
};

describe('operationsOf', () => {
  it('lists every operation with its parameters and a try-it address for plain GETs', () => {
    const operations = operationsOf(document);
    expect(operations.map((operation) => `${operation.method} ${operation.path}`)).toEqual([
      'GET /api/public/summary',
      'GET /api/public/agreements/{id}',
      'GET /api/agreements',
      'POST /api/agreements',
    ]);
    expect(operations[0]).toMatchObject({
      summary: 'The network at a glance',
      tryIt: '/api/public/summary',
      parameters: [{ name: 'asOf', in: 'query', required: false, description: 'ISO date' }],
    });
    expect(operations[1]).toMatchObject({
      tryIt: null,
      parameters: [{ name: 'id', required: true }, { name: 'page', description: null }],
    });
    expect(operations[3]?.tryIt).toBeNull();
  });

  it('keeps the public operations of a whole-API document', () => {
    expect(operationsOf(document, { publicOnly: true }).map((operation) => operation.path)).toEqual([
      '/api/public/summary',
      '/api/public/agreements/{id}',
    ]);
    expect(operationsOf({})).toEqual([]);
  });

  it('gives each operation an anchor', () => {
    expect(operationAnchor({ method: 'GET', path: '/api/public/agreements/{id}' })).toBe('get-api-public-agreements-id');
  });
});
