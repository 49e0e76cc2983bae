import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Logger } from '../../core/logger';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from '../client/backoff';
import type { LiveWant, MenuOp, MenuOpResult, RouterEndpoint, ShardCommand, ShardConnectionOptions, ShardEvent } from './shard-protocol';

export interface RouterIoOptions {
  /** Worker threads holding router connections. */
  shards: number;
  /** Heap limit of each shard worker (the router-data queue's memory). */
  memoryMb: number;
  worker: { file: string; execArgv: string[] };
  log: Logger;
  onEvent: (event: ShardEvent) => void;
  /** A request to a shard that gets no reply in this time fails. */
  requestTimeoutMs?: number;
  /** Timings of every router connection (tests shorten the keepalive period). */
  connection?: ShardConnectionOptions;
  /** Delays before a crashed shard starts again. @defaultValue DEFAULT_BACKOFF (0.5 s doubling to 30 s) */
  restartBackoff?: BackoffOptions;
}

/** A shard that ran this long before it crashed starts again at the shortest delay. */
const STABLE_RUN_MS = 60_000;

export class RouterIoError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'RouterIoError';
  }
}

interface Shard {
  index: number;
  /** Null while the shard's worker is down (crashed, waiting to start again). */
  port: MessagePort | null;
  routers: Map<number, RouterEndpoint>;
  run: Promise<unknown> | null;
  startedAt: number;
  /** Crashes in a row (reset by a run longer than STABLE_RUN_MS). */
  crashes: number;
  relaunch: NodeJS.Timeout | undefined;
}

