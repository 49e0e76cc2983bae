import { describe, expect, it } from 'vitest';
import type { HotspotSession, SessionDelta } from '../../../main/sessions/contract';
import { hotspotSortKeys } from '../views/online-users/hotspot-store';
import { applyDelta, rowsFromSnapshot, type KeyedRows, type Stamped } from './keyed-rows';
import { createSortedView, type ViewSpec } from './sorted-view';
import { hotspotSession } from './test-sessions';

const searchFields = ['user', 'routerName', 'address', 'macAddress'] as const;
const spec = (over: Partial<ViewSpec> = {}): ViewSpec => ({ sortColumn: 'user', sortDirection: 'asc', routerId: null, text: '', ...over });
const view = () => createSortedView({ sortKeys: hotspotSortKeys, searchFields: [...searchFields] });
const users = (rows: Array<{ user: string }>) => rows.map((r) => r.user);

describe('sorted view', () => {
  const base = [hotspotSession(10, { user: 'user10' }), hotspotSession(2, { user: 'user2' }), hotspotSession(1, { user: 'User1' })];

  it('sorts text naturally and case-insensitively, both directions', () => {
    const live = rowsFromSnapshot(base, 0, 0);
    expect(users(view().select(live, spec()))).toEqual(['User1', 'user2', 'user10']);
    expect(users(view().select(live, spec({ sortDirection: 'desc' })))).toEqual(['user10', 'user2', 'User1']);
  });

  it('sorts numbers numerically, unknown values last, equal values by key', () => {
    const rows = [
      hotspotSession(1, { bytesIn: 100, sessionTimeLeftSeconds: null }),
      hotspotSession(2, { bytesIn: 9, sessionTimeLeftSeconds: 50 }),
      hotspotSession(3, { bytesIn: 100, sessionTimeLeftSeconds: 10 }),
    ];
    const live = rowsFromSnapshot(rows, 0, 0);
    expect(view().select(live, spec({ sortColumn: 'bytesIn' })).map((r) => r.key)).toEqual([rows[1]!.key, rows[0]!.key, rows[2]!.key]);
    expect(view().select(live, spec({ sortColumn: 'bytesIn', sortDirection: 'desc' })).map((r) => r.key)).toEqual([rows[0]!.key, rows[2]!.key, rows[1]!.key]);
    expect(view().select(live, spec({ sortColumn: 'timeLeft', sortDirection: 'desc' })).map((r) => r.key)).toEqual([rows[1]!.key, rows[2]!.key, rows[0]!.key]);
  });

  it('sorts uptime by estimated start, so rows seen at different times compare fairly', () => {
    const a = hotspotSession(1, { uptimeSeconds: 100 });
    const b = hotspotSession(2, { uptimeSeconds: 50 });
    // b was seen 60 s later, so it has been up 50 s while a has been up 160 s by then... a is older.
    let live = rowsFromSnapshot([a], 0, 0);
    live = applyDelta(live, { ended: [], started: [b], updated: [] }, 60_000);
    expect(view().select(live, spec({ sortColumn: 'uptime', sortDirection: 'desc' })).map((r) => r.key)).toEqual([a.key, b.key]);
  });

  it('filters by router and by free text over the searchable fields', () => {
    const rows = Array.from({ length: 20 }, (_, i) => hotspotSession(i));
    const live = rowsFromSnapshot(rows, 0, 0);
    const router2 = view().select(live, spec({ routerId: 2 }));
    expect(router2.length).toBe(4);
    expect(router2.every((r) => r.routerId === 2)).toBe(true);
    expect(users(view().select(live, spec({ text: 'USER1' })))).toEqual(['user1', 'user10', 'user11', 'user12', 'user13', 'user14', 'user15', 'user16', 'user17', 'user18', 'user19']);
    expect(users(view().select(live, spec({ text: '10.0.0.7' })))).toEqual(['user7']);
    expect(view().select(live, spec({ text: '02:00:00:00:00:0c', routerId: 3 })).map((r) => r.user)).toEqual(['user12']);
  });

  it('returns the same array for the same set and spec', () => {
    const v = view();
    const live = rowsFromSnapshot(base, 0, 0);
    expect(v.select(live, spec())).toBe(v.select(live, spec()));
  });

  it('patches the previous order on a delta that does not touch the sort or filter fields (same result as a full sort)', () => {
    const v = view();
    let live = rowsFromSnapshot(Array.from({ length: 200 }, (_, i) => hotspotSession(i)), 0, 0);
    const s = spec({ text: 'user' });
    const before = v.select(live, s);
    live = applyDelta(
      live,
      {
        ended: [hotspotSession(5).key, hotspotSession(7).key],
        started: [hotspotSession(7, { user: 'user7b' }), hotspotSession(1000), hotspotSession(1001, { user: 'nobody' })],
        updated: [{ key: hotspotSession(9).key, bytesIn: 1, rateIn: 2 }],
      },
      1000,
    );
    const after = v.select(live, s);
    expect(after).not.toBe(before);
    expect(after).toEqual(view().select(live, s));
    expect(after.find((r) => r.key === hotspotSession(9).key)!.bytesIn).toBe(1);
    expect(users(after)).toContain('user7b');
    expect(users(after)).not.toContain('nobody');
  });

  it('matches a full sort after every batch of a random churn run, for every column and filter', () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const specs = Object.keys(hotspotSortKeys).flatMap((c) => [spec({ sortColumn: c }), spec({ sortColumn: c, sortDirection: 'desc', routerId: 3, text: '1' })]);
    const views = specs.map(() => view());
    let live: KeyedRows<HotspotSession> = rowsFromSnapshot(Array.from({ length: 300 }, (_, i) => hotspotSession(i)), 0, 0);
    let next = 300;
    for (let batch = 0; batch < 40; batch++) {
      const keys = [...live.rows.keys()];
      const delta: SessionDelta<HotspotSession> = { ended: [], started: [], updated: [] };
      for (let i = 0; i < 5; i++) delta.ended.push(keys[rand(keys.length)]!);
      for (let i = 0; i < 5; i++) delta.started.push(hotspotSession(next++));
      if (batch % 3 === 0) delta.started.push(hotspotSession(rand(300), { user: `again${batch}` }));
      for (let i = 0; i < 20; i++) {
        const key = keys[rand(keys.length)]!;
        delta.updated.push(batch % 4 === 0 ? { key, user: `renamed${rand(1000)}`, uptimeSeconds: rand(9999) } : { key, bytesIn: rand(1e9), rateOut: rand(1e6) });
      }
      live = applyDelta(live, delta, batch * 1000);
      specs.forEach((s, i) => expect(views[i]!.select(live, s).map((r) => r.key)).toEqual(view().select(live, s).map((r) => r.key)));
    }
  });

  it('follows filter changes on one view (typing on, deleting, another router) between live batches, as a full sort would', () => {
    const v = view();
    let live: KeyedRows<HotspotSession> = rowsFromSnapshot(Array.from({ length: 300 }, (_, i) => hotspotSession(i)), 0, 0);
    const steps = ['', 'u', 'us', 'user', 'user1', 'user12', 'user1', 'user', '', 'USER2', '10.0.0', '10.0.1'].flatMap((text) => [
      spec({ text }),
      spec({ text, routerId: 2 }),
      spec({ text, sortColumn: 'bytesIn', sortDirection: 'desc' }),
    ]);
    let next = 300;
    steps.forEach((s, i) => {
      if (i % 2 === 1) {
        const keys = [...live.rows.keys()];
        const updated = keys.slice(i, i + 10).map((key, j) => (i % 4 === 1 ? { key, bytesIn: i * 100 + j } : { key, rateIn: j }));
        live = applyDelta(live, { ended: keys.slice(i + 20, i + 22), started: [hotspotSession(next++), hotspotSession(next++, { user: 'user12x' })], updated }, i * 1000);
      }
      expect(v.select(live, s).map((r) => r.key)).toEqual(view().select(live, s).map((r) => r.key));
    });
  });

  it('narrows the rows shown as a filter gets stricter, and widens it again without sorting (counts sort-value reads)', () => {
    let reads = 0;
    const counted = createSortedView<Stamped<HotspotSession>>({
      sortKeys: { user: { kind: 'text', value: (r) => (reads++, r.user), fields: ['user'] } },
      searchFields: ['user'],
    });
    const live = rowsFromSnapshot(Array.from({ length: 2000 }, (_, i) => hotspotSession(i)), 0, 0);
    counted.select(live, spec({ text: 'u' }));
    reads = 0;
    for (const text of ['us', 'use', 'user1', 'user12', 'user1', '', 'user7']) {
      expect(counted.select(live, spec({ text })).map((r) => r.key)).toEqual(view().select(live, spec({ text })).map((r) => r.key));
    }
    expect(reads).toBe(0);
  });

  it('prepares the search text of rows in slices, and says when every row has it', () => {
    const v = view();
    let live: KeyedRows<HotspotSession> = rowsFromSnapshot(Array.from({ length: 25 }, (_, i) => hotspotSession(i)), 0, 0);
    expect(v.prepareSearch(live, 10)).toBe(false);
    expect(v.prepareSearch(live, 10)).toBe(false);
    expect(v.prepareSearch(live, 10)).toBe(true);
    live = applyDelta(live, { ended: [], started: [hotspotSession(99)], updated: [] }, 1);
    expect(v.prepareSearch(live, 0)).toBe(false);
    expect(v.prepareSearch(live, 1)).toBe(true);
    expect(users(v.select(live, spec({ text: 'user99' })))).toEqual(['user99']);
  });

  it('does not sort again for a batch that moves no row (counts sort-value reads)', () => {
    let reads = 0;
    const counted = createSortedView<Stamped<HotspotSession>>({
      sortKeys: { user: { kind: 'text', value: (r) => (reads++, r.user), fields: ['user'] } },
      searchFields: ['user'],
    });
    let live: KeyedRows<HotspotSession> = rowsFromSnapshot(Array.from({ length: 2000 }, (_, i) => hotspotSession(i)), 0, 0);
    counted.select(live, spec());
    const keys = [...live.rows.keys()];
    reads = 0;
    live = applyDelta(live, { ended: keys.slice(0, 3), started: [hotspotSession(5000)], updated: keys.slice(10, 110).map((key) => ({ key, bytesIn: 1 })) }, 1);
    const rows = counted.select(live, spec());
    expect(rows).toHaveLength(1998);
    // A full sort of 2,000 rows reads 2,000+ values; patching reads about (3 + 100 + 1) × log2(2000) × 2.
    expect(reads).toBeLessThan(2 * 104 * 12);
    expect(rows.map((r) => r.key)).toEqual(view().select(live, spec()).map((r) => r.key));
  });
});
