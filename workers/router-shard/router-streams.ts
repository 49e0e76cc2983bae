import type { Logger } from '../../main/core/logger';
import type { ListenHandle, RosRecord, RouterConnection } from '../../main/routers/client/router-connection';
import type { RouterError } from '../../main/routers/client/router-error';
import type { InterfaceRate, LiveWant, RouterLogLine, ShardEvent } from '../../main/routers/io/shard-protocol';

/** Interfaces monitored at most: a page shows a table, not a switch stack of hundreds of VLANs. */
export const MAX_MONITORED_INTERFACES = 64;
/** A second's samples arrive together; a partial second waits this long for the rest. */
const TRAFFIC_FLUSH_MS = 50;
/** Log lines written in a burst travel as one message. */
const LOG_FLUSH_MS = 100;
/** Lines of a reconnect's print sent on at most (the page keeps fewer). */
const RECENT_LOG_LINES = 100;
/** A stream the router ended on its own (not a lost connection) is opened again this much later. */
const REOPEN_MS = 5_000;

const idNumber = (id: string | undefined) => (id ? parseInt(id.replace(/^\*/, ''), 16) : NaN);
const bps = (value: string | undefined) => {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : 0;
};

function logLine(row: RosRecord): RouterLogLine {
  return { id: row['.id'] ?? '', time: row.time ?? '', topics: row.topics ?? '', message: row.message ?? '' };
}

/**
 * The router page's streams on one router's connection: `/interface/monitor-traffic` of every
 * interface (one sample per interface per second) and `/log/listen`. Open only while the main
 * thread wants them; opened again after every reconnect (with a `/log/print` whose recent lines go out first, so
 * lines written while the connection was down, or before the stream began, still arrive). Samples of one second go out as one message, log
 * bursts as one, so the main thread gets a few messages a second per router at most.
 */
export class RouterStreams {
  private want: LiveWant | null = null;
  private handles: ListenHandle[] = [];
  /** Bumped by every open and close: an open that finishes late does not start streams no one wants. */
  private epoch = 0;
  private lastLogId = -1;
  private rates = new Map<string, InterfaceRate>();
  private ratesAt = 0;
  private monitored = 0;
  private ratesTimer: NodeJS.Timeout | undefined;
  private lines: RouterLogLine[] = [];
  private linesTimer: NodeJS.Timeout | undefined;
  private reopenTimer: NodeJS.Timeout | undefined;
  private readonly offConnected: () => void;

  constructor(
    private readonly conn: RouterConnection,
    private readonly routerId: number,
    private readonly emit: (event: ShardEvent) => void,
    private readonly log: Logger,
  ) {
    this.offConnected = conn.connected.on(() => void this.open());
  }

  /** Which streams to keep open (null: none); takes effect at once when the router is online. */
  set(want: LiveWant | null): void {
    this.close();
    this.want = want && (want.traffic || want.log) ? want : null;
    if (this.want && (this.conn.state === 'online' || this.conn.state === 'degraded')) void this.open();
  }

  stop(): void {
    this.offConnected();
    this.set(null);
  }

  private async open(): Promise<void> {
    if (!this.want) return;
    this.close();
    const epoch = this.epoch;
    const want = this.want;
    try {
      if (want.log) await this.openLog(epoch);
      if (want.traffic) await this.openTraffic(epoch);
    } catch (error) {
      // The connection reports its own state; a reconnect opens the streams again.
      if (epoch === this.epoch) this.log.warn('router page streams could not start', { error: (error as Error).message });
    }
  }

  private current(epoch: number): boolean {
    return epoch === this.epoch && this.want !== null;
  }

