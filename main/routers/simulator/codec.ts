import type { TextEncoding } from './types';
import { decodeText, encodeText } from './text-encoding';

/**
 * The API word codec: a length prefix in one of five forms, then the bytes. A sentence is its
 * words followed by an empty word. First bytes ≥ 0xF8 are reserved control bytes.
 */
export class WireProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireProtocolError';
  }
}

export function encodeLength(length: number): Buffer {
  if (!Number.isInteger(length) || length < 0 || length > 0xffffffff) {
    throw new RangeError(`word length ${length} cannot be encoded`);
  }
  if (length < 0x80) return Buffer.from([length]);
  if (length < 0x4000) return Buffer.from([(length >>> 8) | 0x80, length & 0xff]);
  if (length < 0x200000) return Buffer.from([(length >>> 16) | 0xc0, (length >>> 8) & 0xff, length & 0xff]);
  if (length < 0x10000000) {
    return Buffer.from([(length >>> 24) | 0xe0, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff]);
  }
  return Buffer.from([0xf0, (length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff]);
}

/**
 * Reads one length prefix at `offset`. Returns undefined when the prefix is not complete yet;
 * throws WireProtocolError on a control byte.
 */
export function decodeLength(buf: Buffer, offset: number): { length: number; size: number } | undefined {
  if (offset >= buf.length) return undefined;
  const b = buf[offset]!;
  if (b < 0x80) return { length: b, size: 1 };
  if (b >= 0xf8) throw new WireProtocolError(`control byte 0x${b.toString(16)} is not supported`);
  const size = b < 0xc0 ? 2 : b < 0xe0 ? 3 : b < 0xf0 ? 4 : 5;
  if (offset + size > buf.length) return undefined;
  let length: number;
  if (size === 2) length = ((b & 0x3f) << 8) | buf[offset + 1]!;
  else if (size === 3) length = ((b & 0x1f) << 16) | (buf[offset + 1]! << 8) | buf[offset + 2]!;
  else if (size === 4) length = (b & 0x0f) * 0x1000000 + ((buf[offset + 1]! << 16) | (buf[offset + 2]! << 8) | buf[offset + 3]!);
  else length = buf.readUInt32BE(offset + 1);
  return { length, size };
}

export function encodeSentence(words: readonly string[], encoding: TextEncoding = 'utf-8'): Buffer {
  const parts: Buffer[] = [];
  for (const word of words) {
    const bytes = encodeText(word, encoding);
    parts.push(encodeLength(bytes.length), bytes);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

export interface DecoderLimits {
  /** Largest word accepted, in bytes. */
  maxWordBytes: number;
  /** Largest sentence accepted, in words. */
  maxWords: number;
}

/**
 * Incremental sentence decoder: feed it chunks as they arrive (a prefix or word may be split
 * anywhere); it returns the complete sentences. Empty sentences are dropped, as the manual says.
 */
export class SentenceDecoder {
  private pending: Buffer = Buffer.alloc(0);
  /** Chunks of a long word still arriving, kept apart so a big word is concatenated once. */
  private parked: Buffer[] = [];
  private parkedBytes = 0;
  /** Bytes `pending` must reach before the next word is complete (0 = unknown). */
  private needed = 0;
  private words: string[] = [];

  constructor(
    private readonly encoding: TextEncoding = 'utf-8',
    public limits: DecoderLimits = { maxWordBytes: 64 * 1024 * 1024, maxWords: 100_000 },
  ) {}

  /** True if bytes of an unfinished sentence are buffered (a truncated stream if the socket ends now). */
  get midSentence(): boolean {
    return this.pending.length > 0 || this.parkedBytes > 0 || this.words.length > 0;
  }

  push(chunk: Buffer): string[][] {
    if (this.needed > 0 && this.pending.length + this.parkedBytes + chunk.length < this.needed) {
      this.parked.push(chunk);
      this.parkedBytes += chunk.length;
      return [];
    }
    const buf = this.pending.length === 0 && this.parked.length === 0 ? chunk : Buffer.concat([this.pending, ...this.parked, chunk]);
    this.parked = [];
    this.parkedBytes = 0;
    this.needed = 0;
    const sentences: string[][] = [];
    let offset = 0;
    for (;;) {
      const prefix = decodeLength(buf, offset);
      if (!prefix) break;
      if (prefix.length > this.limits.maxWordBytes) {
        throw new WireProtocolError(`word of ${prefix.length} bytes exceeds the ${this.limits.maxWordBytes}-byte limit`);
      }
      const end = offset + prefix.size + prefix.length;
      if (end > buf.length) {
        this.needed = end - offset;
        break;
      }
      if (prefix.length === 0) {
        if (this.words.length > 0) sentences.push(this.words);
        this.words = [];
      } else {
        if (this.words.length >= this.limits.maxWords) {
          throw new WireProtocolError(`sentence exceeds ${this.limits.maxWords} words`);
        }
        this.words.push(decodeText(buf.subarray(offset + prefix.size, end), this.encoding));
      }
      offset = end;
    }
    // Copy the remainder so a large chunk is not retained by a small leftover slice.
    this.pending = offset >= buf.length ? Buffer.alloc(0) : Buffer.from(buf.subarray(offset));
    if (this.pending.length > this.limits.maxWordBytes + 5) {
      throw new WireProtocolError('unterminated word exceeds the size limit');
    }
    return sentences;
  }
}
