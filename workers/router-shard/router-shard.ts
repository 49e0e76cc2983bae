import { setTimeout as delay } from 'node:timers/promises';
import type { MessagePort } from 'node:worker_threads';
import type { Logger, LogFields } from '../../main/core/logger';
import type { RouterConnectionOptions } from '../../main/routers/client/connection-options';
import type { RouterError } from '../../main/routers/client/router-error';
import type { ConnectionTestResult, RouterEndpoint, ShardCommand, ShardEvent } from '../../main/routers/io/shard-protocol';
import { connectionFor, readResource, WatchedRouter } from './watched-router';

/** How long a connection test waits for the router before it says why it could not log in. */
const TEST_TIMEOUT_MS = 15_000;

/**
 * The routers of one shard. Runs inside a piscina worker for as long as the console runs; the
 * main thread talks to it over one MessagePort (ShardCommand in, ShardEvent out).
 */
export class RouterShard {
  private readonly routers = new Map<number, WatchedRouter>();
  private readonly log: Logger;
  private finished!: () => void;
  readonly done = new Promise<void>((resolve) => (this.finished = resolve));

  constructor(
    private readonly port: MessagePort,
    private readonly options: RouterConnectionOptions = {},
  ) {
    this.log = portLogger((e) => this.emit(e), { component: 'router-shard' });
    port.on('message', (command: ShardCommand) => void this.handle(command));
    this.emit({ type: 'ready' });
  }

  private emit(event: ShardEvent): void {
    this.port.postMessage(event);
  }

  private async handle(command: ShardCommand): Promise<void> {
    switch (command.type) {
      case 'watch':
        await this.routers.get(command.router.id)?.stop();
        this.watch(command.router);
        return;
      case 'unwatch': {
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
          const read = (r: WatchedRouter) => (command.what === 'counters' ? r.pollCounters() : r.pollResource());
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
          return router.kick(command.kind, command.sessionId);
        });
      case 'test':
        return this.reply(command.requestId, () => testConnection(command.router, this.options));
      case 'stop':
        await Promise.all([...this.routers.values()].map((r) => r.stop()));
        this.routers.clear();
        this.port.close();
        this.finished();
        return;
    }
  }

  private watch(endpoint: RouterEndpoint): void {
    const router = new WatchedRouter(endpoint, this.options, (e) => this.emit(e), this.log.child({ routerId: endpoint.id }));
    this.routers.set(endpoint.id, router);
    router.start();
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