interface Pending {
  shard: Shard;
  resolve(data: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Router I/O off the main thread: each router belongs to one shard, a long-lived task on a
 * piscina pool that keeps the router's persistent connection, listen streams and polls. The main
 * thread only moves small messages. A shard whose worker dies (out of memory, crash) fails its
 * requests at once and is started again with its routers after a backoff (so a shard that dies at
 * start does not spin); their live sets re-sync as on any reconnect.
 */
export class RouterIo {
  private pool: Piscina | null = null;
  private readonly shards: Shard[];
  private readonly pending = new Map<number, Pending>();
  private readonly shardOf = new Map<number, Shard>();
  /** Routers whose page is open somewhere: their streams follow them through re-watches and shard restarts. */
  private readonly live = new Map<number, LiveWant>();
  private nextRequest = 1;
  private stopping = false;
  private restartCount = 0;

  constructor(private readonly options: RouterIoOptions) {
    this.shards = Array.from({ length: options.shards }, (_, index) => ({ index, port: null, routers: new Map(), run: null, startedAt: 0, crashes: 0, relaunch: undefined }));
  }

  /** Shard workers that died and were started again since the console started. */
  get restarts(): number {
    return this.restartCount;
  }

  /** Shard workers down now (crashed, waiting to start again); none before the first router starts them (the console's /healthz). */
  get shardsDown(): number {
    return this.pool ? this.shards.filter((shard) => shard.port === null).length : 0;
  }

  /** Threads start with the first router, so a console (or test) without routers spawns none. */
  private started(): Shard[] {
    if (this.pool || this.stopping) return this.shards;
    this.pool = new Piscina({
      filename: this.options.worker.file,
      execArgv: this.options.worker.execArgv,
      minThreads: this.options.shards,
      maxThreads: this.options.shards,
      idleTimeout: Number.MAX_SAFE_INTEGER,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    });
    this.pool.on('error', (error: unknown) => this.options.log.error('router shard worker error', { error: String(error) }));
    for (const shard of this.shards) this.launch(shard);
    return this.shards;
  }

  watch(router: RouterEndpoint): void {
    const want = this.live.get(router.id);
    this.unwatch(router.id);
    const shard = this.started().reduce((a, b) => (b.routers.size < a.routers.size ? b : a));
    shard.routers.set(router.id, router);
    this.shardOf.set(router.id, shard);
    this.post(shard, { type: 'watch', router });
    if (want) this.setLive(router.id, want);
  }

  unwatch(routerId: number): void {
    this.live.delete(routerId);
    const shard = this.shardOf.get(routerId);
    if (!shard) return;
    shard.routers.delete(routerId);
    this.shardOf.delete(routerId);
    this.post(shard, { type: 'unwatch', routerId });
  }

  /** The router page's traffic and log streams on a watched router, on or off (null). */
  setLive(routerId: number, want: LiveWant | null): void {
    if (want) this.live.set(routerId, want);
    else this.live.delete(routerId);
    const shard = this.shardOf.get(routerId);
    if (shard) this.post(shard, { type: 'live', routerId, want });
  }

  watching(routerId: number): boolean {
    return this.shardOf.has(routerId);
  }

  /** Polls counters or resources on every shard (spread over `spreadMs`); resolves when all have answered. */
  async poll(what: 'counters' | 'resource', spreadMs = 0): Promise<number> {
    if (!this.pool) return 0;
    // A shard that is restarting has no router online to read.
    const live = this.shards.filter((shard) => shard.port);
    const counts = await Promise.all(live.map((shard) => this.request(shard, (requestId) => ({ type: 'poll', requestId, what, spreadMs }))));
    return counts.reduce<number>((n, c) => n + Number(c), 0);
  }

  kick(routerId: number, kind: 'hotspot' | 'pppoe', sessionId: string): Promise<unknown> {
    const shard = this.shardOf.get(routerId);
    if (!shard) return Promise.reject(new RouterIoError(`router ${routerId} is not being watched`, true));
    return this.request(shard, (requestId) => ({ type: 'kick', requestId, routerId, kind, sessionId }));
  }

  /** Menu commands on a watched router's connection (provisioning); see workers/router-shard/menu-ops.ts. */
  menu(routerId: number, ops: MenuOp[], window: number): Promise<MenuOpResult[]> {
    const shard = this.shardOf.get(routerId);
    if (!shard) return Promise.reject(new RouterIoError(`router ${routerId} is not being watched`, true));
    return this.request(shard, (requestId) => ({ type: 'menu', requestId, routerId, ops, window })) as Promise<MenuOpResult[]>;
  }

  /** A one-off connection test on any shard (the router need not be watched or saved). */
  test(router: RouterEndpoint): Promise<unknown> {
    const shard = this.started()[router.id % this.shards.length]!;
    return this.request(shard, (requestId) => ({ type: 'test', requestId, router }));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const shard of this.shards) {
      clearTimeout(shard.relaunch);
      this.post(shard, { type: 'stop' });
    }
    await Promise.allSettled(this.shards.map((s) => s.run));
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new RouterIoError('the console is shutting down', false));
    }
    this.pending.clear();
    await this.pool?.destroy();
  }

  private launch(shard: Shard): void {
    shard.relaunch = undefined;
    const { port1, port2 } = new MessageChannel();
    shard.port = port1;
    shard.startedAt = Date.now();
    port1.on('message', (event: ShardEvent) => this.receive(event));
    shard.run = this.pool!.run({ port: port2, connection: this.options.connection ?? {} }, { transferList: [port2] }).then(
      () => this.ended(shard, null),
      (error: unknown) => this.ended(shard, error),
    );
    for (const router of shard.routers.values()) {
      this.post(shard, { type: 'watch', router });
      const want = this.live.get(router.id);
      if (want) this.post(shard, { type: 'live', routerId: router.id, want });
    }
  }

  private ended(shard: Shard, error: unknown): void {
    shard.port?.close();
    shard.port = null;
    // Nobody answers for a dead worker: its callers learn it now, not at their timeout.
    for (const [requestId, pending] of this.pending) {
      if (pending.shard !== shard) continue;
      this.pending.delete(requestId);
      clearTimeout(pending.timer);
      pending.reject(new RouterIoError('the router connection worker stopped before it answered; try again in a few seconds', false));
    }
    if (this.stopping) return;
    this.restartCount += 1;
    shard.crashes = Date.now() - shard.startedAt >= STABLE_RUN_MS ? 1 : shard.crashes + 1;
    const delayMs = backoffDelay(shard.crashes - 1, this.options.restartBackoff ?? DEFAULT_BACKOFF);
    this.options.log.error('router shard stopped; starting it again', { shard: shard.index, error: String(error), restartInMs: delayMs, crashesInARow: shard.crashes });
    for (const router of shard.routers.values()) {
      this.options.onEvent({ type: 'status', routerId: router.id, state: 'connecting', error: `the connection worker restarted; reconnecting in ${Math.ceil(delayMs / 1000)} s` });
    }
    shard.relaunch = setTimeout(() => this.launch(shard), delayMs);
  }

  private receive(event: ShardEvent): void {
    if (event.type === 'log') {
      this.options.log[event.level](event.msg, event.fields);
      return;
    }
    if (event.type !== 'reply') {
      this.options.onEvent(event);
      return;
    }
    const pending = this.pending.get(event.requestId);
    if (!pending) return;
    this.pending.delete(event.requestId);
    clearTimeout(pending.timer);
    if (event.ok) pending.resolve(event.data);
    else pending.reject(new RouterIoError(event.error, event.permanent));
  }

  private request(shard: Shard, command: (requestId: number) => ShardCommand): Promise<unknown> {
    if (!shard.port) return Promise.reject(new RouterIoError('the router connection worker is restarting; try again in a few seconds', false));
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new RouterIoError('the router connection worker did not answer in time', false));
      }, this.options.requestTimeoutMs ?? 30_000);
      this.pending.set(requestId, { shard, resolve, reject, timer });
      this.post(shard, command(requestId));
    });
  }

  private post(shard: Shard, command: ShardCommand): void {
    shard.port?.postMessage(command);
  }
}
