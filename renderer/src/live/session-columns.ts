import type { TableColumn } from '../components/virtual-table';
import { formatBytes } from '../format/bytes';
import { formatDuration } from '../format/duration';
import { formatRate } from '../format/rate';
import type { Stamped } from './keyed-rows';
import type { SessionRowBase } from './session-table-store';

/** The counters both live tables show, in the router's terms. */
export interface TrafficCounters {
  bytesIn: number;
  bytesOut: number;
  rateIn: number;
  rateOut: number;
}

/**
 * Traffic in the customer's terms. RouterOS counts from the router's side: `bytes-in` of a
 * hotspot session and `rx-byte` of a `<pppoe-NAME>` interface are what the router *received from
 * the customer*, i.e. the customer's upload; `…-out` / `tx-byte` is what it sent them, their
 * download. Operators and customers speak of download and upload, so Out is shown as Download.
 * Sort ids stay the contract's field names. Download columns fold last: they are what a
 * complaint ("my internet is slow") is about.
 */
export function trafficColumns<R extends TrafficCounters>(): TableColumn<R>[] {
  const bytes = (id: 'bytesIn' | 'bytesOut', header: string, width: number, priority: number): TableColumn<R> => ({
    id, header, width, priority, align: 'end', sortable: true, text: (r) => formatBytes(r[id]), cell: (r) => formatBytes(r[id]),
  });
  const rate = (id: 'rateIn' | 'rateOut', header: string, width: number, priority: number): TableColumn<R> => ({
    id, header, width, priority, align: 'end', sortable: true, text: (r) => formatRate(r[id]), cell: (r) => formatRate(r[id]),
  });
  return [
    bytes('bytesOut', 'Downloaded', 118, 2),
    bytes('bytesIn', 'Uploaded', 104, 3),
    rate('rateOut', 'Download', 106, 1),
    rate('rateIn', 'Upload', 96, 1),
  ];
}

/** The router a row came from. */
export function routerColumn<R extends SessionRowBase>(priority: number): TableColumn<R> {
  return { id: 'router', header: 'Router', width: 110, priority, sortable: true, text: (r) => r.routerName, cell: (r) => r.routerName };
}

/** Seconds elapsed since the row's uptime was reported, so displayed times tick between updates. */
export const elapsedSince = (row: { seenAt: number }, now: number) => Math.max(0, Math.floor((now - row.seenAt) / 1000));

/** Uptime ticking on locally from the last reported value. */
export function uptimeColumn<R extends Stamped<{ uptimeSeconds: number }>>(now: number, priority: number): TableColumn<R> {
  const value = (r: R) => formatDuration(r.uptimeSeconds + elapsedSince(r, now));
  return { id: 'uptime', header: 'Uptime', width: 86, priority, align: 'end', sortable: true, text: value, cell: value };
}
