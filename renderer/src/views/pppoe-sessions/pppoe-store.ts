import type { PppoeSession } from '../../../../main/sessions/contract';
import type { Stamped } from '../../live/keyed-rows';
import { createSessionTableStore } from '../../live/session-table-store';
import type { SortKey } from '../../live/sorted-view';

type Row = Stamped<PppoeSession>;

const text = (value: (r: Row) => string, ...fields: string[]): SortKey<Row> => ({ kind: 'text', value, fields });
const number = (value: (r: Row) => number | null, ...fields: string[]): SortKey<Row> => ({ kind: 'number', value, fields });

/** Sort keys by column id; uptime sorts by the estimated start so ticking clocks keep the order. */
export const pppoeSortKeys: Record<string, SortKey<Row>> = {
  name: text((r) => r.name, 'name'),
  router: text((r) => r.routerName, 'routerName'),
  service: text((r) => r.service, 'service'),
  callerId: text((r) => r.callerId, 'callerId'),
  address: text((r) => r.address, 'address'),
  uptime: number((r) => r.uptimeSeconds - r.seenAt / 1000, 'uptimeSeconds'),
  bytesIn: number((r) => r.bytesIn, 'bytesIn'),
  bytesOut: number((r) => r.bytesOut, 'bytesOut'),
  rateIn: number((r) => r.rateIn, 'rateIn'),
  rateOut: number((r) => r.rateOut, 'rateOut'),
};

/** The PPPoE Sessions store: sessions keyed by `key`. Pure (no bridge); see pppoe-live.ts. */
export const pppoeStore = createSessionTableStore<PppoeSession>({
  sortKeys: pppoeSortKeys,
  searchFields: ['name', 'routerName', 'service', 'callerId', 'address'],
  defaultSort: { column: 'name', direction: 'asc' },
});

export const usePppoeStore = pppoeStore.useStore;
export const pppoeSelectors = pppoeStore.selectors;
export const pppoeActions = pppoeStore.actions;
export const resetPppoeStore = pppoeStore.reset;
