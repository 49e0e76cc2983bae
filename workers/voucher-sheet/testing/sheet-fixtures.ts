import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { hotspotLoginUrl } from '../../../main/vouchers/login-url-contract';
import type { VoucherCard, VoucherSheetInput } from '../../../main/vouchers/sheet-contract';

/**
 * Inputs for the sheet tests. Codes are 8 characters of the generator's unambiguous alphabet,
 * distinct from each other and from every other word printed on a card, so counting a code's
 * occurrences in the text read back from the PDF counts that voucher.
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function voucherCodes(count: number, prefix = 'V'): string[] {
  return Array.from({ length: count }, (_, i) => {
    let code = prefix;
    for (let n = i; code.length < 8; n = Math.floor(n / ALPHABET.length)) code += ALPHABET[n % ALPHABET.length];
    return code;
  });
}

export function cardsOf(codes: string[], passwords: 'same' | 'separate' = 'same'): VoucherCard[] {
  return codes.map((code) => {
    const password = passwords === 'same' ? null : `P${code.slice(1)}`;
    return { username: code, password, qrText: hotspotLoginUrl('http://hotspot.example.net', code, password ?? code) };
  });
}

export function sheetInput(overrides: Partial<VoucherSheetInput> & { cards: VoucherCard[] }): VoucherSheetInput {
  return { layout: 'a4', cardsPerPage: 21, tenantName: 'Mawingu Networks Ltd', logo: null, planName: 'Daily 5 Mbps', priceText: 'KES 50.00', validityText: '1 day', ...overrides };
}

/** A real RGBA PNG as a data URL (with transparency: the path pdfkit embeds asynchronously). */
export function pngDataUrl(width: number, height: number, corruptData = false): string {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filters, not interlaced
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set([30, 90 + y, 200, x < width / 2 ? 255 : 128], y * (width * 4 + 1) + 1 + x * 4);
  }
  const data = corruptData ? Buffer.from('this is not deflate data at all') : deflateSync(rows);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** A real 24 × 12 JPEG (two blue squares, as a canvas encodes it, ICC profile included). */
export const JPEG_LOGO =
  'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAoHBwgHBgoICAgLCgoLDhgQDg0NDh0VFhEYIx8lJCIfIiEmKzcvJik0KSEiMEExNDk7Pj4+JS5ESUM8SDc9Pjv/2wBDAQoLCw4NDhwQEBw7KCIoOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozv/wAARCAAMABgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAABgD/xAAYEAEAAwEAAAAAAAAAAAAAAAAABkSCwv/EABYBAQEBAAAAAAAAAAAAAAAAAAUEBv/EABkRAQACAwAAAAAAAAAAAAAAAAABAwQyM//aAAwDAQACEQMRAD8AOkcRt46HCOI28dNbkc5B17EiSGKX/9k=';

/** How often each word occurs in the pages' text. */
export function wordCounts(pages: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of pages.join('\n').split(/\s+/)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Image XObjects in the file (pdfkit writes object dictionaries uncompressed). */
export const imageObjects = (pdf: Buffer) => pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0;

/** How often the pages' (deflated) content streams draw the image named `name` (pdfkit names them I1, I2, …). */
export function imageDraws(pdf: Buffer, name: string): number {
  let draws = 0;
  for (const [, dictionary, body] of pdf.toString('latin1').matchAll(/obj\n(<<[\s\S]*?>>)\nstream\n([\s\S]*?)\nendstream/g)) {
    if (dictionary!.includes('/Subtype /Image') || !dictionary!.includes('/FlateDecode')) continue;
    draws += inflateSync(Buffer.from(body!, 'latin1')).toString('latin1').split(`/${name} Do`).length - 1;
  }
  return draws;
}
