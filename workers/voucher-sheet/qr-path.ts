import { qrMatrix } from './qr-matrix';

/** A QR code as a PDF path in module units: one `re` per horizontal run of dark modules. */
export interface QrPath {
  /** Modules per side, without the quiet zone. */
  modules: number;
  /** PDF path operators, to be scaled to the module size and filled once. */
  path: string;
}

/**
 * Vector modules instead of a PNG: no image object per card, crisp at any printer resolution,
 * and far smaller than 1,000 images. Runs of dark modules in a row become one rectangle (about
 * half the operators of one square per module), and the integer coordinates keep the path short.
 */
export function qrPath(text: string): QrPath {
  const { size, data } = qrMatrix(text);
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    const offset = row * size;
    for (let col = 0; col < size; col++) {
      if (!data[offset + col]) continue;
      const start = col;
      while (col + 1 < size && data[offset + col + 1]) col++;
      parts.push(`${start} ${row} ${col - start + 1} 1 re`);
    }
  }
  return { modules: size, path: parts.join('\n') };
}

/**
 * Draws the code filling a `side` × `side` square at (x, y), including a two-module quiet zone
 * (scanners need a light border; the card's padding adds to it). One fill of the whole path, so
 * adjacent rows show no anti-aliasing seams in viewers.
 */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, side: number): void {
  const quiet = 2;
  const { modules, path } = qrPath(text);
  const unit = side / (modules + 2 * quiet);
  doc.save();
  doc.translate(x + quiet * unit, y + quiet * unit).scale(unit);
  doc.fillColor('black');
  doc.addContent(path);
  doc.addContent('f');
  doc.restore();
}
