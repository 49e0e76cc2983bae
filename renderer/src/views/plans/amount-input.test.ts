import { describe, expect, it } from 'vitest';
import { amountInputOf, minorDigits, parseAmount } from './amount-input';

const KES = { locale: 'en-KE', currency: 'KES' };
const EUR_DE = { locale: 'de-DE', currency: 'EUR' };
const JPY = { locale: 'ja-JP', currency: 'JPY' };

describe('amount input', () => {
  it('turns a decimal string into exact minor units', () => {
    expect(parseAmount('50', KES)).toEqual({ ok: true, value: 5000 });
    expect(parseAmount('1,500.50', KES)).toEqual({ ok: true, value: 150050 });
    // The float path gives 28.999999999999996 here.
    expect(parseAmount('0.29', KES)).toEqual({ ok: true, value: 29 });
    expect(parseAmount('1.1', KES)).toEqual({ ok: true, value: 110 });
    expect(parseAmount(' 12. ', KES)).toEqual({ ok: true, value: 1200 });
  });

  it('reads the tenant locale’s separators', () => {
    expect(parseAmount('1.500,50', EUR_DE)).toEqual({ ok: true, value: 150050 });
    expect(parseAmount('0,29', EUR_DE)).toEqual({ ok: true, value: 29 });
    expect(parseAmount('1 500,5', { locale: 'fr-FR', currency: 'EUR' })).toEqual({ ok: true, value: 150050 });
  });

  it('refuses more decimals than the currency has, and text that is no amount', () => {
    expect(parseAmount('1.005', KES)).toMatchObject({ ok: false, message: expect.stringContaining('at most 2 decimals') });
    expect(parseAmount('100.5', JPY)).toMatchObject({ ok: false, message: expect.stringContaining('no minor units') });
    expect(parseAmount('-5', KES).ok).toBe(false);
    expect(parseAmount('5e3', KES).ok).toBe(false);
    expect(parseAmount('', KES).ok).toBe(false);
    expect(parseAmount('99999999999999999999', KES)).toMatchObject({ ok: false, message: 'that amount is too large' });
  });

  it('shows minor units back without the currency, losslessly', () => {
    expect(minorDigits(KES)).toBe(2);
    expect(minorDigits(JPY)).toBe(0);
    expect(amountInputOf(150050, KES)).toBe('1500.50');
    expect(amountInputOf(5, KES)).toBe('0.05');
    expect(amountInputOf(150050, EUR_DE)).toBe('1500,50');
    expect(amountInputOf(150050, EUR_DE, true)).toBe('1.500,50');
    expect(amountInputOf(1500, JPY)).toBe('1500');
    for (const minor of [0, 1, 29, 110, 150050, 123456789]) expect(parseAmount(amountInputOf(minor, EUR_DE), EUR_DE)).toEqual({ ok: true, value: minor });
  });
});
