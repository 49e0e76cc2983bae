import { describe, expect, it } from 'vitest';
import { ResourcePublishLimit } from './resource-publish-limit';

/** A limit whose publishes are recorded; `until(n)` resolves once n have gone out. */
function recorded(perSecond: number) {
  const published: Array<[number, number]> = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const limit = new ResourcePublishLimit((tenantId, routerId) => {
    published.push([tenantId, routerId]);
    for (const w of waiters) if (published.length >= w.n) w.resolve();
  }, perSecond);
  const until = (n: number) => new Promise<void>((resolve) => (published.length >= n ? resolve() : waiters.push({ n, resolve })));
  return { limit, published, until };
}

describe('resource publish limit', () => {
  it('publishes at once within the rate, then the newest figures of each waiting router once, oldest first', async () => {
    const { limit, published, until } = recorded(20);
    for (let id = 1; id <= 20; id++) limit.offer(1, id);
    expect(published).toHaveLength(20);
    limit.offer(1, 21);
    limit.offer(1, 22);
    limit.offer(1, 21);
    expect(published).toHaveLength(20);
    await until(22);
    expect(published.slice(20)).toEqual([
      [1, 21],
      [1, 22],
    ]);
    limit.stop();
  });

  it('keeps each tenant to its own rate', () => {
    const { limit, published } = recorded(2);
    for (const tenant of [1, 2]) for (const id of [1, 2, 3]) limit.offer(tenant, id);
    expect(published).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ]);
    limit.stop();
  });

  it('forgets a waiting router whose whole status went out meanwhile', async () => {
    const { limit, published, until } = recorded(20);
    for (let id = 1; id <= 20; id++) limit.offer(1, id);
    limit.offer(1, 21);
    limit.published(1, 21);
    limit.offer(1, 22);
    await until(21);
    expect(published[20]).toEqual([1, 22]);
    limit.stop();
  });
});
