import { describe, expect, it } from 'vitest';
import { voucherTimeline } from './voucher-state';

const NOW = Date.parse('2024-01-02T12:00:00Z');
const HOUR = 3_600_000;

describe('voucherTimeline', () => {
  it('is unused until the router counts anything', () => {
    expect(voucherTimeline({ uptime: '0s', 'bytes-in': '0', 'bytes-out': '0' }, null, 86_400, NOW)).toEqual({ state: 'unused', activatedAt: null, validUntil: null });
    expect(voucherTimeline({}, null, null, NOW).state).toBe('unused');
  });

  it('is active once used, with the first login derived from the expiry and the validity', () => {
    expect(voucherTimeline({ uptime: '0s', 'bytes-in': '10' }, null, 86_400, NOW).state).toBe('active');
    expect(voucherTimeline({ uptime: '1h' }, NOW + HOUR, 86_400, NOW)).toEqual({ state: 'active', activatedAt: NOW + HOUR - 86_400_000, validUntil: NOW + HOUR });
    expect(voucherTimeline({ uptime: '1h' }, NOW + HOUR, null, NOW)).toEqual({ state: 'active', activatedAt: null, validUntil: NOW + HOUR });
  });

  it('is expired past its expiry, its limits, when mikhmon marked it, or when disabled', () => {
    expect(voucherTimeline({ uptime: '1h' }, NOW, 3600, NOW).state).toBe('expired');
    expect(voucherTimeline({ uptime: '1h', 'limit-uptime': '1h' }, null, null, NOW).state).toBe('expired');
    expect(voucherTimeline({ 'bytes-in': '600', 'bytes-out': '400', 'limit-bytes-total': '1000' }, null, null, NOW).state).toBe('expired');
    expect(voucherTimeline({ uptime: '3h', 'limit-uptime': '1s' }, NOW + HOUR, 86_400, NOW).state).toBe('expired');
    expect(voucherTimeline({ disabled: 'true' }, null, null, NOW).state).toBe('expired');
  });

  it('is not expired by a limit it has not reached', () => {
    expect(voucherTimeline({ uptime: '30m', 'limit-uptime': '1h', 'bytes-in': '5', 'limit-bytes-total': '1000' }, null, null, NOW).state).toBe('active');
  });
});
