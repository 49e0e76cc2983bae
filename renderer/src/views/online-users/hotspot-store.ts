import type { HotspotSession } from '../../../../main/sessions/contract';
import type { Stamped } from '../../live/keyed-rows';
import { createSessionTableStore } from '../../live/session-table-store';
import type { SortKey } from '../../live/sorted-view';

type Row = Stamped<HotspotSession>;

const text = (value: (r: Row) => string, ...fields: string[]): SortKey<Row> => ({ kind: 'text', value, fields });
const number = (value: (r: Row) => number | null, ...fields: string[]): SortKey<Row> => ({ kind: 'number', value, fields });

/**
 * Sort keys by column id. Uptime sorts by the estimated start (uptime at `seenAt`), and time
 * left by the estimated end, so the order does not change as the displayed clocks tick.
 */
export const hotspotSortKeys: Record<string, SortKey<Row>> = {
  user: text((r) => r.user, 'user'),
  router: text((r) => r.routerName, 'routerName'),
  address: text((r) => r.address, 'address'),
  mac: { kind: 'code', value: (r) => r.macAddress, fields: ['macAddress'] },
  loginBy: text((r) => r.loginBy, 'loginBy'),
  uptime: number((r) => r.uptimeSeconds - r.seenAt / 1000, 'uptimeSeconds'),
  timeLeft: number((r) => (r.sessionTimeLeftSeconds === null ? null : r.sessionTimeLeftSeconds + r.seenAt / 1000), 'sessionTimeLeftSeconds', 'uptimeSeconds'),
  bytesIn: number((r) => r.bytesIn, 'bytesIn'),
  bytesOut: number((r) => r.bytesOut, 'bytesOut'),
  rateIn: number((r) => r.rateIn, 'rateIn'),
  rateOut: number((r) => r.rateOut, 'rateOut'),
};

/** The Online Users store: hotspot sessions keyed by `key`. Pure (no bridge); see hotspot-live.ts. */
export const hotspotStore = createSessionTableStore<HotspotSession>({
  sortKeys: hotspotSortKeys,
  searchFields: ['user', 'routerName', 'address', 'macAddress', 'loginBy', 'server'],
  defaultSort: { column: 'user', direction: 'asc' },
});

export const useHotspotStore = hotspotStore.useStore;
export const hotspotSelectors = hotspotStore.selectors;
export const hotspotActions = hotspotStore.actions;
export const resetHotspotStore = hotspotStore.reset;
