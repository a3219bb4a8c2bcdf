import { describe, expect, it } from 'vitest';
import { formatInstant, localInputToUtcIso, toLocalInput } from './datetime.js';

describe('instants', () => {
  it('turns a local input into a UTC instant and back', () => {
    const iso = localInputToUtcIso('2026-03-01T06:30');
    expect(iso).not.toBeNull();
    expect(toLocalInput(new Date(iso ?? ''))).toBe('2026-03-01T06:30');
  });

  it('refuses what is not a date and time', () => {
    expect(localInputToUtcIso('')).toBeNull();
    expect(localInputToUtcIso('2026-03-01')).toBeNull();
    expect(localInputToUtcIso('2026-13-45T99:00')).toBeNull();
  });

  it('formats an instant in UTC with the zone named', () => {
    expect(formatInstant('2026-03-01T04:30:00Z', 'en-GB', 'UTC')).toBe('01/03/2026, 04:30 UTC');
  });
});
