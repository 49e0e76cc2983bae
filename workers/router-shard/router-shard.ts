import { setTimeout as delay } from 'node:timers/promises';
import type { MessagePort } from 'node:worker_threads';
import type { Logger, LogFields } from '../../main/core/logger';
import type { RouterConnectionOptions } from '../../main/routers/client/connection-options';
import type { RouterError } from '../../main/routers/client/router-error';
import type { ConnectionTestResult, LiveWant, RouterEndpoint, ShardCommand, ShardEvent } from '../../main/routers/io/shard-protocol';
import { backoffDelay, DEFAULT_BACKOFF } from '../../main/routers/client/backoff';
import { asRouter, installFaultNet, type ShardFault } from './fault-net';
import { connectionFor, readResource, WatchedRouter } from './watched-router';

/** How long a connection test waits for the router before it says why it could not log in. */
const TEST_TIMEOUT_MS = 15_000;

/** Faults of one router closer together than this count as a streak (longer restart delays). */
const FAULT_STREAK_MS = 10 * 60_000;

/**
 * The routers of one shard. Runs inside a piscina worker for as long as the console runs; the
 * main thread talks to it over one MessagePort (ShardCommand in, ShardEvent out).
 */
export class RouterShard {
  private readonly routers = new Map<number, WatchedRouter>();
  /** The router page's streams wanted per router: kept here too, so a router restarted after a fault opens them again. */
  private readonly live = new Map<number, LiveWant>();
  /** Per router: faults in the current streak, the last one's time, and a pending restart. */
  private readonly faults = new Map<number, { count: number; at: number; restart?: NodeJS.Timeout }>();
  private readonly removeFaultNet: () => void;
  private readonly log: Logger;
  private finished!: () => void;
  readonly done = new Promise<void>((resolve) => (this.finished = resolve));

  constructor(
    private readonly port: MessagePort,
    private readonly options: RouterConnectionOptions = {},
  ) {
    this.log = portLogger((e) => this.emit(e), { component: 'router-shard' });
    this.removeFaultNet = installFaultNet((fault) => this.contain(fault));
    port.on('message', (command: ShardCommand) => void this.handle(command));
    this.emit({ type: 'ready' });
  }

  private emit(event: ShardEvent): void {
    this.port.postMessage(event);
  }

  private async handle(command: ShardCommand): Promise<void> {
    switch (command.type) {
      case 'watch':
        this.cancelRestart(command.router.id);
        await this.routers.get(command.router.id)?.stop();
        this.watch(command.router);
        return;
      case 'unwatch': {
        this.cancelRestart(command.routerId);
        this.faults.delete(command.routerId);
        this.live.delete(command.routerId);
        const router = this.routers.get(command.routerId);
        this.routers.delete(command.routerId);
        await router?.stop();
        return;
      }
      case 'poll':
        return this.reply(command.requestId, async () => {
          const online = [...this.routers.values()].filter((r) => r.online);
          // Evenly spread, so a fleet's reads never hit this worker, the main thread and the
          // routers at one instant (500 routers × 40 sessions is 20k rows to parse and diff).
          const step = online.length > 1 ? command.spreadMs / online.length : 0;
          const read = (r: WatchedRouter) => asRouter(r.endpoint.id, () => (command.what === 'counters' ? r.pollCounters() : r.pollResource()));
          await Promise.all(online.map(async (r, i) => {
            if (i > 0 && step > 0) await delay(i * step);
            await read(r);
          }));
          return online.length;
        });
      case 'kick':
        return this.reply(command.requestId, () => {
          const router = this.routers.get(command.routerId);
          if (!router) throw Object.assign(new Error(`router ${command.routerId} is not connected from this console`), { permanent: true });
          return asRouter(command.routerId, () => router.kick(command.kind, command.sessionId));
        });
      case 'test':
        return this.reply(command.requestId, () => asRouter(command.router.id, () => testConnection(command.router, this.options)));
      case 'menu':
        return this.reply(command.requestId, () => {
          const router = this.routers.get(command.routerId);
          if (!router) throw Object.assign(new Error(`router ${command.routerId} is not connected from this console`), { permanent: true });
          return asRouter(command.routerId, () => router.runMenuOps(command.ops, command.window));
        });
      case 'live':
        if (command.want) this.live.set(command.routerId, command.want);
        else this.live.delete(command.routerId);
        asRouter(command.routerId, () => this.routers.get(command.routerId)?.setLive(command.want));
        return;
      case 'stop':
        for (const id of this.faults.keys()) this.cancelRestart(id);
        await Promise.all([...this.routers.values()].map((r) => r.stop()));
        this.routers.clear();
        this.removeFaultNet();
        this.port.close();
        this.finished();
        return;
    }
  }

