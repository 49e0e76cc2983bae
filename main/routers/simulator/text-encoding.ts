import type { TextEncoding } from './types';

/**
 * RouterOS stores raw bytes; WinBox-made text is usually in the Windows code page. The simulator
 * encodes words per router: UTF-8, or Windows-1252 (Latin-1 plus the 0x80–0x9F specials).
 */
const WIN1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd,
  0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0xfffd, 0x017e, 0x0178,
];
const WIN1252_REVERSE = new Map<number, number>(
  WIN1252_HIGH.flatMap((cp, i) => (cp === 0xfffd ? [] : [[cp, 0x80 + i] as [number, number]])),
);

export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out[n++] = cp;
    else out[n++] = WIN1252_REVERSE.get(cp) ?? 0x3f; // '?' like a code-page conversion does
  }
  return out.subarray(0, n);
}

export function decodeText(bytes: Buffer, encoding: TextEncoding): string {
  if (encoding === 'utf-8') return bytes.toString('utf8');
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b >= 0x80 && b < 0xa0 ? WIN1252_HIGH[b - 0x80]! : b);
  return s;
}
