import { describe, expect, it } from 'vitest';
import { decodeLength, encodeLength, encodeSentence, SentenceDecoder, WireProtocolError } from './codec';
import { Random } from './model/random';
import { decodeText, encodeText } from './text-encoding';

describe('word length forms', () => {
  // Boundaries of the five forms from the manual's table, with the exact prefix bytes.
  const cases: Array<[number, number[]]> = [
    [0, [0x00]],
    [0x7f, [0x7f]],
    [0x80, [0x80, 0x80]],
    [0x3fff, [0xbf, 0xff]],
    [0x4000, [0xc0, 0x40, 0x00]],
    [0x1fffff, [0xdf, 0xff, 0xff]],
    [0x200000, [0xe0, 0x20, 0x00, 0x00]],
    [0xfffffff, [0xef, 0xff, 0xff, 0xff]],
    [0x10000000, [0xf0, 0x10, 0x00, 0x00, 0x00]],
    [0xffffffff, [0xf0, 0xff, 0xff, 0xff, 0xff]],
  ];

  it.each(cases)('encodes and decodes %i', (length, bytes) => {
    expect([...encodeLength(length)]).toEqual(bytes);
    expect(decodeLength(Buffer.from(bytes), 0)).toEqual({ length, size: bytes.length });
  });

  it('waits for a prefix split across chunks', () => {
    expect(decodeLength(Buffer.from([0xe0, 0x20]), 0)).toBeUndefined();
    expect(decodeLength(Buffer.from([0xf0, 0x10, 0, 0]), 0)).toBeUndefined();
  });

  it('rejects control bytes 0xF8 and above', () => {
    for (const b of [0xf8, 0xfc, 0xff]) expect(() => decodeLength(Buffer.from([b]), 0)).toThrow(WireProtocolError);
  });
});

describe('SentenceDecoder', () => {
  it('round-trips words of every length form up to the 4-byte form, fed one byte at a time', () => {
    const words = ['/ip/hotspot/user/add', `=comment=${'a'.repeat(0x80)}`, `=comment=${'b'.repeat(0x4000)}`, `=comment=${'c'.repeat(0x200000)}`, '=name=x'];
    const bytes = encodeSentence(words);
    const small = new SentenceDecoder();
    const got: string[][] = [];
    // Byte-at-a-time for the head (covers split prefixes), bigger slices after.
    for (let i = 0; i < 200; i++) got.push(...small.push(bytes.subarray(i, i + 1)));
    for (let i = 200; i < bytes.length; i += 65_536) got.push(...small.push(bytes.subarray(i, i + 65_536)));
    expect(got).toEqual([words]);
    expect(small.midSentence).toBe(false);
  });

  it('decodes a 5-byte prefix word', () => {
    // 0x10000000 bytes is too big to build here; check the 5-byte form decodes by prefix alone.
    const d = new SentenceDecoder('utf-8', { maxWordBytes: 2 ** 32, maxWords: 10 });
    expect(d.push(Buffer.from([0xf0, 0x10, 0x00, 0x00, 0x00, 0x41]))).toEqual([]);
    expect(d.midSentence).toBe(true);
  });

  it('drops empty sentences and keeps several sentences of one chunk apart', () => {
    const bytes = Buffer.concat([Buffer.from([0]), encodeSentence(['!re', '=a=1']), encodeSentence(['!done'])]);
    expect(new SentenceDecoder().push(bytes)).toEqual([['!re', '=a=1'], ['!done']]);
  });

  it('keeps `=` inside values and empty values', () => {
    expect(new SentenceDecoder().push(encodeSentence(['=comment=a=b', '=follow=']))).toEqual([['=comment=a=b', '=follow=']]);
  });

  it('enforces word and sentence limits', () => {
    const d = new SentenceDecoder('utf-8', { maxWordBytes: 10, maxWords: 2 });
    expect(() => d.push(encodeSentence(['x'.repeat(11)]))).toThrow(WireProtocolError);
    expect(() => new SentenceDecoder('utf-8', { maxWordBytes: 10, maxWords: 2 }).push(encodeSentence(['a', 'b', 'c']))).toThrow(/3|2 words/);
  });

  it('never throws anything but WireProtocolError on random and truncated input', () => {
    const rand = new Random(42);
    for (let round = 0; round < 500; round++) {
      const d = new SentenceDecoder('utf-8', { maxWordBytes: 1 << 16, maxWords: 64 });
      const len = rand.int(1, 300);
      const buf = Buffer.alloc(len);
      for (let i = 0; i < len; i++) buf[i] = rand.int(0, 255);
      try {
        for (let i = 0; i < len; i += rand.int(1, 17)) d.push(buf.subarray(i, i + 17));
      } catch (err) {
        expect(err).toBeInstanceOf(WireProtocolError);
      }
    }
  });
});

describe('text encoding', () => {
  it('encodes win1252 specials to single bytes and back', () => {
    const text = 'café €5 “quoted” Ž';
    const bytes = encodeText(text, 'win1252');
    expect(bytes.length).toBe([...text].length);
    expect(bytes.includes(0x80)).toBe(true);
    expect(decodeText(bytes, 'win1252')).toBe(text);
  });

  it('uses UTF-8 by default in sentences', () => {
    const bytes = encodeSentence(['=comment=Ђорђе 中文']);
    expect(new SentenceDecoder().push(bytes)).toEqual([['=comment=Ђорђе 中文']]);
    expect(new SentenceDecoder('win1252').push(encodeSentence(['=comment=café'], 'win1252'))).toEqual([['=comment=café']]);
  });
});
