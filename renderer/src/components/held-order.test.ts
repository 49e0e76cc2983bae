import { describe, expect, it } from 'vitest';
import { HeldOrder, holdOrder } from './held-order';

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

describe('HeldOrder', () => {
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const sorted = (rows: Row[]) => [...rows].sort((a, b) => a.rate - b.rate || (a.key < b.key ? -1 : 1));

  it('matches holdOrder render after render through live batches, moves and re-sorts', () => {
    let next = sorted(Array.from({ length: 300 }, (_, i) => row(`k${i}`, rand(1000))));
    const held = new HeldOrder(next, rowKey);
    let expected: readonly Row[] = next;
    let fresh = 300;
    for (let batch = 0; batch < 60; batch++) {
      const rows = [...next];
      // Patches that keep the order (new objects), ends, starts, and now and then a row that moves or a re-sort.
      for (let k = 0; k < 10; k++) {
        const i = rand(rows.length);
        rows[i] = row(rows[i]!.key, rows[i]!.rate);
      }
      for (let k = 0; k < 3; k++) rows.splice(rand(rows.length), 1);
      for (let k = 0; k < 3; k++) rows.push(row(`k${fresh++}`, rand(1000)));
      if (batch % 5 === 0) rows[rand(rows.length)]!.rate = rand(1000);
      if (batch % 17 === 0) for (const r of rows) r.rate = rand(1000);
      next = sorted(rows.map((r) => ({ ...r })).map((r, i) => (batch % 17 === 0 || i % 3 ? r : rows[i]!)));
      expected = holdOrder(expected, next, rowKey);
      const shown = held.update(next);
      expect(shown.map(rowKey)).toEqual(expected.map(rowKey));
      shown.forEach((r, i) => expect(r).toBe(expected[i]));
    }
  });

  it('returns the same array for the same rows, and when nothing changed', () => {
    const rows = [row('a', 1), row('b', 2)];
    const held = new HeldOrder(rows, rowKey);
    const next = [...rows];
    expect(held.update(next)).toBe(rows);
    expect(held.update(next)).toBe(rows);
  });
});
