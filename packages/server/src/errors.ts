import { CompactError, ERROR_CODES, type ErrorCode } from '@compact/core';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { mapDatabaseError } from '@compact/store';
import type { Logger } from 'pino';

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    path?: string | undefined;
    issues?: ReadonlyArray<{ path: string; message: string; code: string }> | undefined;
    current?: unknown;
  };
}

/** The one place where errors become HTTP: catalogue code to status; no stack traces leave. */
export function toHttpError(raw: unknown, logger: Logger): { status: ContentfulStatusCode; body: ErrorBody } {
  // Reads reach the database outside the store's transactions, so their failures are mapped here.
  const error = mapDatabaseError(raw);
  // The operator must hear of an unreachable database; the client gets the catalogue answer only.
  if (error instanceof CompactError && error.code === 'UNAVAILABLE') logger.warn({ err: raw }, 'database unavailable');
  if (error instanceof CompactError) {
    return {
      status: ERROR_CODES[error.code],
      body: {
        error: {
          code: error.code,
          message: error.message,
          path: error.path,
          issues: error.issues,
          ...(error.details?.current !== undefined ? { current: error.details.current } : {}),
        },
      },
    };
  }
  logger.error({ err: error }, 'unhandled error');
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error; the server log has the details' } } };
}
