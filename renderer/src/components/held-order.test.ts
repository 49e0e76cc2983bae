import { describe, expect, it } from 'vitest';
import { holdOrder } from './held-order';

interface Row {
  key: string;
  rate: number;
}
const row = (key: string, rate: number): Row => ({ key, rate });
const rowKey = (r: Row) => r.key;

describe('holdOrder', () => {
  it('keeps the previous order with the new values when the sort would move rows', () => {
    const previous = [row('a', 30), row('b', 20), row('c', 10)];
    const next = [row('c', 99), row('a', 30), row('b', 5)];
    expect(holdOrder(previous, next, rowKey)).toEqual([row('a', 30), row('b', 5), row('c', 99)]);
  });

  it('drops rows that went and appends rows that came, in their sorted order', () => {
    const previous = [row('a', 3), row('b', 2), row('c', 1)];
    const next = [row('z', 9), row('c', 1), row('y', 8), row('a', 3)];
    expect(holdOrder(previous, next, rowKey).map(rowKey)).toEqual(['a', 'c', 'z', 'y']);
  });

  it('returns the previous array itself when nothing changed, so memoized rows skip rendering', () => {
    const previous = [row('a', 1), row('b', 2)];
    expect(holdOrder(previous, [previous[1]!, previous[0]!], rowKey)).toBe(previous);
  });
});
