import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import { fieldErrors, fieldName } from './errors.js';

describe('field errors', () => {
  it('names fields after their JSON paths', () => {
    expect(fieldName('$.lines[0].quantity')).toBe('lines.0.quantity');
    expect(fieldName('$.title')).toBe('title');
  });

  it('takes every issue, first message per field', () => {
    const error = new ApiError(400, 'VALIDATION', '2 problems', '$.occurredAt', [
      { path: '$.occurredAt', message: 'must be an ISO 8601 date' },
      { path: '$.title', message: 'must not be empty' },
      { path: '$.title', message: 'second' },
    ]);
    expect(fieldErrors(error)).toEqual({
      occurredAt: 'must be an ISO 8601 date',
      title: 'must not be empty',
    });
  });

  it('falls back to the error’s own path, and ignores other errors', () => {
    expect(fieldErrors(new ApiError(400, 'VALIDATION', '$.partner: unknown', '$.partner'))).toEqual({
      partner: 'unknown',
    });
    expect(fieldErrors(new Error('boom'))).toEqual({});
  });
});
