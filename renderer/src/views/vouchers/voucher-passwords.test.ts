import { describe, expect, it } from 'vitest';
import { toCsv } from '../../components/csv';
import { passwordsFromCsv } from './voucher-passwords';

describe('voucher passwords from the export', () => {
  it('reads the password of each code, wherever the columns are', () => {
    const csv = toCsv(['Plan', 'Password', 'Code', 'State'], [
      ['1 Day', 'p,w"1', 'AB12CD', 'unused'],
      ['1 Day', 'x9y8z7', 'EF34GH', 'active'],
    ]);
    expect(passwordsFromCsv(csv)).toEqual(new Map([['AB12CD', 'p,w"1'], ['EF34GH', 'x9y8z7']]));
  });

  it('finds nothing in a CSV without the columns', () => {
    expect(passwordsFromCsv('code,state\nAB12CD,unused\n').size).toBe(0);
    expect(passwordsFromCsv('').size).toBe(0);
  });
});
