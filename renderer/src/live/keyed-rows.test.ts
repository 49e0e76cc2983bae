import { describe, expect, it } from 'vitest';
import { applyDelta, applyDeltas, emptyRows, rowsFromSnapshot } from './keyed-rows';
import { createSortedView } from './sorted-view';
import { hotspotSortKeys } from '../views/online-users/hotspot-store';
import { hotspotSession } from './test-sessions';

describe('keyed rows', () => {
  it('replaces the whole set on a snapshot and bumps the revision', () => {
    const first = rowsFromSnapshot([hotspotSession(1), hotspotSession(2)], 0, 1000);
    const second = rowsFromSnapshot([hotspotSession(3)], first.revision, 2000);
    expect([...second.rows.keys()]).toEqual([hotspotSession(3).key]);
    expect(second.revision).toBe(2);
    expect(second.lastChange).toBeNull();
    expect(second.rows.get(hotspotSession(3).key)!.seenAt).toBe(2000);
  });

  it('applies the batches of one frame as one revision, in order, and a view patched by it matches a full sort', () => {
    const [a, b, c] = [hotspotSession(1), hotspotSession(2), hotspotSession(3)];
    const view = createSortedView({ sortKeys: hotspotSortKeys, searchFields: ['user'] });
    const spec = { sortColumn: 'user', sortDirection: 'asc' as const, routerId: null, text: '' };
    const live = rowsFromSnapshot([a, b, c], 0, 1000);
    view.select(live, spec);
    const next = applyDeltas(
      live,
      [
        { ended: [a.key], started: [hotspotSession(4), hotspotSession(5)], updated: [{ key: b.key, bytesIn: 7 }] },
        // 4 ends again, 1 comes back as a new session, 5 gets a patch, 2 another one.
        { ended: [hotspotSession(4).key], started: [hotspotSession(1, { user: 'alice' })], updated: [{ key: hotspotSession(5).key, rateIn: 9 }, { key: b.key, bytesIn: 8 }] },
      ],
      2000,
    );
    expect(next.revision).toBe(2);
    expect([...next.rows.keys()].sort()).toEqual([a.key, b.key, c.key, hotspotSession(5).key].sort());
    expect(next.rows.get(b.key)!.bytesIn).toBe(8);
    expect(next.rows.get(a.key)!.user).toBe('alice');
    expect(next.lastChange!.fields).toEqual(new Set(['bytesIn', 'rateIn']));
    const fresh = createSortedView({ sortKeys: hotspotSortKeys, searchFields: ['user'] });
    expect(view.select(next, spec).map((r) => r.key)).toEqual(fresh.select(next, spec).map((r) => r.key));
  });

  it('applies ended, then started, then updated — a key ended and restarted in one batch is the new session', () => {
    const old = hotspotSession(1, { user: 'alice', bytesIn: 10 });
    const live = rowsFromSnapshot([old, hotspotSession(2)], 0, 1000);
    const next = applyDelta(
      live,
      {
        ended: [old.key, hotspotSession(2).key],
        started: [hotspotSession(1, { user: 'bob', bytesIn: 0 })],
        updated: [{ key: old.key, bytesIn: 500 }],
      },
      2000,
    );
    expect(next.rows.size).toBe(1);
    expect(next.rows.get(old.key)).toMatchObject({ user: 'bob', bytesIn: 500, seenAt: 2000 });
    expect(next.lastChange).toMatchObject({ revision: 2, started: [old.key], ended: [old.key, hotspotSession(2).key], updated: [old.key] });
    expect([...next.lastChange!.fields]).toEqual(['bytesIn']);
  });

  it('never mutates a row object: a patch makes a new one, so memoized rows see the change', () => {
    const live = rowsFromSnapshot([hotspotSession(1)], 0, 1000);
    const before = live.rows.get(hotspotSession(1).key)!;
    const next = applyDelta(live, { ended: [], started: [hotspotSession(2)], updated: [{ key: hotspotSession(1).key, rateIn: 9 }] }, 2000);
    expect(next.revision).toBe(live.revision + 1);
    expect(next.rows.get(hotspotSession(1).key)).not.toBe(before);
    expect(next.rows.get(hotspotSession(1).key)!.rateIn).toBe(9);
    expect(before.rateIn).toBe(hotspotSession(1).rateIn);
  });

  it('drops patches for unknown keys and restamps seenAt only when uptime changes', () => {
    const s = hotspotSession(1);
    const live = rowsFromSnapshot([s], 0, 1000);
    const a = applyDelta(live, { ended: [], started: [], updated: [{ key: 'nope', bytesIn: 1 }, { key: s.key, bytesIn: 7 }] }, 2000);
    expect(a.rows.has('nope')).toBe(false);
    expect(a.rows.get(s.key)!.seenAt).toBe(1000);
    const b = applyDelta(a, { ended: [], started: [], updated: [{ key: s.key, uptimeSeconds: 99 }] }, 3000);
    expect(b.rows.get(s.key)).toMatchObject({ uptimeSeconds: 99, seenAt: 3000, bytesIn: 7 });
  });

  it('starts empty at revision 0', () => {
    expect(emptyRows().rows.size).toBe(0);
    expect(emptyRows().revision).toBe(0);
  });
});
