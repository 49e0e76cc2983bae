import { describe, expect, it } from 'vitest';
import { isoToWallTime, wallTimeToIso } from './zoned-input';

describe('wall time in the tenant zone', () => {
  it('reads a datetime-local value in the tenant’s zone, not the machine’s', () => {
    expect(wallTimeToIso('2026-03-01T18:30', 'Africa/Nairobi')).toBe('2026-03-01T15:30:00.000Z');
    expect(wallTimeToIso('2026-07-01T12:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00.000Z');
    expect(wallTimeToIso('2026-01-01T12:00', 'Europe/Berlin')).toBe('2026-01-01T11:00:00.000Z');
    expect(wallTimeToIso('2026-01-01T12:00', 'UTC')).toBe('2026-01-01T12:00:00.000Z');
  });

  it('lands on the right side of a daylight-saving change', () => {
    // Berlin moves from +01:00 to +02:00 at 2026-03-29 02:00 local.
    expect(wallTimeToIso('2026-03-29T01:30', 'Europe/Berlin')).toBe('2026-03-29T00:30:00.000Z');
    expect(wallTimeToIso('2026-03-29T03:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('shows an instant back as the zone’s wall time, and refuses what is not one', () => {
    expect(isoToWallTime('2026-03-01T15:30:00.000Z', 'Africa/Nairobi')).toBe('2026-03-01T18:30');
    expect(isoToWallTime(null, 'Africa/Nairobi')).toBe('');
    for (const text of ['2026-07-01T12:00', '2026-12-31T23:59']) expect(isoToWallTime(wallTimeToIso(text, 'America/New_York'), 'America/New_York')).toBe(text);
    expect(wallTimeToIso('tomorrow', 'UTC')).toBeNull();
  });
});
