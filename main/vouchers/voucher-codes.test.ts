import { describe, expect, it } from 'vitest';
import { CODE_ALPHABETS, drawPassword } from './voucher-codes';

describe('voucher codes', () => {
  it('leave out the characters people misread on a card', () => {
    expect(CODE_ALPHABETS.digits).toBe('23456789');
    expect(CODE_ALPHABETS.letters).toHaveLength(23);
    expect(CODE_ALPHABETS.mixed).toBe(CODE_ALPHABETS.digits + CODE_ALPHABETS.letters);
    for (const alphabet of Object.values(CODE_ALPHABETS)) expect(alphabet).not.toMatch(/[01ILO]/);
    expect(new Set(CODE_ALPHABETS.mixed).size).toBe(CODE_ALPHABETS.mixed.length);
  });

  it('draw separate passwords as digits of the code’s length, from the whole digit set', () => {
    const passwords = Array.from({ length: 400 }, () => drawPassword(7));
    for (const p of passwords) expect(p).toMatch(/^[2-9]{7}$/);
    expect(new Set(passwords.join(''))).toEqual(new Set(CODE_ALPHABETS.digits));
  });
});
