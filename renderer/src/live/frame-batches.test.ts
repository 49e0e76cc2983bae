import { describe, expect, it } from 'vitest';
import { frameBatches } from './frame-batches';

describe('frame batches', () => {
  it('hands over what came in a burst once, in arrival order', async () => {
    const handed: number[][] = [];
    const flushed = new Promise<void>((resolve) => {
      const batches = frameBatches<number>((items) => {
        handed.push(items);
        resolve();
      }, 5);
      for (const n of [1, 2, 3]) batches.push(n);
    });
    await flushed;
    expect(handed).toEqual([[1, 2, 3]]);
  });

  it('hands over at once when asked, and nothing twice', async () => {
    const handed: string[][] = [];
    let later!: () => void;
    const next = new Promise<void>((resolve) => (later = resolve));
    const batches = frameBatches<string>((items) => {
      handed.push(items);
      if (handed.length === 2) later();
    }, 5);
    batches.push('a');
    batches.flush();
    expect(handed).toEqual([['a']]);
    batches.flush();
    batches.push('b');
    await next;
    expect(handed).toEqual([['a'], ['b']]);
  });

  it('drops what waits when discarded', () => {
    const handed: number[][] = [];
    const batches = frameBatches<number>((items) => handed.push(items), 5);
    batches.push(1);
    batches.discard();
    batches.flush();
    expect(handed).toEqual([]);
  });
});
