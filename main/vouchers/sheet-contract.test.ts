import { describe, expect, it } from 'vitest';
import { A4_CARDS_PER_PAGE, A4_GRIDS, sheetPageCount, voucherSheetInput, type VoucherSheetInput } from './sheet-contract';

const input = (overrides: Partial<VoucherSheetInput> = {}): VoucherSheetInput => ({
  layout: 'a4',
  cardsPerPage: 21,
  tenantName: 'Mawingu Networks Ltd',
  logo: null,
  planName: 'Daily',
  priceText: 'KES 50.00',
  validityText: '1 day',
  cards: [{ username: 'AB7K9Q', password: null, qrText: 'http://wifi.lan/login?username=AB7K9Q&password=AB7K9Q' }],
  ...overrides,
});

describe('voucher sheet types', () => {
  it('has a grid for every A4 choice, holding exactly that many cards', () => {
    for (const n of A4_CARDS_PER_PAGE) expect(A4_GRIDS[n].columns * A4_GRIDS[n].rows).toBe(n);
  });

  it('counts pages: a grid per A4 page, a card per roll page', () => {
    const cards = input().cards;
    const many = Array.from({ length: 43 }, () => cards[0]!);
    expect(sheetPageCount({ layout: 'a4', cardsPerPage: 21, cards: many })).toBe(3);
    expect(sheetPageCount({ layout: 'a4', cardsPerPage: 40, cards: many.slice(0, 40) })).toBe(1);
    expect(sheetPageCount({ layout: 'roll-58', cardsPerPage: 21, cards: many })).toBe(43);
  });

  it('accepts a valid sheet, printing Intl spaces as spaces; a roll ignores cardsPerPage', () => {
    const parsed = voucherSheetInput.parse(input({ priceText: ' 1\u202f500,00\u00a0€ ' }));
    expect(parsed.priceText).toBe('1 500,00\u00a0€');
    expect(voucherSheetInput.safeParse(input({ layout: 'roll-80', cardsPerPage: 0 })).success).toBe(true);
  });

  it('accepts PNG and JPEG logos and refuses anything else with the fix named', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==';
    const jpeg = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==';
    expect(voucherSheetInput.safeParse(input({ logo: png })).success).toBe(true);
    expect(voucherSheetInput.safeParse(input({ logo: jpeg })).success).toBe(true);
    const refusal = (logo: string) => voucherSheetInput.safeParse(input({ logo })).error?.issues[0]?.message;
    expect(refusal('data:image/gif;base64,R0lGODlhAQABAAAAACw=')).toMatch(/image\/gif logo cannot go into a PDF: upload the logo as PNG or JPEG/);
    expect(refusal('data:image/png;base64,/9j/4AAQSkZJRgABAQ==')).toMatch(/says image\/png but its bytes are not/);
    expect(refusal('data:image/png,not-base64')).toMatch(/not a base64 image data URL/);
    expect(refusal(`data:image/png;base64,${'A'.repeat(100_000)}`)).toMatch(/larger than 64 KiB/);
  });

  it('refuses unknown fields, so a misspelt option is not silently ignored', () => {
    expect(voucherSheetInput.safeParse({ ...input(), cardsPerPages: 8 }).success).toBe(false);
  });
});
