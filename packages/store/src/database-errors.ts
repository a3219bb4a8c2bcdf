import { CompactError } from '@compact/core';

/**
 * Failures of the connection rather than of the request: the database is restarting, refusing
 * connections, or ended ours (SQLSTATE class 08, 57P01-03 shutdown, 53300 too many connections),
 * or SQLite stayed locked beyond its busy timeout. The same request may succeed moments later.
 */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300', 'SQLITE_BUSY']);
/** node-postgres reports a connection lost mid-query, or a pool wait that ran out, by message only. */
const UNAVAILABLE_MESSAGES = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed and is not queryable)/;

/**
 * Constraint violations the application checks could not rule out (another writer got there
 * first) become catalogue errors, and so does an unreachable database (a 503, not a 500);
 * anything else passes through unchanged.
 */
export function mapDatabaseError(error: unknown): unknown {
  if (error instanceof CompactError || typeof error !== 'object' || error === null) return error;
  const raw = (error as { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : '';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') {
    return new CompactError('IN_USE', 'the record is referred to by other records (or refers to one that is gone); change those first');
  }
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505') {
    return new CompactError('ALREADY_EXISTS', 'a record with this id already exists');
  }
  const message = (error as { message?: unknown }).message;
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message))) {
    return new CompactError('UNAVAILABLE', 'the database is not available just now; try again shortly');
  }
  return error;
}
