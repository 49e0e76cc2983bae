import type { HotspotSession, SessionDelta } from '../main/sessions/contract';
import { hotspotSession } from '../renderer/src/live/test-sessions';
import { hotspotActions, hotspotSelectors, resetHotspotStore, useHotspotStore } from '../renderer/src/views/online-users/hotspot-store';
import { percentile, type BenchFigure, type BenchSuite } from './figure';

const ROWS = 20_000;
const BATCHES = 200;

/**
 * The renderer's side of a live session table at 20,000 rows: the time to apply one coalesced
 * batch (100 counter updates, 4 sessions ending and 4 starting) to the store and derive the
 * sorted, filtered rows the table shows. With the sort column untouched by the batch the order
 * is patched (no sort); sorting by a counter forces one full sort per batch.
 */
function run(sortColumn: string | null, text: string): { snapshotMs: number; p50: number; p99: number } {
  resetHotspotStore();
  if (sortColumn) hotspotActions.sortBy(sortColumn);
  if (text) hotspotActions.filterText(text);
  const sessions = Array.from({ length: ROWS }, (_, i) => hotspotSession(i));
  let t = performance.now();
  hotspotActions.snapshot(sessions);
  hotspotSelectors.visibleRows(useHotspotStore.getState());
  const snapshotMs = performance.now() - t;

  let next = ROWS;
  const times: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const keys = [...useHotspotStore.getState().live.rows.keys()];
    const from = (b * 97) % (keys.length - 200);
    const delta: SessionDelta<HotspotSession> = {
      ended: keys.slice(from, from + 4),
      started: [0, 1, 2, 3].map(() => hotspotSession(next++)),
      updated: keys.slice(from + 10, from + 110).map((key, i) => ({ key, bytesIn: b * 1000 + i, rateIn: (b * 7919 + i * 104729) % 10_000_000 })),
    };
    t = performance.now();
    hotspotActions.delta(delta);
    hotspotSelectors.visibleRows(useHotspotStore.getState());
    times.push(performance.now() - t);
  }
  return { snapshotMs, p50: percentile(times, 50), p99: percentile(times, 99) };
}

const suite: BenchSuite = async () => {
  run(null, ''); // warm the JIT
  const byUser = run(null, '');
  const byRate = run('rateIn', '');
  const filtered = run(null, 'user1');
  const figures: BenchFigure[] = [
    { metric: 'hotspot 20k snapshot apply + sort', value: byUser.snapshotMs, unit: 'ms', target: 150, better: 'lower' },
    { metric: 'hotspot 20k batch apply+derive p50 (sort by user: order patched)', value: byUser.p50, unit: 'ms', target: 8, better: 'lower' },
    { metric: 'hotspot 20k batch apply+derive p99 (sort by user: order patched)', value: byUser.p99, unit: 'ms', target: 16, better: 'lower' },
    { metric: 'hotspot 20k batch apply+derive p50 (sort by rate: full sort)', value: byRate.p50, unit: 'ms', target: 25, better: 'lower' },
    { metric: 'hotspot 20k batch apply+derive p99 (sort by rate: full sort)', value: byRate.p99, unit: 'ms', target: 50, better: 'lower' },
    { metric: 'hotspot 20k batch apply+derive p99 (text filter, order patched)', value: filtered.p99, unit: 'ms', target: 16, better: 'lower' },
  ];
  resetHotspotStore();
  return figures;
};

export default suite;
