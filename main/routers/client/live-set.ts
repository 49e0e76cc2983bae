import { silentLogger, type Logger } from '../../core/logger';
import { HOTSPOT_SESSION, type HotspotSession } from './hotspot-menus';
import { proplistOf, readRecord, type RouterCaller } from './menu-io';
import { PPP_SESSION, pppoeInterfaceCounters, type PppSession } from './ppp-menus';
import type { ListenHandle, RosRecord, RouterConnection } from './router-connection';
import { ListenBatch } from './listen-batch';
import { Signal } from './signal';

/** What changed in a live set since the last delta. */
export interface LiveSetDelta<T> {
  /** New sessions (including those a re-sync found). */
  started: T[];
  /** Sessions whose attributes or counters changed (the whole new record). */
  updated: T[];
  /** `.id`s of sessions that are gone (kicked, logged out, or ended while we were disconnected). */
  ended: string[];
  /** True for the delta of a full re-sync: the first load, and the first load after each reconnect. */
  resync: boolean;
}

export type HotspotSessionDelta = LiveSetDelta<HotspotSession>;
export type PppSessionDelta = LiveSetDelta<PppSession>;

/** How one menu becomes a live set. `E`: extra data read at each refresh and joined into rows. */
export interface LiveSource<T extends { id: string }, E = undefined> {
  path: string;
  /** Attributes printed at every refresh (`.proplist`). */
  proplist: string[];
  read(raw: RosRecord, extra: E | undefined): T;
  readExtra?(c: RouterCaller): Promise<E>;
}

export interface LiveSetOptions {
  /** Period of the counter refresh (`print` with `.proplist`, which also reconciles). @defaultValue 15_000 */
  refreshIntervalMs?: number;
  logger?: Logger;
}

/**
 * A menu kept live: `listen` for starts/ends as they happen, a `print` at start and after every
 * reconnect (diffed against what we had, so sessions that ended while disconnected are reported
 * ended), and a periodic `print` with `.proplist` that refreshes counters and reconciles anything a
 * `listen` missed. Rows are keyed by `.id`; `.dead=yes` removes.
 */