  /**
   * Listens first, then prints: a line written while the stream opens is heard, printed, or both
   * (ids tell the repeats apart), never neither. What the listen hears before the print is in waits for it.
   */
  private async openLog(epoch: number): Promise<void> {
    let early: RosRecord[] | null = [];
    this.handles.push(
      this.conn.listen(['/log/listen', '=.proplist=.id,time,topics,message,.dead'], {
        onRow: (row) => (early ? early.push(row) : this.heardLine(row)),
        onEnd: (error) => this.ended(epoch, 'log', error),
      }),
    );
    const heardSoFar = () => {
      const heard = early ?? [];
      early = null;
      for (const row of heard) this.heardLine(row);
    };
    let printed: RosRecord[];
    try {
      printed = await this.conn.call(['/log/print', '=.proplist=.id,time,topics,message']);
    } catch (error) {
      // No backlog then, but the listen carries on: what it heard goes out, and what it hears next.
      heardSoFar();
      throw error;
    }
    if (!this.current(epoch)) return;
    const rows = printed.filter((r) => r['.id'] !== undefined);
    const newest = rows.reduce((n, r) => Math.max(n, idNumber(r['.id'])), -1);
    // A reboot starts the router's log again, ids too: then all of it is new.
    const since = newest < this.lastLogId ? -1 : this.lastLogId;
    // Sent on every open, the first too: a line written between the page's snapshot and this listen
    // is not lost (the page tells repeats apart by id).
    const missed = rows.filter((r) => idNumber(r['.id']) > since).slice(-RECENT_LOG_LINES).map(logLine);
    if (missed.length) this.emit({ type: 'router-log', routerId: this.routerId, lines: missed });
    this.lastLogId = newest;
    heardSoFar();
  }

  private async openTraffic(epoch: number): Promise<void> {
    const names = (await this.conn.call(['/interface/print', '=.proplist=name'])).map((r) => r.name).filter((n): n is string => !!n).slice(0, MAX_MONITORED_INTERFACES);
    if (!this.current(epoch) || names.length === 0) return;
    this.monitored = names.length;
    this.handles.push(
      this.conn.listen(['/interface/monitor-traffic', `=interface=${names.join(',')}`, '=.proplist=name,rx-bits-per-second,tx-bits-per-second'], {
        onRow: (row) => this.heardSample(row),
        onEnd: (error) => this.ended(epoch, 'traffic', error),
      }),
    );
  }

  private heardLine(row: RosRecord): void {
    if (row['.dead'] === 'true' || row['.dead'] === 'yes') return;
    const id = idNumber(row['.id']);
    if (id <= this.lastLogId) return;
    if (Number.isFinite(id)) this.lastLogId = id;
    this.lines.push(logLine(row));
    this.linesTimer ??= setTimeout(() => this.flushLines(), LOG_FLUSH_MS);
  }

  private heardSample(row: RosRecord): void {
    const name = row.name;
    if (!name) return;
    // A name seen again is the next second: the one before goes out as it is.
    if (this.rates.has(name)) this.flushRates();
    if (this.rates.size === 0) {
      this.ratesAt = Date.now();
      this.ratesTimer = setTimeout(() => this.flushRates(), TRAFFIC_FLUSH_MS);
    }
    this.rates.set(name, { name, rxBps: bps(row['rx-bits-per-second']), txBps: bps(row['tx-bits-per-second']) });
    if (this.rates.size >= this.monitored) this.flushRates();
  }

  private flushRates(): void {
    clearTimeout(this.ratesTimer);
    this.ratesTimer = undefined;
    if (this.rates.size === 0) return;
    this.emit({ type: 'traffic', routerId: this.routerId, at: this.ratesAt, interfaces: [...this.rates.values()] });
    this.rates = new Map();
  }

  private flushLines(): void {
    clearTimeout(this.linesTimer);
    this.linesTimer = undefined;
    if (this.lines.length === 0) return;
    this.emit({ type: 'router-log', routerId: this.routerId, lines: this.lines });
    this.lines = [];
  }

  /** A lost connection reopens on `connected`; a stream the router ended alone is tried again later. */
  private ended(epoch: number, what: 'log' | 'traffic', error?: RouterError): void {
    if (!this.current(epoch) || error?.code === 'connection-lost' || error?.code === 'offline') return;
    this.log.warn('router ended a router page stream; opening it again', { stream: what, error: error?.message ?? null, reopenInMs: REOPEN_MS });
    clearTimeout(this.reopenTimer);
    this.reopenTimer = setTimeout(() => this.current(epoch) && void this.open(), REOPEN_MS);
  }

  /** Ends the open streams on the router (`/cancel`) and drops what had not gone out. */
  private close(): void {
    this.epoch += 1;
    for (const handle of this.handles) handle.stop();
    this.handles = [];
    clearTimeout(this.reopenTimer);
    this.flushLines();
    clearTimeout(this.ratesTimer);
    this.ratesTimer = undefined;
    this.rates = new Map();
  }
}
