import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';
import { HISTORY_RANGES, type HistoryRange, type HistoryResolution } from '../dashboard/history-contract';
import type { RouterLiveStatus } from './contract';
import type { InterfaceRate, RouterLogLine } from './io/shard-protocol';

export type { InterfaceRate, RouterLogLine } from './io/shard-protocol';

/** One of the router's interfaces as its page lists it; rates from the live stream (null until the first sample). */
export interface RouterInterfaceRow {
  name: string;
  type: string;
  mac: string | null;
  running: boolean;
  disabled: boolean;
  rxBps: number | null;
  txBps: number | null;
}

/** A DHCP lease: the comment is masked like any free text (an operator may have typed a customer's phone there). */
export interface DhcpLeaseRow {
  address: string;
  mac: string;
  hostName: string;
  server: string;
  status: string;
  dynamic: boolean;
  expiresAfter: string;
  comment: string;
}

/** The router page's snapshot: what `routers.watch` returns, then RouterTrafficSampled and RouterLogLines. */
export interface RouterWatchSnapshot {
  routerId: number;
  name: string;
  status: RouterLiveStatus;
  interfaces: RouterInterfaceRow[];
  leases: DhcpLeaseRow[];
  /** The router's recent log lines, oldest first (messages masked). */
  log: RouterLogLine[];
  /** Why interfaces, leases and log could not be read (the router is down); null when they were. */
  readError: string | null;
  /** Seq of `tenant.{id}.router-live` the snapshot is current to. */
  seq: number;
}

/** One stored minute (or, for 7 days, hour) of one interface. */
export interface InterfaceHistoryPoint {
  at: string;
  rxBps: number;
  txBps: number;
}

export interface InterfaceHistory {
  range: HistoryRange;
  resolution: HistoryResolution;
  interfaces: Array<{ name: string; points: InterfaceHistoryPoint[] }>;
}

const routerId = z.number().int().positive();

export const routerWatchInvokes = {
  'routers.watch': defineInvoke<RouterWatchSnapshot>()({
    input: z.object({ routerId }).strict(),
    summary:
      'Opens a router’s page for this connection: the router streams its interfaces’ traffic and its log while anyone watches; returns the snapshot (identity, interfaces, DHCP leases, recent log), then RouterTrafficSampled and RouterLogLines.',
  }),
  'routers.unwatch': defineInvoke<{ wasWatching: boolean }>()({
    input: z.object({ routerId }).strict(),
    summary: 'This connection leaves the router’s page; the router’s streams stop when no one watches.',
  }),
  'routers.interfaces.history': defineInvoke<InterfaceHistory>()({
    input: z.object({ routerId, range: z.enum(HISTORY_RANGES), interface: z.string().min(1).max(64).optional() }).strict(),
    summary: 'Stored per-interface throughput of a router (15m, 1h, 24h: minute points; 7d: hourly averages), kept 7 days; one interface or all.',
  }),
};

export const routerWatchEvents = {
  RouterTrafficSampled: defineEvent<{ routerId: number; at: string; interfaces: InterfaceRate[] }>()({
    scope: 'tenant',
    topic: 'router-live',
    summary: 'One second of a watched router’s interface traffic (bits per second), at most one per router and second.',
  }),
  RouterLogLines: defineEvent<{ routerId: number; lines: RouterLogLine[] }>()({
    scope: 'tenant',
    topic: 'router-live',
    summary: 'New lines of a watched router’s log (messages masked); a repeat after a reconnect has the same id.',
  }),
};
