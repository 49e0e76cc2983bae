import { describe, expect, it } from 'vitest';
import { durationText, priceText, validityText } from './card-texts-contract';

// Intl puts a no-break space between code and amount in some locales: compare with plain spaces.
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('card texts', () => {
  it('prints prices from integer minor units with the currency code, in the tenant’s locale and Latin digits', () => {
    expect(plain(priceText(5_000, 'KES', 'en-KE'))).toBe('KES 50.00');
    expect(plain(priceText(123_456_789, 'EUR', 'de-DE'))).toBe('1.234.567,89 EUR');
    expect(plain(priceText(500, 'JPY', 'ja-JP'))).toBe('JPY 500');
    expect(plain(priceText(1_005, 'KWD', 'en-US'))).toBe('KWD 1.005');
    expect(plain(priceText(7, 'USD', 'en-US'))).toBe('USD 0.07');
    expect(plain(priceText(2_500, 'EGP', 'ar-EG'))).toMatch(/^[^\u0660-\u0669]*25[.,٫]00[^\u0660-\u0669]*$/);
  });

  it('says how long in the largest whole unit', () => {
    expect([86_400, 30 * 86_400, 3_600, 5_400, 90, 1].map(durationText)).toEqual(['1 day', '30 days', '1 hour', '90 minutes', '90 seconds', '1 second']);
    expect(validityText({ validitySeconds: 7 * 86_400, uptimeLimitSeconds: 3_600 })).toBe('7 days');
    expect(validityText({ validitySeconds: null, uptimeLimitSeconds: 7_200 })).toBe('2 hours online');
    expect(validityText({ validitySeconds: null, uptimeLimitSeconds: null })).toBe('no time limit');
  });
});
