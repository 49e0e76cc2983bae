import { describe, expect, it } from 'vitest';
import { counter, isConsoleOwn, isMikhmonExpired, limitBytes, limitSeconds, macAddress, optionalName, userUptimeLimit } from './router-fields';

describe('router fields', () => {
  it('knows the console’s own rows by their comment', () => {
    expect(isConsoleOwn({ comment: 'noc-12' })).toBe(true);
    expect(isConsoleOwn({ comment: 'vc-noc-3-batch' })).toBe(true);
    expect(isConsoleOwn({ comment: 'vc-123-01.01.24-' })).toBe(false);
    expect(isConsoleOwn({ comment: 'knock-knock' })).toBe(false);
    expect(isConsoleOwn({})).toBe(false);
  });

  it('reads limits, with RouterOS’s “off” as null', () => {
    expect(limitSeconds('1d2h')).toBe(93_600);
    expect([limitSeconds('0s'), limitSeconds('0'), limitSeconds('none'), limitSeconds(undefined)]).toEqual([null, null, null, null]);
    expect(limitBytes('1073741824')).toBe(1_073_741_824);
    expect([limitBytes('0'), limitBytes('1G'), limitBytes(undefined)]).toEqual([null, null, null]);
    expect([counter('42'), counter(undefined)]).toEqual([42, 0]);
  });

  it('does not take mikhmon’s expired mark for a limit', () => {
    expect(isMikhmonExpired({ 'limit-uptime': '1s' })).toBe(true);
    expect(userUptimeLimit({ 'limit-uptime': '1s' })).toBeNull();
    expect(userUptimeLimit({ 'limit-uptime': '30m' })).toBe(1800);
  });

  it('reads MAC addresses and names', () => {
    expect(macAddress('aa:bb:cc:dd:ee:0f')).toBe('AA:BB:CC:DD:EE:0F');
    expect([macAddress('00:00:00:00:00:00'), macAddress('10.0.0.2'), macAddress('')]).toEqual([null, null, null]);
    expect([optionalName('hs-pool'), optionalName('none'), optionalName(' '), optionalName(undefined)]).toEqual(['hs-pool', null, null, null]);
  });
});
