import { beforeEach, describe, expect, it } from 'vitest';
import { hotspotSession } from '../../live/test-sessions';
import { hotspotActions, hotspotSelectors, resetHotspotStore, useHotspotStore } from './hotspot-store';

const state = () => useHotspotStore.getState();
const visibleKeys = () => hotspotSelectors.visibleRows(state()).map((r) => r.key);

describe('hotspot store', () => {
  beforeEach(resetHotspotStore);

  it('loads a snapshot, then lives on deltas', () => {
    expect(hotspotSelectors.loaded(state())).toBe(false);
    hotspotActions.snapshot([hotspotSession(1), hotspotSession(2)]);
    expect(hotspotSelectors.loaded(state())).toBe(true);
    expect(hotspotSelectors.totalCount(state())).toBe(2);
    hotspotActions.delta({ ended: [hotspotSession(1).key], started: [hotspotSession(3)], updated: [{ key: hotspotSession(2).key, rateIn: 5 }] });
    expect(visibleKeys()).toEqual([hotspotSession(2).key, hotspotSession(3).key]);
    expect(hotspotSelectors.visibleRows(state())[0]!.rateIn).toBe(5);
  });

  it('flips the direction on the same column and picks a sensible first direction on a new one', () => {
    expect(hotspotSelectors.spec(state())).toMatchObject({ sortColumn: 'user', sortDirection: 'asc' });
    hotspotActions.sortBy('user');
    expect(hotspotSelectors.spec(state())).toMatchObject({ sortColumn: 'user', sortDirection: 'desc' });
    hotspotActions.sortBy('rateIn');
    expect(hotspotSelectors.spec(state())).toMatchObject({ sortColumn: 'rateIn', sortDirection: 'desc' });
    hotspotActions.sortBy('address');
    expect(hotspotSelectors.spec(state())).toMatchObject({ sortColumn: 'address', sortDirection: 'asc' });
    hotspotActions.sortBy('no-such-column');
    expect(hotspotSelectors.spec(state()).sortColumn).toBe('address');
  });

  it('filters by router and text through the spec', () => {
    hotspotActions.snapshot(Array.from({ length: 10 }, (_, i) => hotspotSession(i)));
    hotspotActions.filterRouter(2);
    expect(hotspotSelectors.visibleRows(state()).map((r) => r.user)).toEqual(['user1', 'user6']);
    hotspotActions.filterText('6');
    expect(hotspotSelectors.visibleRows(state()).map((r) => r.user)).toEqual(['user6']);
    hotspotActions.filterRouter(null);
    hotspotActions.filterText('');
    expect(hotspotSelectors.visibleRows(state())).toHaveLength(10);
  });

  it('lists the routers that have rows, by name', () => {
    hotspotActions.snapshot([hotspotSession(3), hotspotSession(1), hotspotSession(6)]);
    expect(hotspotSelectors.routers(state())).toEqual([
      { id: 2, name: 'router-2' },
      { id: 4, name: 'router-4' },
    ]);
    expect(hotspotSelectors.routers(state())).toBe(hotspotSelectors.routers(state()));
  });

  it('keeps the router list through counter updates and follows rows that come and go', () => {
    hotspotActions.snapshot([hotspotSession(3), hotspotSession(1)]);
    const before = hotspotSelectors.routers(state());
    hotspotActions.delta({ ended: [], started: [], updated: [{ key: hotspotSession(3).key, bytesIn: 5 }] });
    expect(hotspotSelectors.routers(state())).toBe(before);
    hotspotActions.delta({ ended: [], started: [hotspotSession(9, { routerId: 9, routerName: 'edge-9', key: '9:*1' })], updated: [] });
    expect(hotspotSelectors.routers(state()).map((r) => r.name)).toEqual(['edge-9', 'router-2', 'router-4']);
    hotspotActions.delta({ ended: [hotspotSession(3).key], started: [], updated: [] });
    expect(hotspotSelectors.routers(state()).map((r) => r.name)).toEqual(['edge-9', 'router-2']);
  });

  it('keeps a row "disconnecting" until its ended arrives, not when the job is queued', () => {
    const s = hotspotSession(1);
    hotspotActions.snapshot([s, hotspotSession(2)]);
    hotspotActions.disconnectRequested(s.key);
    expect(hotspotSelectors.disconnecting(state()).get(s.key)).toEqual({ phase: 'requested', jobId: null });
    hotspotActions.disconnectQueued(s.key, 41);
    expect(hotspotSelectors.disconnecting(state()).get(s.key)).toEqual({ phase: 'queued', jobId: 41 });
    hotspotActions.delta({ ended: [], started: [], updated: [{ key: s.key, bytesIn: 1 }] });
    expect(visibleKeys()).toContain(s.key);
    expect(hotspotSelectors.disconnecting(state()).has(s.key)).toBe(true);
    hotspotActions.delta({ ended: [s.key], started: [], updated: [] });
    expect(visibleKeys()).not.toContain(s.key);
    expect(hotspotSelectors.disconnecting(state()).size).toBe(0);
  });

  it('does not resurrect a Disconnect whose row ended before the invoke answered', () => {
    const s = hotspotSession(1);
    hotspotActions.snapshot([s]);
    hotspotActions.disconnectRequested(s.key);
    hotspotActions.delta({ ended: [s.key], started: [], updated: [] });
    hotspotActions.disconnectQueued(s.key, 7);
    expect(hotspotSelectors.disconnecting(state()).size).toBe(0);
  });

  it('clears a failed Disconnect and keeps the reason as a notice until dismissed', () => {
    const s = hotspotSession(1);
    hotspotActions.snapshot([s]);
    hotspotActions.disconnectRequested(s.key);
    hotspotActions.disconnectFailed(s.key, 'your role (viewer) may not use sessions.hotspot.disconnect');
    expect(hotspotSelectors.disconnecting(state()).size).toBe(0);
    expect(hotspotSelectors.notice(state())).toMatch(/viewer/);
    hotspotActions.dismissNotice();
    expect(hotspotSelectors.notice(state())).toBeNull();
  });

  it('drops Disconnects of rows missing from a fresh snapshot (after a gap)', () => {
    hotspotActions.snapshot([hotspotSession(1), hotspotSession(2)]);
    hotspotActions.disconnectRequested(hotspotSession(1).key);
    hotspotActions.disconnectRequested(hotspotSession(2).key);
    hotspotActions.snapshot([hotspotSession(2)]);
    expect([...hotspotSelectors.disconnecting(state()).keys()]).toEqual([hotspotSession(2).key]);
  });

  it('resets to the initial state', () => {
    hotspotActions.snapshot([hotspotSession(1)]);
    hotspotActions.failed('boom');
    resetHotspotStore();
    expect(hotspotSelectors.totalCount(state())).toBe(0);
    expect(hotspotSelectors.error(state())).toBeNull();
    expect(hotspotSelectors.loaded(state())).toBe(false);
  });
});

describe('hotspot store, switching tenant', () => {
  beforeEach(resetHotspotStore);

  it('clears rows, errors and the router filter but keeps sort and search', () => {
    hotspotActions.snapshot([hotspotSession(1)]);
    hotspotActions.sortBy('rateIn');
    hotspotActions.filterText('user');
    hotspotActions.filterRouter(2);
    hotspotActions.failed('boom');
    hotspotActions.clear();
    expect(hotspotSelectors.totalCount(state())).toBe(0);
    expect(hotspotSelectors.loaded(state())).toBe(false);
    expect(hotspotSelectors.error(state())).toBeNull();
    expect(hotspotSelectors.spec(state())).toEqual({ sortColumn: 'rateIn', sortDirection: 'desc', routerId: null, text: 'user' });
  });
});
