import type { Authentication, Store } from '@compact/store';
import type { Viewer } from '@compact/core';
import type { Logger } from 'pino';

/** What every route may use; set once per request by the app. */
export interface AppEnv {
  Variables: {
    viewer: Viewer;
    /** Set when the request came with a valid session cookie or API token. */
    authentication?: Authentication;
  };
}

export interface AppDeps {
  readonly store: Store;
  readonly logger: Logger;
  readonly version: string;
  /** Worker threads for stress tests (default: one per core; 0 runs them on the main thread). */
  readonly stressWorkers?: number | undefined;
}
