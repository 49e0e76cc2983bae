import { describe, expect, it } from 'vitest';
import { cardPriceText, cardValidityText } from './card-texts';

describe('card texts of the print preview', () => {
  it('prints the price with the ISO code and Latin digits', () => {
    // Intl puts a no-break space between code and amount.
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(cardPriceText(5000, 'KES', 'en-KE'))).toBe('KES 50.00');
    expect(plain(cardPriceText(29, 'KES', 'en-KE'))).toBe('KES 0.29');
    expect(plain(cardPriceText(5000, 'EUR', 'de-DE'))).toBe('50,00 EUR');
    // Latin digits even where the locale writes Arabic-Indic ones.
    expect(cardPriceText(5000, 'EGP', 'ar-EG')).toMatch(/EGP[\s\S]*50|50[\s\S]*EGP/);
  });

  it('says the validity in whole units, or the online time', () => {
    expect(cardValidityText({ validitySeconds: 86_400, uptimeLimitSeconds: null })).toBe('1 day');
    expect(cardValidityText({ validitySeconds: 129_600, uptimeLimitSeconds: null })).toBe('36 hours');
    expect(cardValidityText({ validitySeconds: null, uptimeLimitSeconds: 5400 })).toBe('90 minutes online');
    expect(cardValidityText({ validitySeconds: null, uptimeLimitSeconds: null })).toBe('no time limit');
  });
});
