import { CompactError } from '@compact/core';

/**
 * Constraint violations the application checks could not rule out (another writer got there
 * first) become catalogue errors; anything else passes through unchanged.
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
  return error;
}