  /** The router's connection, live sets and timers all run in its scope (see fault-net.ts). */
  private watch(endpoint: RouterEndpoint): void {
    asRouter(endpoint.id, () => {
      const router = new WatchedRouter(endpoint, this.options, (e) => this.emit(e), this.log.child({ routerId: endpoint.id }));
      this.routers.set(endpoint.id, router);
      router.start();
      const want = this.live.get(endpoint.id);
      if (want) router.setLive(want);
    });
  }

  /**
   * A fault escaped the client: it ends that router's connection (never the worker, which holds
   * healthy routers too) and the router starts again after a backoff that grows while faults
   * keep coming. A fault outside any router's work is logged; the shard carries on.
   */
  private contain({ routerId, kind, error }: ShardFault): void {
    const fields = { kind, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    const router = routerId === null ? undefined : this.routers.get(routerId);
    if (routerId === null || !router) {
      this.log.error('unexpected fault in the router shard; carrying on', { ...fields, ...(routerId === null ? {} : { routerId }) });
      return;
    }
    const now = Date.now();
    const previous = this.faults.get(routerId);
    const count = previous && now - previous.at < FAULT_STREAK_MS ? previous.count + 1 : 1;
    clearTimeout(previous?.restart);
    const delayMs = backoffDelay(count - 1, DEFAULT_BACKOFF);
    this.log.error('router connection fault contained: connection ended, restarting it', { routerId, ...fields, restartInMs: delayMs });
    const streak: { count: number; at: number; restart?: NodeJS.Timeout } = { count, at: now };
    this.faults.set(routerId, streak);
    this.routers.delete(routerId);
    void this.restartLater(router, streak, error instanceof Error ? error.message : String(error), delayMs);
  }

  /** Ends the router's connection, says why on its status, and starts it again after `delayMs`. */
  private async restartLater(router: WatchedRouter, streak: { restart?: NodeJS.Timeout }, why: string, delayMs: number): Promise<void> {
    const routerId = router.endpoint.id;
    try {
      await router.stop();
    } catch (stopError) {
      this.log.error('router connection did not stop cleanly after a fault', { routerId, error: String(stopError) });
    }
    if (this.faults.get(routerId) !== streak || this.routers.has(routerId)) return; // unwatched or re-watched meanwhile
    this.emit({ type: 'status', routerId, state: 'offline', error: `internal error in this router's connection (${why}); reconnecting in ${Math.ceil(delayMs / 1000)} s` });
    streak.restart = setTimeout(() => {
      streak.restart = undefined;
      if (!this.routers.has(routerId)) this.watch(router.endpoint);
    }, delayMs);
  }

  private cancelRestart(routerId: number): void {
    const streak = this.faults.get(routerId);
    clearTimeout(streak?.restart);
    if (streak) streak.restart = undefined;
  }

  private async reply(requestId: number, work: () => unknown): Promise<void> {
    try {
      this.emit({ type: 'reply', requestId, ok: true, data: await work() });
    } catch (error) {
      const permanent = (error as { permanent?: boolean }).permanent === true;
      this.emit({ type: 'reply', requestId, ok: false, error: (error as Error).message, permanent });
    }
  }
}

/** A Logger whose lines travel to the main thread's logger over the shard's port. */
function portLogger(emit: (event: ShardEvent) => void, base: LogFields): Logger {
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (msg: string, fields?: LogFields) => emit({ type: 'log', level, msg, fields: { ...base, ...fields } });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (fields) => portLogger(emit, { ...base, ...fields }) };
}

/** Logs in with the given settings, reads identity and resources, and says in words what happened. */
export async function testConnection(endpoint: RouterEndpoint, options: RouterConnectionOptions): Promise<ConnectionTestResult> {
  const conn = connectionFor(endpoint, { ...options, backoff: { initialMs: 60_000, maxMs: 60_000 } });
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    conn.start();
    const outcome = await Promise.race([
      new Promise<'online' | 'failed'>((resolve) => {
        const off = conn.stateChanges.on(({ state }) => {
          if (state === 'online' || state === 'degraded' || state === 'auth-failed' || state === 'offline') {
            off();
            resolve(state === 'online' || state === 'degraded' ? 'online' : 'failed');
          }
        });
      }),
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), TEST_TIMEOUT_MS))),
    ]);
    if (outcome === 'timeout') return { ok: false, message: `router '${endpoint.name}' did not answer within ${TEST_TIMEOUT_MS / 1000} s: check the address, port and firewall`, resource: null, latencyMs: null };
    if (outcome === 'failed') return { ok: false, message: (conn.lastError as RouterError | null)?.message ?? 'the connection failed', resource: null, latencyMs: null };
    const latencyMs = Math.round(performance.now() - started);
    const resource = await readResource(conn);
    return { ok: true, message: `logged in to ${resource.identity ?? endpoint.name} (RouterOS ${resource.version ?? 'unknown'})`, resource, latencyMs };
  } finally {
    clearTimeout(timer);
    await conn.stop();
  }
}
