import { describe, expect, it } from 'vitest';
import { maskRouterText } from './router-text-mask';

describe('maskRouterText', () => {
  it('masks phones and emails inside log text, and leaves addresses, MACs and times readable', () => {
    expect(maskRouterText('0712345678 (10.5.50.9): logged in')).toBe('0712***678 (10.5.50.9): logged in');
    expect(maskRouterText('user +254712345678 logged out')).toBe('user +254712***678 logged out');
    expect(maskRouterText('lease for jane@example.com 10.0.0.2 AA:BB:CC:DD:EE:FF at 2026-12-02 10:00:00')).toBe('lease for j***@example.com 10.0.0.2 AA:BB:CC:DD:EE:FF at 2026-12-02 10:00:00');
    expect(maskRouterText('ether1 link up (speed 1G, full duplex), id *1A2B3C4D')).toBe('ether1 link up (speed 1G, full duplex), id *1A2B3C4D');
  });
});
