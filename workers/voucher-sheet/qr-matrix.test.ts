import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from './qr-matrix';
import { qrPath } from './qr-path';

/** Login URLs of growing length (QR versions 2 to 13) and every shape of code. */
const texts = Array.from({ length: 240 }, (_, i) => {
  const code = (i * 7_919 + 104_729).toString(36).toUpperCase().repeat(1 + (i % 12) * 2);
  return `http://hotspot-${i}.example.net/login?username=${code}&password=${encodeURIComponent(code + '&é')}`;
});

describe('qrMatrix', () => {
  it('is module for module the symbol qrcode makes, mask choice included', () => {
    const versions = new Set<number>();
    const masks = new Set<number>();
    for (const text of texts) {
      const reference = create([{ data: new TextEncoder().encode(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
      versions.add(reference.version);
      masks.add(reference.maskPattern!);
      const ours = qrMatrix(text);
      expect(ours.size).toBe(reference.modules.size);
      expect(Buffer.from(ours.data).equals(Buffer.from(reference.modules.data)), text).toBe(true);
    }
    // The comparison covered every mask pattern and many symbol sizes.
    expect(masks.size).toBe(8);
    expect(versions.size).toBeGreaterThan(8);
  });

  it('returns its own copy: a later symbol does not change an earlier one', () => {
    const first = qrMatrix(texts[0]!);
    const snapshot = Buffer.from(first.data);
    qrMatrix(texts[1]!);
    expect(Buffer.from(first.data).equals(snapshot)).toBe(true);
  });
});

describe('qrPath', () => {
  it('covers exactly the dark modules, with one rectangle per run of a row', () => {
    for (const text of texts.slice(0, 20)) {
      const { size, data } = qrMatrix(text);
      const { modules, path } = qrPath(text);
      expect(modules).toBe(size);
      const drawn = new Uint8Array(size * size);
      const ops = path.split('\n');
      expect(ops.filter((op) => !/^\d+ \d+ \d+ 1 re$/.test(op))).toEqual([]);
      for (const [x, y, w] of ops.map((op) => op.split(' ').map(Number))) {
        for (let c = x!; c < x! + w!; c++) drawn[y! * size + c]! += 1;
      }
      expect(Buffer.from(drawn).equals(Buffer.from(data))).toBe(true);
    }
  });
});
