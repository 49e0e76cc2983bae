import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTimeZone, wallTimeToEpoch } from './zoned-time';

/** The zone's clock at an instant, as `2024-01-02T10:00:00` (Swedish dates are ISO-shaped). */
function wallClock(epoch: number, zone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'medium' }).format(epoch).replace(' ', 'T');
}

describe('wallTimeToEpoch', () => {
  it('reads a wall time in zones without daylight saving', () => {
    expect(wallTimeToEpoch('2024-01-02T10:00:00', 'UTC')).toBe(Date.parse('2024-01-02T10:00:00Z'));
    expect(wallTimeToEpoch('2024-01-02T10:00:00', 'Africa/Kampala')).toBe(Date.parse('2024-01-02T07:00:00Z'));
    expect(wallTimeToEpoch('2024-01-02T10:00:00', 'Asia/Jakarta')).toBe(Date.parse('2024-01-02T03:00:00Z'));
    expect(wallTimeToEpoch('2024-01-02', 'Asia/Kolkata')).toBe(Date.parse('2024-01-01T18:30:00Z'));
  });

  it('follows daylight saving', () => {
    expect(wallTimeToEpoch('2024-07-01T12:00:00', 'Europe/Berlin')).toBe(Date.parse('2024-07-01T10:00:00Z'));
    expect(wallTimeToEpoch('2024-01-01T12:00:00', 'Europe/Berlin')).toBe(Date.parse('2024-01-01T11:00:00Z'));
  });

  it('moves a skipped wall time past the jump', () => {
    // New York skipped 02:00–03:00 on 2024-03-10; Berlin 02:00–03:00 on 2024-03-31.
    expect(wallTimeToEpoch('2024-03-10T02:30:00', 'America/New_York')).toBe(Date.parse('2024-03-10T07:30:00Z'));
    expect(wallTimeToEpoch('2024-03-31T02:30:00', 'Europe/Berlin')).toBe(Date.parse('2024-03-31T01:30:00Z'));
  });

  it('reads a repeated wall time as its first occurrence', () => {
    expect(wallTimeToEpoch('2024-11-03T01:30:00', 'America/New_York')).toBe(Date.parse('2024-11-03T05:30:00Z'));
    expect(wallTimeToEpoch('2024-10-27T02:30:00', 'Europe/Berlin')).toBe(Date.parse('2024-10-27T00:30:00Z'));
  });

  it('inverts the zone clock at every instant that is not in a repeated hour', () => {
    const zones = fc.constantFrom('UTC', 'Africa/Nairobi', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu');
    const seconds = fc.integer({ min: Date.parse('2000-01-01') / 1000, max: Date.parse('2040-01-01') / 1000 });
    fc.assert(
      fc.property(zones, seconds, (zone, s) => {
        const epoch = s * 1000;
        const wall = wallClock(epoch, zone);
        const back = wallTimeToEpoch(wall, zone);
        // In a repeated hour the first occurrence wins, which is at most the epoch.
        if (back !== epoch) expect(back).toBeLessThan(epoch);
        expect(wallClock(back, zone)).toBe(wall);
      }),
    );
  });

  it('refuses an unknown zone', () => {
    expect(() => wallTimeToEpoch('2024-01-02T10:00:00', 'Mars/Base')).toThrow(RangeError);
  });
});

describe('isTimeZone', () => {
  it('tells IANA zones from other text', () => {
    expect(isTimeZone('Africa/Kampala')).toBe(true);
    expect(isTimeZone('Mars/Base')).toBe(false);
  });
});
