// Shared by the HTTP test suites: a real server on a free port over a test store, trusting the
// viewer header, and a small client that names its viewer.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SYSTEM_VIEWER } from '@compact/core';
import type { Store } from '@compact/store';
import type { TestBackend } from '@compact/store/testing';
import { pino } from 'pino';
import type { AppOptions } from './app.js';
import { startServer, type RunningServer } from './serve.js';
import { VIEWER_HEADER } from './viewer.js';

/** A confidential pledge the tests add to the shipped data (not a fact): EUR 1m for GB air defence in 2025. */
export const CONFIDENTIAL_TEST_PLEDGE = {
  id: 'gb-confidential-air-defence',
  agreementId: 'gb-ua-2024',
  provider: 'GB',
  beneficiary: 'UA',
  category: 'equipment',
  capabilityArea: 'air-defence',
  firmness: 'pledged',
  quantity: { value: 2, item: 'illustrative launchers' },
  money: { amount: '1000000', currency: 'EUR' },
  period: { from: '2025-01-01', to: '2025-12-31' },
  classification: 'confidential',
  description: 'test record, not a fact',
};

export function startTestServer(store: Store, options: Partial<AppOptions> = {}): Promise<RunningServer> {
  return startServer({
    store,
    logger: pino({ level: 'silent' }),
    version: 'test',
    port: 0,
    host: '127.0.0.1',
    viewerPolicy: { anonymousRole: 'public', trustViewerHeader: true },
    ...options,
  });
}

/** The shipped dataset, as the HTTP suites load it. */
export const SHIPPED_DATASET = JSON.parse(readFileSync(fileURLToPath(new URL('../../../data/compact.json', import.meta.url)), 'utf8')) as unknown;

export interface ShippedServer {
  server: RunningServer;
  store: Store;
  close: () => Promise<void>;
}

/** A server over a new store of `backend` holding the shipped dataset (and, if asked, the confidential test pledge). */
export async function openShippedServer(backend: TestBackend, options: Partial<AppOptions> & { withConfidentialPledge?: boolean } = {}): Promise<ShippedServer> {
  const { withConfidentialPledge, ...appOptions } = options;
  const { store, dispose } = await backend.open();
  await store.importPackage(SHIPPED_DATASET, SYSTEM_VIEWER);
  if (withConfidentialPledge) await store.create('commitments', CONFIDENTIAL_TEST_PLEDGE, SYSTEM_VIEWER);
  const server = await startTestServer(store, appOptions);
  return {
    server,
    store,
    close: async () => {
      await server.close();
      await dispose();
    },
  };
}

export interface CallInit extends RequestInit {
  /** `role[:partner]`, sent in the viewer header. */
  viewer?: string;
}

/** Fetches from the server as a viewer; JSON bodies parsed, `null` for an empty answer. */
export function apiCaller(server: () => RunningServer) {
  return async (path: string, init: CallInit = {}) => {
    const headers = new Headers(init.headers);
    if (init.viewer) headers.set(VIEWER_HEADER, init.viewer);
    if (init.body && !(init.body instanceof FormData)) headers.set('content-type', 'application/json');
    const response = await fetch(`${server().url}${path}`, { ...init, headers });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json') && text;
    // Tests read answers loosely, field by field, as a client would.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, headers: response.headers, text, body: (json ? JSON.parse(text) : null) as Record<string, any> };
  };
}
