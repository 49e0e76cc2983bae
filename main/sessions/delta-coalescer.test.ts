import { describe, expect, it } from 'vitest';
import type { SessionDelta } from './contract';
import { DeltaCoalescer, MAX_UPDATES_PER_BATCH, updatesPerBatch } from './delta-coalescer';

type Row = { key: string; n?: number };

describe('delta coalescer', () => {
  it('sends starts and ends at once and spreads a flood of updates over the next windows', async () => {
    const batches: SessionDelta<Row>[] = [];
    let all!: () => void;
    const done = new Promise<void>((resolve) => (all = resolve));
    const coalescer = new DeltaCoalescer<Row>(
      (_tenant, delta) => {
        batches.push(structuredClone(delta));
        if (batches.reduce((n, b) => n + b.updated.length, 0) === 5) all();
      },
      5,
      () => performance.now(),
      2,
    );
    const updates = ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key, n: 1 }));
    coalescer.push(1, { started: [{ key: 'new' }], updated: updates, ended: ['gone'] });
    await done;
    expect(batches.map((b) => b.updated.map((u) => u.key))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(batches[0]).toMatchObject({ started: [{ key: 'new' }], ended: ['gone'] });
    expect(batches.slice(1).every((b) => b.started.length === 0 && b.ended.length === 0)).toBe(true);
  });

  it('drains everything at once when asked, in capped batches', () => {
    const batches: SessionDelta<Row>[] = [];
    const coalescer = new DeltaCoalescer<Row>((_t, d) => batches.push(d), 50, () => performance.now(), 2);
    coalescer.push(1, { started: [], updated: ['a', 'b', 'c'].map((key) => ({ key, n: 2 })), ended: [] });
    coalescer.drain();
    expect(batches.map((b) => b.updated.length)).toEqual([2, 1]);
  });

  it('caps updates per batch by how many follow the channel, within bounds', () => {
    expect(updatesPerBatch(0)).toBe(MAX_UPDATES_PER_BATCH);
    expect(updatesPerBatch(1)).toBe(MAX_UPDATES_PER_BATCH);
    expect(updatesPerBatch(50)).toBe(500);
    expect(updatesPerBatch(10_000)).toBe(250);
  });
});
