import { describe, expect, it } from 'vitest';
import { formatDataSize, parseDataSize, parseRate, quantityInputOf } from './quantity-input';

describe('rate and data size input', () => {
  it('reads RouterOS-style rates exactly', () => {
    expect(parseRate('2M')).toEqual({ ok: true, value: 2_000_000 });
    expect(parseRate('512k')).toEqual({ ok: true, value: 512_000 });
    expect(parseRate('1.5M')).toEqual({ ok: true, value: 1_500_000 });
    expect(parseRate('10 Mbps')).toEqual({ ok: true, value: 10_000_000 });
    expect(parseRate('64000')).toEqual({ ok: true, value: 64_000 });
    expect(parseRate('')).toEqual({ ok: true, value: null });
  });

  it('reads data sizes in decimal units', () => {
    expect(parseDataSize('500M')).toEqual({ ok: true, value: 500_000_000 });
    expect(parseDataSize('1.5 GB')).toEqual({ ok: true, value: 1_500_000_000 });
    expect(parseDataSize('2g')).toEqual({ ok: true, value: 2_000_000_000 });
  });

  it('refuses what is not a quantity or not a whole count', () => {
    for (const text of ['fast', '2X', '-1M', '1.5', '2 MiB']) expect(parseDataSize(text).ok, text).toBe(false);
    expect(parseRate('1.0000001k').ok).toBe(false);
  });

  it('shows counts back with the largest exact prefix', () => {
    expect(quantityInputOf(2_000_000)).toBe('2M');
    expect(quantityInputOf(1_500_000)).toBe('1.5M');
    expect(quantityInputOf(512_000)).toBe('512k');
    expect(quantityInputOf(999)).toBe('999');
    expect(quantityInputOf(null)).toBe('');
    for (const n of [1, 999, 1000, 1_234_567, 5_000_000_000]) expect(parseRate(quantityInputOf(n))).toEqual({ ok: true, value: n });
    expect(formatDataSize(1_500_000_000)).toBe('1.5 GB');
    expect(formatDataSize(500_000_000)).toBe('500 MB');
    expect(formatDataSize(null)).toBe('—');
  });
});
