import type { HotspotSession, PppoeSession, SessionDelta } from '../../sessions/contract';
import type { RouterConnectionOptions } from '../client/connection-options';
import type { RouterEncoding, RouterState } from '../contract';
import type { RouterTlsSettings } from '../router-tls';

/**
 * Messages between the main process and a router I/O shard (a piscina worker that holds the
 * persistent connections of its share of the routers). Types only: both sides import them.
 */

/** What a shard needs to reach a router. The password crosses only this in-process port. */
export interface RouterEndpoint {
  id: number;
  name: string;
  host: string;
  port: number;
  tls: RouterTlsSettings;
  username: string;
  password: string;
  encoding: RouterEncoding;
}

export type SessionKind = 'hotspot' | 'pppoe';

/** Connection timings a shard gives every router it watches (defaults: RouterConnection's). */
export type ShardConnectionOptions = Pick<RouterConnectionOptions, 'callTimeoutMs' | 'keepalivePeriodMs'>;

/** One RouterOS menu command a job sends (provisioning): desired state is worked out in the job. */
export type MenuOp =
  | { verb: 'print'; path: string; proplist?: readonly string[]; query?: readonly string[] }
  | { verb: 'add'; path: string; attrs: Record<string, string> }
  /** Without `id` on a menu of one row (`/system/identity`, `/system/clock`). */
  | { verb: 'set'; path: string; id?: string; attrs: Record<string, string> }
  | { verb: 'remove'; path: string; id: string };

/** A command's outcome: the rows (print) or the new `.id` (add), or the router's refusal in its own words. */
export type MenuOpResult = { ok: true; rows: Array<Record<string, string>>; ret: string | null } | { ok: false; message: string; category: number | null };

export type ShardCommand =
  | { type: 'watch'; router: RouterEndpoint }
  | { type: 'unwatch'; routerId: number }
  /** Reads every online router once, their starts spread evenly over `spreadMs`. */
  | { type: 'poll'; requestId: number; what: 'counters' | 'resource'; spreadMs: number }
  | { type: 'kick'; requestId: number; routerId: number; kind: SessionKind; sessionId: string }
  | { type: 'test'; requestId: number; router: RouterEndpoint }
  /** Menu commands on a watched router's connection, up to `window` in flight at once (tags). */
  | { type: 'menu'; requestId: number; routerId: number; ops: MenuOp[]; window: number }
  /** The router page's streams (traffic of every interface, the log) on or off; restarted after reconnects while wanted. */
  | { type: 'live'; routerId: number; want: LiveWant | null }
  | { type: 'stop' };

/** Which live streams a watched router keeps open (the router page is open somewhere). */
export interface LiveWant {
  traffic: boolean;
  log: boolean;
}

/** One interface's rates in one second of `/interface/monitor-traffic`. */
export interface InterfaceRate {
  name: string;
  rxBps: number;
  txBps: number;
}

/** One line of the router's `/log`, as the router prints it (`time` in the router's own format). */
export interface RouterLogLine {
  /** The router's `.id` (`*1A`): lines arrive again after a reconnect's print, this tells them apart. */
  id: string;
  time: string;
  topics: string;
  message: string;
}

export interface RouterResource {
  identity: string | null;
  board: string | null;
  version: string | null;
  uptimeSeconds: number | null;
  cpuLoad: number | null;
  memoryUsedPercent: number | null;
}

export type ShardEvent =
  | { type: 'ready' }
  /** Shard logs go through the main process's logger (one log, one level setting). */
  | { type: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; msg: string; fields: Record<string, unknown> }
  | { type: 'status'; routerId: number; state: RouterState; error: string | null }
  | { type: 'resource'; routerId: number; resource: RouterResource }
  | { type: 'hotspot'; routerId: number; delta: SessionDelta<HotspotSession> }
  | { type: 'pppoe'; routerId: number; delta: SessionDelta<PppoeSession> }
  /** One second of every monitored interface (coalesced in the shard: one message per router-second). */
  | { type: 'traffic'; routerId: number; at: number; interfaces: InterfaceRate[] }
  /** New log lines (coalesced: a burst is one message). */
  | { type: 'router-log'; routerId: number; lines: RouterLogLine[] }
  | { type: 'reply'; requestId: number; ok: true; data: unknown }
  | { type: 'reply'; requestId: number; ok: false; error: string; permanent: boolean };

/** Result of a connection test, shown to the operator. */
export interface ConnectionTestResult {
  ok: boolean;
  message: string;
  resource: RouterResource | null;
  latencyMs: number | null;
}
