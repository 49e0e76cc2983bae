import { describe, expect, it } from 'vitest';
import { LiveSessionSet, type LiveRow } from './live-session-set';

interface Row extends LiveRow {
  user: string;
}

const row = (routerId: number, id: number, rateIn = 0, rateOut = 0): Row => ({ key: `${routerId}:*${id}`, routerId, rateIn, rateOut, user: `u${id}` });

/** The totals recomputed from scratch, to check the running ones against. */
function recount(set: LiveSessionSet<Row>): Map<number, { sessions: number; inBps: number; outBps: number }> {
  const totals = new Map<number, { sessions: number; inBps: number; outBps: number }>();
  for (const r of set.list()) {
    const t = totals.get(r.routerId) ?? { sessions: 0, inBps: 0, outBps: 0 };
    t.sessions++;
    t.inBps += r.rateIn;
    t.outBps += r.rateOut;
    totals.set(r.routerId, t);
  }
  return totals;
}

describe('LiveSessionSet', () => {
  it('returns only effective changes: no-op updates and ends of unknown rows vanish', () => {
    const set = new LiveSessionSet<Row>();
    set.apply({ started: [row(1, 1)], updated: [], ended: [] });
    const effective = set.apply({ started: [], updated: [{ key: '1:*1', user: 'u1' }, { key: '1:*1', rateIn: 8 }], ended: ['9:*9'] });
    expect(effective).toEqual({ started: [], updated: [{ key: '1:*1', rateIn: 8 }], ended: [] });
  });

  it('keeps per-router totals equal to a full recount through random starts, updates and ends', () => {
    let x = 7;
    const rand = (n: number) => ((x = (x * 1103515245 + 12345) & 0x7fffffff) % n);
    const set = new LiveSessionSet<Row>();
    for (let step = 0; step < 3_000; step++) {
      const r = row(1 + rand(4), rand(50), rand(1000), rand(1000));
      const op = rand(4);
      if (op === 0) set.apply({ started: [r], updated: [], ended: [] });
      else if (op === 1) set.apply({ started: [], updated: [{ key: r.key, rateIn: r.rateIn, rateOut: r.rateOut }], ended: [] });
      else if (op === 2) set.apply({ started: [], updated: [], ended: [r.key] });
      else if (rand(20) === 0) set.endRouter(r.routerId);
    }
    expect(set.size).toBeGreaterThan(0);
    expect(set.totalsByRouter()).toEqual(recount(set));
  });

  it('ends exactly one router’s sessions when that router goes', () => {
    const set = new LiveSessionSet<Row>();
    set.apply({ started: [row(1, 1, 10), row(1, 2, 20), row(2, 1, 5)], updated: [], ended: [] });
    expect(set.endRouter(1).ended.sort()).toEqual(['1:*1', '1:*2']);
    expect(set.list().map((r) => r.key)).toEqual(['2:*1']);
    expect(set.list(1)).toEqual([]);
    expect(set.totalsByRouter()).toEqual(new Map([[2, { sessions: 1, inBps: 5, outBps: 0 }]]));
  });
});
