import type { ValidationIssue } from './schema/package.js';

/**
 * The error catalogue: stable codes that clients may rely on. The HTTP edge maps each to a status
 * in one place; the CLI maps them to exit codes.
 */
export const ERROR_CODES = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  IN_USE: 409,
  ILLEGAL_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  /** The database cannot be reached just now (restarting, refusing connections); retrying later may succeed. */
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class CompactError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path?: string,
    readonly issues?: readonly ValidationIssue[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CompactError';
  }
}

export function validationError(issues: readonly ValidationIssue[]): CompactError {
  const first = issues[0];
  const summary = issues.length === 1 && first ? `${first.path}: ${first.message}` : `${issues.length} problems, first ${first?.path}: ${first?.message}`;
  return new CompactError('VALIDATION', summary, first?.path, issues);
}
