import { describe, expect, it } from 'vitest';
import { classifyMikhmonComment } from './mikhmon-comment';

describe('classifyMikhmonComment', () => {
  it('tells vouchers from user/password accounts by the generator stamp', () => {
    expect(classifyMikhmonComment('vc-123-07.14.23-', 'UTC')).toEqual({ kind: 'voucher', batch: 'vc-123-07.14.23', expiresAt: null });
    expect(classifyMikhmonComment('up-456-01.02.24-shop A', 'UTC')).toEqual({ kind: 'user-password', batch: 'up-456-01.02.24-shop A', expiresAt: null });
    expect(classifyMikhmonComment('VC-789-01.02.24-', 'UTC').kind).toBe('voucher');
  });

  it('reads the expiry in both RouterOS date forms, in the router’s zone', () => {
    const expected = Date.parse('2024-01-02T07:00:00Z');
    expect(classifyMikhmonComment('jan/02/2024 10:00:00', 'Africa/Kampala')).toEqual({ kind: 'other', batch: null, expiresAt: expected });
    expect(classifyMikhmonComment('2024-01-02 10:00:00', 'Africa/Kampala')).toEqual({ kind: 'other', batch: null, expiresAt: expected });
    expect(classifyMikhmonComment('Jan/02/2024 10:00:00', 'Africa/Kampala').expiresAt).toBe(expected);
    expect(classifyMikhmonComment('2024-07-01 12:00:00', 'Europe/Berlin').expiresAt).toBe(Date.parse('2024-07-01T10:00:00Z'));
  });

  it('leaves other comments as they are', () => {
    for (const comment of [undefined, '', 'John, room 4', 'paid until 2024-01-02', '2024-01-02', 'feb/30/2024 10:00:00', 'vc', 'upstairs']) {
      expect(classifyMikhmonComment(comment, 'UTC')).toEqual({ kind: 'other', batch: null, expiresAt: null });
    }
  });

  it('refuses an unknown zone instead of guessing one', () => {
    expect(() => classifyMikhmonComment('2024-01-02 10:00:00', 'Mars/Base')).toThrow(RangeError);
  });
});
