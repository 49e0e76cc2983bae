import { describe, expect, it } from 'vitest';
import { UNKNOWN_STATUS } from '../routers/router-status-board';
import type { RouterLiveStatus } from '../routers/contract';
import { AlertSince } from './alert-since';

const status = (state: RouterLiveStatus['state'], cpuLoad: number | null = null): RouterLiveStatus => ({ ...UNKNOWN_STATUS, state, cpuLoad });
const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 10, minute));

describe('alert since', () => {
  it('keeps the start of a down spell through reconnect attempts, and starts again after the router was up', () => {
    const since = new AlertSince();
    expect(since.of(1, status('online'), at(0))).toBeNull();
    expect(since.of(1, status('offline'), at(1))).toBe(at(1).toISOString());
    expect(since.of(1, status('connecting'), at(2))).toBe(at(1).toISOString());
    expect(since.of(1, status('auth-failed'), at(3))).toBe(at(1).toISOString());
    expect(since.of(1, status('online', 95), at(4))).toBe(at(4).toISOString());
    expect(since.of(1, status('online', 10), at(5))).toBeNull();
    expect(since.of(1, status('offline'), at(6))).toBe(at(6).toISOString());
  });

  it('forgets removed routers', () => {
    const since = new AlertSince();
    since.of(1, status('offline'), at(1));
    since.keepOnly(new Set([2]));
    expect(since.of(1, status('offline'), at(9))).toBe(at(9).toISOString());
  });
});
