import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalToMinor } from './decimal-amount';
import { compactWallTime, statementTime } from './payment-time';

describe('amounts and times as providers send them', () => {
  it('turns decimal text into minor units by its digits, never through a float', () => {
    expect(decimalToMinor('0.29', 2)).toBe(29);
    expect(decimalToMinor('1500.50', 2)).toBe(150_050);
    expect(decimalToMinor('1500', 0)).toBe(1_500);
    expect(decimalToMinor('1.250', 3)).toBe(1_250);
    expect(decimalToMinor('10.100', 2)).toBe(1_010);
    for (const bad of ['10.005', '-1', '1e3', '1,500', '', '.5', '99999999999999999']) expect(decimalToMinor(bad, 2)).toBeNull();
    fc.assert(fc.property(fc.nat({ max: 2 ** 40 }), (minor) => decimalToMinor(`${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`, 2) === minor));
  });

  it('reads wall times in the tenant’s zone and refuses impossible dates', () => {
    expect(new Date(compactWallTime('20240115142305', 'Africa/Nairobi')!).toISOString()).toBe('2024-01-15T11:23:05.000Z');
    expect(compactWallTime('20240231000000', 'Africa/Nairobi')).toBeNull();
    expect(new Date(statementTime('2024-01-15T14:23:05Z', 'Africa/Nairobi')!).toISOString()).toBe('2024-01-15T14:23:05.000Z');
    expect(new Date(statementTime('31/01/2024 23:59:59', 'Europe/Berlin')!).toISOString()).toBe('2024-01-31T22:59:59.000Z');
    expect(statementTime('2024-13-01 10:00', 'Africa/Nairobi')).toBeNull();
  });
});
