import { z } from 'zod';
import { LOGO_MAX_BYTES } from '../tenants/tenant-settings-contract';

/**
 * What a voucher sheet PDF is made of (issue 11, "Print"). Types, constants and the input schema
 * only, no Node imports: the renderer's print dialog and preview use the same choices as the
 * worker that draws the PDF (workers/voucher-sheet/).
 */

/** An A4 grid with cut lines, or a 58 mm / 80 mm thermal roll with one card per page. */
export const SHEET_LAYOUTS = ['a4', 'roll-58', 'roll-80'] as const;
export type SheetLayout = (typeof SHEET_LAYOUTS)[number];

/** Cards per A4 page the print dialog offers; each maps to a grid in A4_GRIDS. */
export const A4_CARDS_PER_PAGE = [8, 12, 21, 30, 40] as const;
export type A4CardsPerPage = (typeof A4_CARDS_PER_PAGE)[number];

/**
 * Columns × rows of each A4 choice, filled row by row. 21 (3 × 7) and 30 (3 × 10) match the
 * common self-adhesive label sheets, so a shop can print vouchers as stickers; 40 is the
 * smallest card whose QR code still scans from a phone (about 19 mm wide).
 */
export const A4_GRIDS: Readonly<Record<A4CardsPerPage, { columns: number; rows: number }>> = {
  8: { columns: 2, rows: 4 },
  12: { columns: 3, rows: 4 },
  21: { columns: 3, rows: 7 },
  30: { columns: 3, rows: 10 },
  40: { columns: 4, rows: 10 },
};

export const MAX_SHEET_CARDS = 10_000;
/** RouterOS takes longer names, but a code past this no longer fits a card legibly. */
const MAX_CODE_CHARS = 64;
/** A longer login URL makes a denser QR code than a 19 mm square prints readably. */
const MAX_QR_TEXT_CHARS = 512;

export interface VoucherCard {
  username: string;
  /** null: the password is the username, and the card prints one code. */
  password: string | null;
  /** The hotspot login URL with the credentials (main/vouchers/login-url.ts). */
  qrText: string;
}

export interface VoucherSheetInput {
  layout: SheetLayout;
  /** A4 only: one of A4_CARDS_PER_PAGE. A roll prints one card per page whatever this says. */
  cardsPerPage: number;
  tenantName: string;
  /** The tenant's logo as tenant settings store it (a data URL), PNG or JPEG; null for none. */
  logo: string | null;
  planName: string;
  /** Already formatted with the currency, e.g. "KES 50.00". */
  priceText: string;
  /** e.g. "1 day", "30 days". */
  validityText: string;
  cards: VoucherCard[];
}

/**
 * The sheet's fonts are the PDF standard fonts (nothing to embed, text stays extractable), which
 * print Windows-1252: Latin-1 plus these. Anything else would print as a wrong glyph, so it is
 * refused with the character named.
 */
const WIN_ANSI_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const printable = (c: string) => (c >= ' ' && c <= '~') || (c >= '\u00a0' && c <= '\u00ff') || WIN_ANSI_EXTRAS.includes(c);
/** Intl number and date formats use narrow and thin spaces (fr-FR "1 000 €"): print them as spaces. */
const UNICODE_SPACES = /[\u2000-\u200a\u202f\u205f\u3000]/g;

const printableText = (what: string, max: number, hint: string) =>
  z
    .string()
    .transform((v) => v.replace(UNICODE_SPACES, ' ').trim())
    .pipe(z.string().min(1, `${what} is empty: ${hint}`).max(max, `${what} has more than ${max} characters: shorten it`))
    .superRefine((v, ctx) => {
      const bad = [...v].find((c) => !printable(c));
      if (bad !== undefined) {
        const code = `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        ctx.addIssue({ code: 'custom', message: `${what} has "${bad}" (${code}), which the sheet's Latin fonts cannot print: ${hint}` });
      }
    });

const code = (what: string) => printableText(what, MAX_CODE_CHARS, 'use letters, digits and Latin punctuation');

/** Base64 of the first bytes of each format the PDF can embed (PNG signature, JPEG SOI marker). */
const LOGO_FORMATS: Record<string, string> = { 'image/png': 'iVBORw0KGgo', 'image/jpeg': '/9j/' };
const LOGO_MAX_CHARS = Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 32;
const DATA_URL = /^data:(image\/[a-z+.-]+);base64,([A-Za-z0-9+/]+={0,2})$/;

const logo = z
  .string()
  .max(LOGO_MAX_CHARS, `the logo is larger than ${LOGO_MAX_BYTES / 1024} KiB: upload a smaller one in the tenant settings`)
  .superRefine((v, ctx) => {
    const match = DATA_URL.exec(v);
    const type = match?.[1];
    const signature = type === undefined ? undefined : LOGO_FORMATS[type];
    if (!match || type === undefined) {
      ctx.addIssue({ code: 'custom', message: 'the logo is not a base64 image data URL (data:image/png;base64,…): upload it again in the tenant settings' });
    } else if (signature === undefined) {
      ctx.addIssue({ code: 'custom', message: `a ${type} logo cannot go into a PDF: upload the logo as PNG or JPEG in the tenant settings` });
    } else if (!match[2]!.startsWith(signature)) {
      ctx.addIssue({ code: 'custom', message: `the logo says ${type} but its bytes are not: upload it again as PNG or JPEG in the tenant settings` });
    }
  });

const voucherCard: z.ZodType<VoucherCard> = z
  .object({
    username: code('a voucher username'),
    password: code('a voucher password').nullable(),
    qrText: z.string().min(1, 'a voucher has no QR text: give its hotspot login URL').max(MAX_QR_TEXT_CHARS, `a QR text has more than ${MAX_QR_TEXT_CHARS} characters: use a shorter hotspot address`),
  })
  .strict();

/** The boundary check of a sheet; each error says what to change. */
export const voucherSheetInput: z.ZodType<VoucherSheetInput> = z
  .object({
    layout: z.enum(SHEET_LAYOUTS, { error: `the sheet layout is one of ${SHEET_LAYOUTS.join(', ')}` }),
    cardsPerPage: z.number().int(),
    tenantName: printableText('the tenant name', 100, 'rename the tenant in Latin letters to print vouchers'),
    logo: logo.nullable(),
    planName: printableText('the plan name', 100, 'rename the plan in Latin letters to print vouchers'),
    priceText: printableText('the price', 40, 'format it with the currency code (KES 50.00) instead of a symbol'),
    validityText: printableText('the validity', 40, 'write it in Latin letters (1 day, 30 days)'),
    cards: z
      .array(voucherCard)
      .min(1, 'a sheet needs at least one voucher: choose a batch that has some')
      .max(MAX_SHEET_CARDS, `a sheet holds at most ${MAX_SHEET_CARDS.toLocaleString('en')} vouchers: print the batch in parts`),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.layout === 'a4' && !(A4_CARDS_PER_PAGE as readonly number[]).includes(v.cardsPerPage)) {
      ctx.addIssue({ code: 'custom', path: ['cardsPerPage'], message: `an A4 sheet has ${A4_CARDS_PER_PAGE.join(', ')} cards per page, not ${v.cardsPerPage}` });
    }
  });

/** How many pages a valid input prints: a grid of cards per A4 page, one card per roll page. */
export function sheetPageCount(input: Pick<VoucherSheetInput, 'layout' | 'cardsPerPage' | 'cards'>): number {
  return input.layout === 'a4' ? Math.ceil(input.cards.length / input.cardsPerPage) : input.cards.length;
}
