import { describe, expect, it } from 'vitest';
import { maskAddress, peerAddress } from './peer-address';

describe('peer addresses', () => {
  it('counts an IPv4 client of a dual-stack socket as its IPv4 address, and IPC as local', () => {
    expect(peerAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(peerAddress('2001:DB8::1')).toBe('2001:db8::1');
    expect(peerAddress(undefined)).toBe('local');
  });

  it('logs the network, not the machine', () => {
    expect(maskAddress('203.0.113.7')).toBe('203.0.113.x');
    expect(maskAddress('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::x');
    expect(maskAddress('::1')).toBe('::1');
    expect(maskAddress('local')).toBe('local');
  });
});
