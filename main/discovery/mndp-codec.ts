/**
 * MikroTik Neighbor Discovery (MNDP) packets: what RouterOS broadcasts on UDP 5678 about itself.
 * A 4-byte header (2 bytes header/version, 2 bytes sequence, big-endian) then TLVs of 2-byte
 * type and 2-byte length (big-endian). Packets come from anyone on the LAN, so decoding never
 * trusts them: bounded text, fixed sizes checked, a TLV past the end makes the packet malformed.
 */

export const MNDP_PORT = 5678;

/** TLV types RouterOS sends (others are skipped). */
export const MNDP_TLV = {
  mac: 1,
  identity: 5,
  version: 7,
  platform: 8,
  uptime: 10,
  softwareId: 11,
  board: 12,
  unpack: 14,
  ipv6: 15,
  interfaceName: 16,
  ipv4: 17,
} as const;

/** One neighbour's announcement. Text fields are '' when the packet did not carry them. */
export interface MndpAnnouncement {
  /** `AA:BB:CC:DD:EE:FF`, upper case. */
  mac: string;
  identity: string;
  version: string;
  platform: string;
  board: string;
  softwareId: string;
  /** The neighbour's interface the announcement left from (e.g. `ether1`, `bridge`). */
  interfaceName: string;
  ipv4: string | null;
  ipv6: string | null;
  uptimeSeconds: number | null;
}

const HEADER_BYTES = 4;
/** Longer text is cut: identities and board names are short; nothing here is worth a large buffer. */
export const MAX_TEXT_CHARS = 128;
/** RouterOS packets are a few hundred bytes; anything this big is not MNDP. */
export const MAX_PACKET_BYTES = 1500;

const TEXT_FIELDS = [
  ['identity', MNDP_TLV.identity],
  ['version', MNDP_TLV.version],
  ['platform', MNDP_TLV.platform],
  ['board', MNDP_TLV.board],
  ['softwareId', MNDP_TLV.softwareId],
  ['interfaceName', MNDP_TLV.interfaceName],
] as const satisfies ReadonlyArray<readonly [keyof MndpAnnouncement, number]>;

/** A discovery request: the bare header, which makes RouterOS answer with its announcement. */
export function encodeMndpRequest(): Buffer {
  return Buffer.alloc(HEADER_BYTES);
}

/** A packet too short to hold a TLV is a request (RouterOS sends 4 zero bytes), not an announcement. */
export const isMndpRequest = (packet: Uint8Array): boolean => packet.length <= HEADER_BYTES;

export function encodeMndp(a: MndpAnnouncement, sequence = 0): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt16BE(sequence & 0xffff, 2);
  parts.push(header);
  const tlv = (type: number, value: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt16BE(type, 0);
    head.writeUInt16BE(value.length, 2);
    parts.push(head, value);
  };
  tlv(MNDP_TLV.mac, macBytes(a.mac));
  for (const [field, type] of TEXT_FIELDS) if (a[field] !== '') tlv(type, Buffer.from(a[field], 'utf8'));
  if (a.uptimeSeconds !== null) {
    // Uptime is the one little-endian field of the format.
    const value = Buffer.alloc(4);
    value.writeUInt32LE(a.uptimeSeconds >>> 0, 0);
    tlv(MNDP_TLV.uptime, value);
  }
  if (a.ipv4 !== null) tlv(MNDP_TLV.ipv4, Buffer.from(a.ipv4.split('.').map(Number)));
  if (a.ipv6 !== null) tlv(MNDP_TLV.ipv6, ipv6Bytes(a.ipv6));
  return Buffer.concat(parts);
}

/** The announcement in a packet, or null for a request, a packet without a MAC, or a malformed one. Never throws. */
export function decodeMndp(packet: Uint8Array): MndpAnnouncement | null {
  if (isMndpRequest(packet) || packet.length > MAX_PACKET_BYTES) return null;
  const view = Buffer.from(packet.buffer, packet.byteOffset, packet.length);
  const out: MndpAnnouncement = { mac: '', identity: '', version: '', platform: '', board: '', softwareId: '', interfaceName: '', ipv4: null, ipv6: null, uptimeSeconds: null };
  let at = HEADER_BYTES;
  while (at < view.length) {
    if (at + 4 > view.length) return null;
    const type = view.readUInt16BE(at);
    const length = view.readUInt16BE(at + 2);
    const start = at + 4;
    if (start + length > view.length) return null;
    const value = view.subarray(start, start + length);
    at = start + length;
    const text = TEXT_FIELDS.find(([, t]) => t === type);
    if (text) out[text[0]] = printable(value);
    else if (type === MNDP_TLV.mac && length === 6) out.mac = macText(value);
    else if (type === MNDP_TLV.uptime && length === 4) out.uptimeSeconds = value.readUInt32LE(0);
    else if (type === MNDP_TLV.ipv4 && length === 4) out.ipv4 = [...value].join('.');
    else if (type === MNDP_TLV.ipv6 && length === 16) out.ipv6 = ipv6Text(value);
  }
  return out.mac === '' ? null : out;
}

/** UTF-8 text with control characters dropped and the length capped, so a packet cannot inject markup-breaking or huge strings. */
function printable(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('utf8').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]/g, '');
  return [...text].slice(0, MAX_TEXT_CHARS).join('').trim();
}

const macText = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');

function macBytes(mac: string): Buffer {
  const parts = mac.split(/[:-]/);
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{2}$/.test(p))) throw new Error(`"${mac}" is not a MAC address (AA:BB:CC:DD:EE:FF)`);
  return Buffer.from(parts.map((p) => parseInt(p, 16)));
}

function ipv6Text(bytes: Uint8Array): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':');
}

/** Full form only (eight groups): what ipv6Text writes. */
function ipv6Bytes(text: string): Buffer {
  const groups = text.split(':');
  if (groups.length !== 8) throw new Error(`"${text}" is not a full IPv6 address (eight groups)`);
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16) & 0xffff, i * 2));
  return out;
}
