import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMndp, encodeMndp, encodeMndpRequest, isMndpRequest, MAX_TEXT_CHARS, MNDP_TLV, type MndpAnnouncement } from './mndp-codec';

const sample: MndpAnnouncement = {
  mac: '4C:5E:0C:11:22:33',
  identity: 'hq-core-1',
  version: '7.18 (stable)',
  platform: 'MikroTik',
  board: 'RB5009UG+S+',
  softwareId: 'ABCD-1234',
  interfaceName: 'bridge',
  ipv4: '192.168.88.1',
  ipv6: 'fe80:0:0:0:4e5e:cff:fe11:2233',
  uptimeSeconds: 93_784,
};

/** A packet built by hand, field by field, as a RouterOS capture lays it out. */
function packet(tlvs: Array<[number, Buffer]>, header = Buffer.from([0, 0, 0, 7])): Buffer {
  return Buffer.concat([header, ...tlvs.flatMap(([type, value]) => [Buffer.from([type >> 8, type & 0xff, value.length >> 8, value.length & 0xff]), value])]);
}

describe('MNDP codec', () => {
  it('decodes a hand-built announcement, with uptime little-endian and unknown TLVs skipped', () => {
    const uptime = Buffer.alloc(4);
    uptime.writeUInt32LE(3600);
    const decoded = decodeMndp(
      packet([
        [MNDP_TLV.mac, Buffer.from([0x4c, 0x5e, 0x0c, 0xaa, 0xbb, 0xcc])],
        [MNDP_TLV.identity, Buffer.from('tower-2')],
        [99, Buffer.from('ignored')],
        [MNDP_TLV.uptime, uptime],
        [MNDP_TLV.ipv4, Buffer.from([10, 0, 0, 1])],
        [MNDP_TLV.interfaceName, Buffer.from('ether1')],
        [MNDP_TLV.unpack, Buffer.from([0])],
      ]),
    );
    expect(decoded).toEqual({ ...blank(), mac: '4C:5E:0C:AA:BB:CC', identity: 'tower-2', uptimeSeconds: 3600, ipv4: '10.0.0.1', interfaceName: 'ether1' });
  });

  it('round-trips a full announcement', () => {
    expect(decodeMndp(encodeMndp(sample, 42))).toEqual(sample);
    expect(encodeMndp(sample, 42).readUInt16BE(2)).toBe(42);
  });

  it('treats the bare header as a discovery request, not an announcement', () => {
    expect(isMndpRequest(encodeMndpRequest())).toBe(true);
    expect(decodeMndp(encodeMndpRequest())).toBeNull();
    expect(isMndpRequest(encodeMndp(sample))).toBe(false);
  });

  it('refuses a packet whose TLV runs past its end, or that carries no MAC', () => {
    const full = encodeMndp(sample);
    expect(decodeMndp(full.subarray(0, full.length - 1))).toBeNull();
    expect(decodeMndp(packet([[MNDP_TLV.identity, Buffer.from('no-mac')]]))).toBeNull();
  });

  it('ignores fixed-size fields of the wrong size and strips control characters from text', () => {
    const decoded = decodeMndp(
      packet([
        [MNDP_TLV.mac, Buffer.from([1, 2, 3, 4, 5, 6])],
        [MNDP_TLV.ipv4, Buffer.from([10, 0, 0])],
        [MNDP_TLV.uptime, Buffer.from([1, 2])],
        [MNDP_TLV.identity, Buffer.from('evil\u0000\u001b[31m<b>\u0007')],
        [MNDP_TLV.board, Buffer.from('x'.repeat(1000))],
      ]),
    );
    expect(decoded?.ipv4).toBeNull();
    expect(decoded?.uptimeSeconds).toBeNull();
    expect(decoded?.identity).toBe('evil[31m<b>');
    expect(decoded?.board).toHaveLength(MAX_TEXT_CHARS);
  });

  it('round-trips any well-formed announcement (property)', () => {
    const text = fc
      .string({ unit: 'grapheme-ascii', maxLength: 40 })
      .map((s) => s.replace(/[\u0000-\u001f\u007f]/g, '').trim());
    const byte = fc.integer({ min: 0, max: 255 });
    const announcement = fc.record({
      mac: fc.array(byte, { minLength: 6, maxLength: 6 }).map((b) => b.map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join(':')),
      identity: text,
      version: text,
      platform: text,
      board: text,
      softwareId: text,
      interfaceName: text,
      ipv4: fc.option(fc.ipV4(), { nil: null }),
      ipv6: fc.option(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }).map((g) => g.map((x) => x.toString(16)).join(':')), { nil: null }),
      uptimeSeconds: fc.option(fc.integer({ min: 0, max: 0xffffffff }), { nil: null }),
    });
    fc.assert(fc.property(announcement, fc.integer({ min: 0, max: 0xffff }), (a, seq) => {
        expect(decodeMndp(encodeMndp(a, seq))).toEqual(a);
      }),
    );
  });

  it('never throws on garbage, and whatever it accepts has a MAC and bounded text (property)', () => {
    const garbage = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      // Mostly well-formed TLV streams with random types and lengths, to reach past the header.
      fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.uint8Array({ maxLength: 40 }), fc.integer({ min: -2, max: 2 }))).map((tlvs) =>
        Buffer.concat([
          Buffer.alloc(4),
          ...tlvs.map(([type, value, skew]) => Buffer.concat([Buffer.from([0, type, 0, Math.max(0, value.length + skew)]), Buffer.from(value)])),
        ]),
      ),
    );
    fc.assert(
      fc.property(garbage, (bytes) => {
        const decoded = decodeMndp(bytes);
        if (decoded === null) return;
        expect(decoded.mac).toMatch(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/);
        for (const value of [decoded.identity, decoded.version, decoded.platform, decoded.board, decoded.softwareId, decoded.interfaceName]) {
          expect([...value].length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
          expect(value).not.toMatch(/[\u0000-\u001f\u007f]/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

function blank(): MndpAnnouncement {
  return { mac: '', identity: '', version: '', platform: '', board: '', softwareId: '', interfaceName: '', ipv4: null, ipv6: null, uptimeSeconds: null };
}
