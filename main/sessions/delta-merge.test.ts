import { describe, expect, it } from 'vitest';
import type { SessionDelta } from './contract';
import { PendingDelta } from './delta-merge';

interface Row {
  key: string;
  a?: number;
  b?: number;
}

/** Applies a delta the way clients do: ended, then started, then updated. */
function apply(rows: Map<string, Row>, delta: SessionDelta<Row>): void {
  for (const key of delta.ended) rows.delete(key);
  for (const row of delta.started) rows.set(row.key, row);
  for (const change of delta.updated) {
    const current = rows.get(change.key);
    if (current) rows.set(change.key, { ...current, ...change });
  }
}

/** A random but valid sequence of deltas against a live set (deterministic seed). */
function randomDeltas(seed: number, count: number): { initial: Map<string, Row>; deltas: SessionDelta<Row>[] } {
  let x = seed;
  const rand = (n: number) => ((x = (x * 1103515245 + 12345) & 0x7fffffff) % n);
  const initial = new Map<string, Row>();
  for (let i = 0; i < 4; i++) initial.set(`k${i}`, { key: `k${i}`, a: 0, b: 0 });
  const live = new Map(initial);
  const deltas: SessionDelta<Row>[] = [];
  for (let i = 0; i < count; i++) {
    const delta: SessionDelta<Row> = { started: [], updated: [], ended: [] };
    const key = `k${rand(8)}`;
    const op = rand(3);
    if (op === 0 && !live.has(key)) delta.started.push({ key, a: rand(100), b: rand(100) });
    else if (op === 1 && live.has(key)) delta.updated.push(rand(2) ? { key, a: rand(100) } : { key, b: rand(100) });
    else if (live.has(key)) delta.ended.push(key);
    apply(live, delta);
    deltas.push(delta);
  }
  return { initial, deltas };
}

describe('PendingDelta', () => {
  it('merged batches have the same effect as applying each delta in turn (500 random runs)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const { initial, deltas } = randomDeltas(seed, 12);
      const stepwise = new Map(initial);
      for (const d of deltas) apply(stepwise, d);
      const pending = new PendingDelta<Row>();
      for (const d of deltas) pending.merge(d);
      const batched = new Map(initial);
      apply(batched, pending.take());
      expect(pending.isEmpty).toBe(true);
      expect([...batched.entries()].sort(), `seed ${seed}`).toEqual([...stepwise.entries()].sort());
    }
  });

  it('drops a row that starts and ends within one batch, and folds updates into a start', () => {
    const pending = new PendingDelta<Row>();
    pending.merge({ started: [{ key: 'x', a: 1 }, { key: 'y', a: 1 }], updated: [], ended: [] });
    pending.merge({ started: [], updated: [{ key: 'y', a: 2 }], ended: ['x'] });
    expect(pending.take()).toEqual({ started: [{ key: 'y', a: 2 }], updated: [], ended: [] });
  });

  it('takes at most the given number of updates and keeps the rest, merged with later changes', () => {
    const pending = new PendingDelta<Row>();
    pending.merge({ started: [], updated: [{ key: 'a', a: 1 }, { key: 'b', a: 1 }, { key: 'c', a: 1 }], ended: [] });
    expect(pending.take(2)).toEqual({ started: [], updated: [{ key: 'a', a: 1 }, { key: 'b', a: 1 }], ended: [] });
    pending.merge({ started: [], updated: [{ key: 'c', b: 2 }], ended: ['d'] });
    expect(pending.take(2)).toEqual({ started: [], updated: [{ key: 'c', a: 1, b: 2 }], ended: ['d'] });
    expect(pending.isEmpty).toBe(true);
  });
});
