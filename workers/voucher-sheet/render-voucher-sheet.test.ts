import { describe, expect, it } from 'vitest';
import { PermanentJobError } from '../../main/jobs/errors';
import { MAX_SHEET_CARDS, type VoucherSheetInput } from '../../main/vouchers/sheet-contract';
import { readPdfText } from './read-pdf-text';
import { renderVoucherSheet } from './render-voucher-sheet';
import { cardsOf, imageDraws, imageObjects, JPEG_LOGO, pngDataUrl, sheetInput, voucherCodes, wordCounts } from './testing/sheet-fixtures';

/** Page sizes in points, as the file declares them. */
const mediaBoxes = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
const MM = 72 / 25.4;

describe('renderVoucherSheet', () => {
  it('prints 100 vouchers on an A4 grid, every code exactly once, read back from the PDF', async () => {
    const codes = voucherCodes(100);
    const pdf = await renderVoucherSheet(sheetInput({ cardsPerPage: 21, cards: cardsOf(codes) }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await readPdfText(pdf);
    expect(pages).toHaveLength(5);
    expect(mediaBoxes(pdf).every(([w, h]) => Math.abs(w! - 595.28) < 0.01 && Math.abs(h! - 841.89) < 0.01)).toBe(true);
    const counts = wordCounts(pages);
    for (const code of codes) expect(counts.get(code), code).toBe(1);
    // Each card carries the sheet's lines: 21 cards on page 1.
    expect(pages[0]!.split('\n').filter((l) => l === 'Mawingu Networks Ltd')).toHaveLength(21);
    expect(pages[0]).toContain('Daily 5 Mbps\nKES 50.00\nValid for 1 day');
    expect(pages[4]!.split('\n').filter((l) => l === 'KES 50.00')).toHaveLength(100 - 4 * 21);
  });

  it.each([8, 12, 21, 30, 40])('fills %i cards per A4 page', async (cardsPerPage) => {
    const codes = voucherCodes(cardsPerPage + 1);
    const pages = await readPdfText(await renderVoucherSheet(sheetInput({ cardsPerPage, cards: cardsOf(codes) })));
    expect(pages).toHaveLength(2);
    expect(pages[0]!.split('\n').filter((l) => codes.includes(l))).toHaveLength(cardsPerPage);
    expect(pages[1]!.split('\n').filter((l) => codes.includes(l))).toEqual([codes.at(-1)]);
  });

  it('prints a 58 mm roll one card per page, as wide as the paper, every code exactly once', async () => {
    const codes = voucherCodes(40);
    const pdf = await renderVoucherSheet(sheetInput({ layout: 'roll-58', cards: cardsOf(codes) }));
    const pages = await readPdfText(pdf);
    expect(pages).toHaveLength(40);
    const boxes = mediaBoxes(pdf);
    expect(boxes).toHaveLength(40);
    for (const [width, height] of boxes) {
      expect(width! / MM).toBeCloseTo(58, 1);
      expect(height! / MM).toBeGreaterThan(58);
      expect(height! / MM).toBeLessThan(120);
    }
    pages.forEach((text, i) => expect(text.split('\n')).toEqual(['Mawingu Networks Ltd', 'Daily 5 Mbps', 'KES 50.00', 'Valid for 1 day', codes[i]]));
    const counts = wordCounts(pages);
    for (const code of codes) expect(counts.get(code)).toBe(1);
  });

  it('prints an 80 mm roll', async () => {
    const pdf = await renderVoucherSheet(sheetInput({ layout: 'roll-80', cards: cardsOf(voucherCodes(3)) }));
    expect(mediaBoxes(pdf).map(([w]) => Math.round(w! / MM))).toEqual([80, 80, 80]);
  });

  it('prints username and password cards with both, labelled, on the grid and on the roll', async () => {
    const codes = voucherCodes(30);
    for (const layout of ['a4', 'roll-58'] as const) {
      const pages = await readPdfText(await renderVoucherSheet(sheetInput({ layout, cards: cardsOf(codes, 'separate') })));
      const counts = wordCounts(pages);
      for (const code of codes) {
        expect(counts.get(code), code).toBe(1);
        expect(counts.get(`P${code.slice(1)}`), code).toBe(1);
      }
      expect(counts.get('User')).toBe(30);
      expect(counts.get('Pass')).toBe(30);
    }
    const roll = await readPdfText(await renderVoucherSheet(sheetInput({ layout: 'roll-58', cards: cardsOf(codes.slice(0, 1), 'separate') })));
    expect(roll[0]!.split('\n').slice(4)).toEqual(['User', codes[0], 'Pass', `P${codes[0]!.slice(1)}`]);
  });

  it('embeds the logo once, however many cards draw it', async () => {
    const logo = pngDataUrl(64, 32);
    for (const layout of ['a4', 'roll-80'] as const) {
      const few = await renderVoucherSheet(sheetInput({ layout, logo, cards: cardsOf(voucherCodes(2)) }));
      const many = await renderVoucherSheet(sheetInput({ layout, logo, cards: cardsOf(voucherCodes(120)) }));
      // An RGBA PNG is one image and its alpha mask.
      expect(imageObjects(few)).toBe(2);
      expect(imageObjects(many)).toBe(2);
      expect(imageDraws(many, 'I1')).toBe(120);
      expect(await renderVoucherSheet(sheetInput({ layout, cards: cardsOf(voucherCodes(2)) })).then(imageObjects)).toBe(0);
    }
  });

  it('embeds a JPEG logo once too, as the JPEG itself', async () => {
    const pdf = await renderVoucherSheet(sheetInput({ cardsPerPage: 8, logo: JPEG_LOGO, cards: cardsOf(voucherCodes(20)) }));
    expect(imageObjects(pdf)).toBe(1);
    expect(pdf.toString('latin1')).toContain('/Filter /DCTDecode');
    expect(imageDraws(pdf, 'I1')).toBe(20);
  });

  it('keeps the codes whole and cuts a long name with an ellipsis', async () => {
    const long = 'VERYLONGCODE'.repeat(5);
    const tenantName = 'The Extremely Long Company Name Of A Hotspot Operator That Does Not Fit On Any Card';
    const pages = await readPdfText(await renderVoucherSheet(sheetInput({ cardsPerPage: 40, tenantName, cards: [{ username: long, password: null, qrText: 'http://x/login' }] })));
    const lines = pages[0]!.split('\n');
    expect(lines).toContain(long);
    expect(lines[0]).toMatch(/^The Extremely .*…$/);
  });

  it('prints Intl-formatted prices whose spaces are not ASCII', async () => {
    const priceText = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(1500);
    expect(priceText).toMatch(/[\u202f\u00a0]/);
    const pages = await readPdfText(await renderVoucherSheet(sheetInput({ priceText, cards: cardsOf(voucherCodes(1)) })));
    expect(pages[0]).toMatch(/1\s500,00\s€/);
  });

  describe('refuses bad input with an error that says what to change', () => {
    const cards = cardsOf(voucherCodes(2));
    const refused = async (input: unknown, message: RegExp) => {
      const error = await renderVoucherSheet(input as VoucherSheetInput).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PermanentJobError);
      expect((error as Error).message).toMatch(/^cannot print the voucher sheet: |^the tenant logo cannot be printed/);
      expect((error as Error).message).toMatch(message);
    };

    it('an unknown layout', () => refused(sheetInput({ layout: 'letter' as 'a4', cards }), /layout: the sheet layout is one of a4, roll-58, roll-80/));
    it('a card count per A4 page that is not offered', () => refused(sheetInput({ cardsPerPage: 10, cards }), /cardsPerPage: an A4 sheet has 8, 12, 21, 30, 40 cards per page, not 10/));
    it('no vouchers', () => refused(sheetInput({ cards: [] }), /cards: a sheet needs at least one voucher/));
    it('more than 10,000 vouchers', () => refused(sheetInput({ cards: cardsOf(voucherCodes(MAX_SHEET_CARDS + 1)) }), /a sheet holds at most 10,000 vouchers: print the batch in parts/));
    it('a card without a code', () => refused(sheetInput({ cards: [{ username: ' ', password: null, qrText: 'http://x/login' }] }), /cards\.0\.username: a voucher username is empty/));
    it('a price the Latin fonts cannot print', () => refused(sheetInput({ priceText: '₦500', cards }), /priceText: the price has "₦" \(U\+20A6\).*currency code/));
    it('a logo that is not a data URL', () => refused(sheetInput({ logo: 'https://example.net/logo.png', cards }), /logo: the logo is not a base64 image data URL/));
    it('a WebP logo', () => refused(sheetInput({ logo: 'data:image/webp;base64,UklGRiQAAABXRUJQ', cards }), /a image\/webp logo cannot go into a PDF: upload the logo as PNG or JPEG/));
    it('a logo whose bytes are not what it says', () => refused(sheetInput({ logo: `data:image/jpeg;${pngDataUrl(2, 2).split(';')[1]}`, cards }), /the logo says image\/jpeg but its bytes are not/));
    it('a PNG logo with corrupt image data (no crash of the worker thread)', () => refused(sheetInput({ logo: pngDataUrl(8, 8, true), cards }), /the tenant logo cannot be printed \(.*\): upload it again as PNG or JPEG/));
    it('lists a few problems of many, not thousands', () =>
      refused(sheetInput({ cards: Array.from({ length: 500 }, () => ({ username: '', password: null, qrText: '' })) }), /; and \d+ more$/));
  });
});
