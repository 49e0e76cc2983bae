import { describe, expect, it } from 'vitest';
import { naturalCompare } from './natural-compare';

const sorted = (values: string[]) => [...values].sort(naturalCompare);

describe('naturalCompare', () => {
  it('compares digit runs as numbers', () => {
    expect(sorted(['user10', 'user2', 'user1', 'user'])).toEqual(['user', 'user1', 'user2', 'user10']);
    expect(sorted(['10.0.0.12', '10.0.0.7', '10.0.1.1', '9.9.9.9'])).toEqual(['9.9.9.9', '10.0.0.7', '10.0.0.12', '10.0.1.1']);
  });
  it('is a total order: equal only for equal strings', () => {
    expect(naturalCompare('a01', 'a1')).not.toBe(0);
    expect(Math.sign(naturalCompare('a01', 'a1'))).toBe(-Math.sign(naturalCompare('a1', 'a01')));
    expect(naturalCompare('abc', 'abc')).toBe(0);
    expect(naturalCompare('ab', 'abc')).toBeLessThan(0);
  });
  it('orders plain text by code unit', () => {
    expect(sorted(['bob', 'alice', 'carol'])).toEqual(['alice', 'bob', 'carol']);
  });
});
