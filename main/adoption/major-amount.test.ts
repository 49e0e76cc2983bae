import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyMinorDigits, parseMajorAmount } from './major-amount';

describe('parseMajorAmount', () => {
  it.each([
    ['5000', 0, 5000],
    ['5.000', 0, 5000],
    ['5,000', 0, 5000],
    ['1.000.000', 0, 1_000_000],
    ['Rp 5.000', 0, 5000],
    ['Rp. 5.000', 0, 5000],
    ['5000 UGX', 0, 5000],
    ['US$ 12', 2, 1200],
    ['0.500', 2, 50],
    ['0', 0, 0],
    ['1.50', 2, 150],
    ['$1.50', 2, 150],
    ['10,5', 2, 1050],
    ['1,234.56', 2, 123_456],
    ['1.234,56', 2, 123_456],
    ['1,500', 2, 150_000],
    ['12,34,567', 0, 1_234_567],
    ["1'000", 2, 100_000],
    ['1 000', 0, 1000],
    ['2.500', 3, 2500],
    ['5.00', 0, 5],
    ['7', 2, 700],
  ])('%j with %d decimals → %d', (text, digits, minor) => {
    expect(parseMajorAmount(text, digits)).toBe(minor);
  });

  it.each([
    ['', 2],
    ['free', 2],
    ['-5', 2],
    ['.5', 2],
    ['5.', 2],
    ['1.5', 0],
    ['0.005', 2],
    ['1,2,3', 0],
    ['1000,000', 0],
    ['1.2.3,4,5', 2],
    ['5k', 0],
    ['Rp', 0],
    ['99999999999999999999', 0],
  ])('%j with %d decimals → null', (text, digits) => {
    expect(parseMajorAmount(text, digits)).toBeNull();
  });

  it('reads back what en-US formatting writes, for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom(0, 2, 3), (minor, digits) => {
        const text = (minor / 10 ** digits).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
        // One comma before three digits reads as grouping; a three-decimal currency is the exception.
        expect(parseMajorAmount(text, digits)).toBe(minor);
      }),
    );
  });
});

describe('currencyMinorDigits', () => {
  it('knows the ISO 4217 decimals', () => {
    expect(currencyMinorDigits('USD')).toBe(2);
    expect(currencyMinorDigits('UGX')).toBe(0);
    expect(currencyMinorDigits('IDR')).toBe(0);
    expect(currencyMinorDigits('KWD')).toBe(3);
  });

  it('refuses what is not a currency code, saying what to set', () => {
    expect(() => currencyMinorDigits('usd')).toThrow(/tenant's currency/);
  });
});
