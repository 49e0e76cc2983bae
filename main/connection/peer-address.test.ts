import { describe, expect, it } from 'vitest';
import { maskAddress, peerAddress } from './peer-address';

describe('peer addresses', () => {
  it('keys IPv4 by the address, and an IPv4 client of a dual-stack socket as that IPv4 address', () => {
    expect(peerAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(peerAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(peerAddress('::FFFF:203.0.113.7')).toBe('203.0.113.7');
    expect(peerAddress('0:0:0:0:0:ffff:cb00:7107')).toBe('203.0.113.7');
  });

  it('keys IPv6 by its /64, whichever way the address is written', () => {
    const key = '2001:db8:1:2::/64';
    expect(peerAddress('2001:db8:1:2:3:4:5:6')).toBe(key);
    expect(peerAddress('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe(key);
    expect(peerAddress('2001:db8:1:2::1')).toBe(key);
    expect(peerAddress('2001:db8:1:2::10.0.0.1')).toBe(key);
    // Another /64 of the same site is another subscriber line.
    expect(peerAddress('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    // `::` inside the first four groups must not shift the prefix.
    expect(peerAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(peerAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('keeps loopback and IPC apart, and returns a key given back in unchanged', () => {
    expect(peerAddress('::1')).toBe('::1');
    expect(peerAddress('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(peerAddress(undefined)).toBe('local');
    for (const remote of ['203.0.113.7', '::ffff:203.0.113.7', '2001:db8::1', '::1', undefined]) {
      const key = peerAddress(remote);
      expect(peerAddress(key)).toBe(key);
    }
  });

  it('logs the network, not the machine', () => {
    expect(maskAddress('203.0.113.7')).toBe('203.0.113.x');
    expect(maskAddress('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::x');
    // Compressed forms: the `::` is expanded before the first four groups are taken.
    expect(maskAddress('2001:db8::1')).toBe('2001:db8:0:0::x');
    expect(maskAddress('2001:db8:1::5:6')).toBe('2001:db8:1:0::x');
    expect(maskAddress('::ffff:203.0.113.7')).toBe('203.0.113.x');
    expect(maskAddress('2001:db8:1:2::/64')).toBe('2001:db8:1:2::/64');
    expect(maskAddress('::1')).toBe('::1');
    expect(maskAddress('local')).toBe('local');
  });
});