export class LiveSet<T extends { id: string }, E = undefined> {
  readonly deltas: Signal<LiveSetDelta<T>>;
  private readonly rows = new Map<string, { raw: RosRecord; item: T }>();
  private readonly log: Logger;
  private readonly refreshMs: number;
  private extra: E | undefined;
  private listenHandle: ListenHandle | undefined;
  private listenGeneration = 0;
  private offConnected: (() => void) | undefined;
  private offState: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private loaded = false;
  /** Ids a listen event touched while a print was in flight: the event is newer, trust it. */
  private touched: Set<string> | undefined;
  private readonly pending = new ListenBatch<T>();
  private flushScheduled = false;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly conn: RouterConnection,
    private readonly source: LiveSource<T, E>,
    options: LiveSetOptions = {},
  ) {
    this.refreshMs = options.refreshIntervalMs ?? 15_000;
    this.log = (options.logger ?? silentLogger).child({ router: conn.name, liveSet: source.path });
    this.deltas = new Signal((err) => this.log.error('delta listener failed', { error: err instanceof Error ? err.message : String(err) }));
  }

  /** The current sessions. */
  snapshot(): T[] {
    return [...this.rows.values()].map((r) => r.item);
  }

  get size(): number {
    return this.rows.size;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.offConnected = this.conn.connected.on(() => void this.resync());
    this.offState = this.conn.stateChanges.on(({ state }) => {
      if (state === 'offline' || state === 'auth-failed') this.forget();
    });
    this.timer = setInterval(() => void this.refresh(), this.refreshMs);
    if (this.conn.state === 'online' || this.conn.state === 'degraded') void this.resync();
  }

  stop(): void {
    this.running = false;
    this.offConnected?.();
    this.offState?.();
    clearInterval(this.timer);
    this.listenHandle?.stop();
    this.listenHandle = undefined;
  }

  /** Prints now and reconciles (counters, and anything listen missed). Never rejects. */
  refresh(resync = false): Promise<void> {
    if (!this.running) return Promise.resolve();
    // One print at a time; a re-sync asked during a refresh runs right after it.
    const run = async () => {
      if (!this.running || (this.conn.state !== 'online' && this.conn.state !== 'degraded')) return;
      const generation = this.conn.generation;
      if (this.listenGeneration !== generation) this.listen(generation);
      try {
        this.touched = new Set();
        const [rows, extra] = await Promise.all([
          this.conn.call([`${this.source.path}/print`, `=.proplist=${this.source.proplist.join(',')}`]),
          this.source.readExtra ? this.source.readExtra(this.conn) : Promise.resolve(undefined),
        ]);
        if (this.conn.generation !== generation) return; // reconnected meanwhile: the new sync will run
        this.extra = extra;
        this.reconcile(rows, resync || !this.loaded);
        this.loaded = true;
      } catch (err) {
        this.log.warn('refresh failed', { error: err instanceof Error ? err.message : String(err) });
      } finally {
        this.touched = undefined;
      }
    };
    const next = (this.refreshing ?? Promise.resolve()).then(run);
    this.refreshing = next;
    return next;
  }

  /**
   * The connection is gone: rows that can no longer be vouched for all end, so the re-sync on
   * reconnect starts every row again and consumers that dropped them on offline get them back.
   */
  private forget(): void {
    this.flush();
    if (this.rows.size === 0) return;
    const delta = emptyDelta<T>(false);
    delta.ended = [...this.rows.keys()];
    this.rows.clear();
    this.deltas.emit(delta);
  }

  private resync(): Promise<void> {
    return this.refresh(true);
  }

  private listen(generation: number): void {
    this.listenHandle?.stop();
    this.listenGeneration = generation;
    this.listenHandle = this.conn.listen([`${this.source.path}/listen`], {
      onRow: (row) => this.onEvent(row),
      onEnd: (error) => {
        if (this.listenGeneration !== generation) return;
        this.listenGeneration = 0; // the next refresh starts it again
        if (error && error.code !== 'connection-lost') this.log.warn('listen ended', { error: error.message });
      },
    });
  }

  private onEvent(row: RosRecord): void {
    const id = row['.id'];
    if (!id || !this.running) return;
    this.touched?.add(id);
    const known = this.rows.get(id);
    if (row['.dead'] === 'yes') {
      if (!known) return;
      this.rows.delete(id);
      this.pending.end(id);
    } else {
      const raw = known ? { ...known.raw, ...row } : row;
      const item = this.source.read(raw, this.extra);
      this.rows.set(id, { raw, item });
      if (!known) this.pending.start(item);
      else if (!sameRecord(known.item, item)) this.pending.update(item);
    }
    this.scheduleFlush();
  }

  /** Replace the set with a full print, reporting the difference. */
  private reconcile(rows: RosRecord[], resync: boolean): void {
    this.flush(); // earlier listen events go out first, in order
    const delta = emptyDelta<T>(resync);
    const seen = new Set<string>();
    for (const raw of rows) {
      const id = raw['.id'];
      if (!id) continue;
      seen.add(id);
      if (this.touched?.has(id)) continue;
      const known = this.rows.get(id);
      const item = this.source.read(raw, this.extra);
      this.rows.set(id, { raw, item });
      if (!known) delta.started.push(item);
      else if (!sameRecord(known.item, item)) delta.updated.push(item);
    }
    for (const id of [...this.rows.keys()]) {
      if (seen.has(id) || this.touched?.has(id)) continue;
      this.rows.delete(id);
      delta.ended.push(id);
    }
    if (resync || !isEmpty(delta)) this.deltas.emit(delta);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // Events of one socket read go out as one delta.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.pending.empty) return;
    this.deltas.emit(this.pending.take());
  }
}

function emptyDelta<T>(resync: boolean): LiveSetDelta<T> {
  return { started: [], updated: [], ended: [], resync };
}

function isEmpty(delta: LiveSetDelta<unknown>): boolean {
  return delta.started.length === 0 && delta.updated.length === 0 && delta.ended.length === 0;
}

function sameRecord<T extends object>(a: T, b: T): boolean {
  for (const key of Object.keys(b) as Array<keyof T>) if (a[key] !== b[key]) return false;
  return true;
}

export const HOTSPOT_ACTIVE_SOURCE: LiveSource<HotspotSession> = {
  path: '/ip/hotspot/active',
  proplist: proplistOf(HOTSPOT_SESSION),
  read: (raw) => readRecord(HOTSPOT_SESSION, raw),
};

type PppoeCounters = Map<string, { bytesIn: number; bytesOut: number }>;

export const PPP_ACTIVE_SOURCE: LiveSource<PppSession, PppoeCounters> = {
  path: '/ppp/active',
  proplist: proplistOf(PPP_SESSION),
  read: (raw, counters) => {
    const session = readRecord(PPP_SESSION, raw);
    const bytes = counters?.get(session.name);
    return { ...session, bytesIn: bytes?.bytesIn ?? null, bytesOut: bytes?.bytesOut ?? null };
  },
  // PPP sessions carry no byte counters; their `<pppoe-NAME>` interfaces do.
  readExtra: pppoeInterfaceCounters,
};

/** Live `/ip/hotspot/active` of one router. */
export function hotspotSessionSet(conn: RouterConnection, options?: LiveSetOptions): LiveSet<HotspotSession> {
  return new LiveSet(conn, HOTSPOT_ACTIVE_SOURCE, options);
}

/** Live `/ppp/active` of one router, with PPPoE byte counters. */
export function pppSessionSet(conn: RouterConnection, options?: LiveSetOptions): LiveSet<PppSession, PppoeCounters> {
  return new LiveSet(conn, PPP_ACTIVE_SOURCE, options);
}
