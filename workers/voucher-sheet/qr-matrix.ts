import { create } from 'qrcode';

/**
 * Medium error correction (15 %): survives a smudged thermal print or a fold while keeping a
 * login URL at version 4–5 (33–37 modules), so the modules stay large on a 19 mm code.
 * (Format bits below are for this level: qrcode's level M has the indicator bits 00.)
 */
const LEVEL = 'M';
const LEVEL_BITS = 0b00;

/** A QR symbol: `size` × `size` modules, row by row, 1 = dark. */
export interface QrMatrix {
  size: number;
  data: Uint8Array;
}

const utf8 = new TextEncoder();

/**
 * The QR code of `text`, identical to qrcode's `create()` (the same mask choice by the same
 * ISO 18004 penalty rules), two to three times faster: qrcode scores its 8 masks through a
 * method call per module read, and that is most of a sheet's time. Here qrcode builds the
 * symbol once with mask 0, and the 8 masks are scored over typed arrays.
 */
export function qrMatrix(text: string): QrMatrix {
  // One byte-mode segment of the UTF-8 bytes: a URL is bytes anyway, and it skips qrcode's
  // search for the shortest mix of modes.
  const { modules } = create([{ data: utf8.encode(text), mode: 'byte' }], { errorCorrectionLevel: LEVEL, maskPattern: 0 });
  const { size } = modules;
  const layout = layoutOf(size, modules.reservedBit);
  const { masks, format, plain } = layout;
  new Uint8Array(plain.buffer).set(modules.data);
  xorInto(plain, plain, masks[0]!);
  let lowest = Infinity;
  for (let p = 0; p < 8; p++) {
    const candidate = layout.scratch;
    xorInto(candidate, plain, masks[p]!);
    const bytes = new Uint8Array(candidate.buffer);
    const bits = formatBits(p);
    format.forEach(([vertical, horizontal], i) => (bytes[vertical] = bytes[horizontal] = (bits >> i) & 1));
    const score = penalty(bytes, size);
    if (score < lowest) {
      lowest = score;
      layout.scratch = layout.best;
      layout.best = candidate;
    }
  }
  return { size, data: new Uint8Array(layout.best.buffer, 0, size * size).slice() };
}

function xorInto(out: Uint32Array, a: Uint32Array, b: Uint32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i]! ^ b[i]!;
}

interface SymbolLayout {
  /** Per mask pattern: 1 where the pattern flips a (data) module. */
  masks: Uint32Array[];
  /**
   * Work buffers, reused from symbol to symbol: 1,000 codes would otherwise allocate 9,000
   * off-heap buffers, and their garbage collection cost as much as the scoring. A worker thread
   * renders one sheet at a time, synchronously, so nothing else touches them meanwhile.
   */
  plain: Uint32Array;
  scratch: Uint32Array;
  best: Uint32Array;
  /** The 15 format bits' two places each, as indices (qrcode's setupFormatInfo). */
  format: Array<[number, number]>;
}

/** Function patterns sit where they sit for a given size, so the masks are built once per size. */
const layouts = new Map<number, SymbolLayout>();

function layoutOf(size: number, reserved: Uint8Array): SymbolLayout {
  let layout = layouts.get(size);
  if (!layout) {
    // Whole 32-bit words (a byte a module), so a mask is applied four modules at a time.
    const words = Math.ceil((size * size) / 4);
    const masks = Array.from({ length: 8 }, (_, p) => {
      const mask = new Uint32Array(words);
      const bytes = new Uint8Array(mask.buffer);
      for (let row = 0; row < size; row++) {
        for (let col = 0; col < size; col++) bytes[row * size + col] = !reserved[row * size + col] && maskAt(p, row, col) ? 1 : 0;
      }
      return mask;
    });
    const at = (row: number, col: number) => row * size + col;
    const format = Array.from({ length: 15 }, (_, i): [number, number] => [
      i < 6 ? at(i, 8) : i < 8 ? at(i + 1, 8) : at(size - 15 + i, 8),
      i < 8 ? at(8, size - i - 1) : i < 9 ? at(8, 15 - i) : at(8, 14 - i),
    ]);
    layout = { masks, format, plain: new Uint32Array(words), scratch: new Uint32Array(words), best: new Uint32Array(words) };
    layouts.set(size, layout);
  }
  return layout;
}

/** ISO 18004 mask conditions, i = row, j = column. */
function maskAt(pattern: number, i: number, j: number): boolean {
  switch (pattern) {
    case 0: return (i + j) % 2 === 0;
    case 1: return i % 2 === 0;
    case 2: return j % 3 === 0;
    case 3: return (i + j) % 3 === 0;
    case 4: return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0;
    case 5: return ((i * j) % 2) + ((i * j) % 3) === 0;
    case 6: return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0;
    default: return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0;
  }
}

/** The 15-bit format information: level and mask, BCH(15,5)-protected, XORed with 0x5412. */
function formatBits(mask: number): number {
  const data = (LEVEL_BITS << 3) | mask;
  let remainder = data << 10;
  for (let bit = 14; bit >= 10; bit--) if (remainder & (1 << bit)) remainder ^= 0x537 << (bit - 10);
  return ((data << 10) | remainder) ^ 0x5412;
}

/**
 * Penalty rules N1–N4 scored exactly as qrcode scores them, so both pick the same mask. Modules
 * are random, so every if on them is a mispredicted branch: the counts are kept with arithmetic
 * instead (x >>> 31 is 1 for a negative x). N1 adds 3 when a run reaches 5 and 1 per module past it.
 */
function penalty(m: Uint8Array, size: number): number {
  let n1 = 0;
  let n2 = 0;
  let n3 = 0;
  let dark = 0;
  for (let a = 0; a < size; a++) {
    let rowRun = 0;
    let colRun = 0;
    let rowLast = 2;
    let colLast = 2;
    let rowBits = 0;
    let colBits = 0;
    for (let b = 0; b < size; b++) {
      const inRow = m[a * size + b]!;
      const inCol = m[b * size + a]!;
      dark += inRow;
      rowRun = rowRun * (((inRow ^ rowLast) - 1) >>> 31) + 1;
      colRun = colRun * (((inCol ^ colLast) - 1) >>> 31) + 1;
      rowLast = inRow;
      colLast = inCol;
      n1 += 3 * (((rowRun ^ 5) - 1) >>> 31) + ((5 - rowRun) >>> 31) + 3 * (((colRun ^ 5) - 1) >>> 31) + ((5 - colRun) >>> 31);
      rowBits = ((rowBits << 1) & 0x7ff) | inRow;
      colBits = ((colBits << 1) & 0x7ff) | inCol;
      // Rare, so these branches predict well.
      if (b >= 10 && (rowBits === 0x5d0 || rowBits === 0x05d)) n3++;
      if (b >= 10 && (colBits === 0x5d0 || colBits === 0x05d)) n3++;
    }
  }
  // 2 × 2 blocks of one colour (a sum of 0 or 4), sliding along each pair of rows.
  for (let top = 0; top < size * (size - 1); top += size) {
    let left = m[top]! + m[top + size]!;
    for (let b = 1; b < size; b++) {
      const right = m[top + b]! + m[top + size + b]!;
      n2 += (((left + right) & 3) - 1) >>> 31;
      left = right;
    }
  }
  const n4 = Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10);
  return n1 + 3 * n2 + 40 * n3 + 10 * n4;
}
