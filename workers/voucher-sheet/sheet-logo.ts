import { inflateSync } from 'node:zlib';
import { PermanentJobError } from '../../main/jobs/errors';
import type { SheetLogo } from './sheet-style';

/** pdfkit's openImage is public (the docs use it to size images) but missing from @types/pdfkit. */
interface ImageOpener {
  openImage(src: string): { width: number; height: number };
}

/**
 * Opens the tenant's logo once per sheet; every card then draws it by the same data URL, which
 * pdfkit keeps in its image registry, so the PDF holds one image object whatever the card count.
 * A PNG is checked in full first: pdfkit decodes PNGs with transparency asynchronously, where a
 * corrupt one would throw outside any caller and take the worker thread down.
 */
export function openSheetLogo(doc: PDFKit.PDFDocument, dataUrl: string): SheetLogo {
  try {
    const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    if (dataUrl.startsWith('data:image/png')) checkPng(bytes);
    const image = (doc as unknown as ImageOpener).openImage(dataUrl);
    const aspect = image.width / image.height;
    if (!(aspect > 0 && Number.isFinite(aspect))) throw new Error(`it measures ${image.width} × ${image.height}`);
    return { src: dataUrl, aspect };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PermanentJobError(`the tenant logo cannot be printed (${reason}): upload it again as PNG or JPEG in the tenant settings`, { cause: error });
  }
}

/** Channels per PNG colour type (greyscale, RGB, palette, grey + alpha, RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Walks the chunks, inflates the image data and, for a non-interlaced image, checks each row's filter byte. */
function checkPng(png: Buffer): void {
  let header: { width: number; height: number; bitsPerPixel: number; interlaced: boolean } | null = null;
  const data: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (body.length < length) throw new Error(`its ${type} chunk is cut short`);
    if (type === 'IHDR') {
      const channels = CHANNELS[body[9]!];
      if (channels === undefined) throw new Error(`unknown PNG colour type ${body[9]}`);
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitsPerPixel: body[8]! * channels, interlaced: body[12] === 1 };
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  if (!header || data.length === 0) throw new Error('it has no PNG header or no image data');
  const pixels = inflateSync(Buffer.concat(data));
  if (header.interlaced) return;
  const rowBytes = Math.ceil((header.width * header.bitsPerPixel) / 8) + 1;
  if (pixels.length < rowBytes * header.height) throw new Error('its image data is shorter than its size says');
  for (let row = 0; row < header.height; row++) {
    if (pixels[row * rowBytes]! > 4) throw new Error(`row ${row} has an unknown PNG filter`);
  }
}
