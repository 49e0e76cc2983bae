import type { TlsOptions } from 'node:tls';
import { RouterOSAPI, type RStream } from 'node-routeros';
import { silentLogger, type Logger } from '../../core/logger';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { RouterConnectionOptions, RouterEndpoint } from './connection-options';
import { callError, connectError, lostError, RouterError } from './router-error';
import { Signal } from './signal';
import { describeTls, tlsConnectOptions } from './tls-options';

/** One attribute map as the router prints it: every value a string. */
export type RosRecord = Record<string, string>;

export type RouterConnectionState = 'connecting' | 'online' | 'degraded' | 'offline' | 'auth-failed';

export interface StateChange {
  state: RouterConnectionState;
  previous: RouterConnectionState;
  /** Why the router is not online (null when online). */
  error: RouterError | null;
}

export interface CallOptions {
  timeoutMs?: number;
}

export interface ListenHandlers {
  onRow(row: RosRecord): void;
  /** The stream ended: the connection was lost (`error`), or the router ended or refused it. */
  onEnd(error?: RouterError): void;
}

export interface ListenHandle {
  stop(): void;
}

/**
 * One persistent, tag-multiplexed API connection to one router (node-routeros, patched), with a
 * per-call timeout, keepalive probes, reconnect with backoff and jitter, and an observable state:
 * `connecting` (first attempt) → `online` ⇄ `degraded` (calls timing out or probes slow) →
 * `offline` (lost; retrying in the background) or `auth-failed` (login refused; retried slowly).
 * Plain class, no process-wide state: it can run in a worker thread.
 */
export class RouterConnection {
  readonly stateChanges: Signal<StateChange>;
  /** Emitted after every successful login, with the connection generation (1, 2, …). */
  readonly connected: Signal<number>;

  private readonly opts: Required<Omit<RouterConnectionOptions, 'backoff' | 'logger'>> & { backoff: BackoffOptions };
  private readonly log: Logger;
  private currentState: RouterConnectionState = 'offline';
  private error: RouterError | null = null;
  private api: RouterOSAPI | undefined;
  private attemptApi: RouterOSAPI | undefined;
  private running = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private keepaliveTimer: NodeJS.Timeout | undefined;
  private probing = false;
  private lastHeardAt = 0;
  private gen = 0;

  private readonly endpoint: RouterEndpoint;

  constructor(endpoint: RouterEndpoint, options: RouterConnectionOptions = {}) {
    this.endpoint = { ...endpoint };
    this.opts = {
      callTimeoutMs: options.callTimeoutMs ?? 10_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      keepalivePeriodMs: options.keepalivePeriodMs ?? 10_000,
      slowCallMs: options.slowCallMs ?? 2_000,
      authRetryMs: options.authRetryMs ?? 60_000,
      random: options.random ?? Math.random,
      backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    };
    this.log = (options.logger ?? silentLogger).child({ router: endpoint.name });
    const report = (err: unknown) => this.log.error('listener failed', { error: err instanceof Error ? err.message : String(err) });
    this.stateChanges = new Signal(report);
    this.connected = new Signal(report);
  }

  get host(): string {
    return this.endpoint.host;
  }

  get name(): string {
    return this.endpoint.name;
  }

  get state(): RouterConnectionState {
    return this.currentState;
  }

  get lastError(): RouterError | null {
    return this.error;
  }

  /** Logins so far; a new generation means a new connection (listens must be set up again). */
  get generation(): number {
    return this.gen;
  }

  get port(): number {
    return this.endpoint.port ?? (this.endpoint.tls ? 8729 : 8728);
  }

  /** Starts connecting (and keeps the connection up) until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.failures = 0;
    this.setState('connecting', null);
    void this.attempt();
  }

  /** Drops any connection and retries at once (e.g. after the credentials were corrected). */
  reconnectNow(endpoint?: Partial<RouterEndpoint>): void {
    if (endpoint) Object.assign(this.endpoint, endpoint);
    if (!this.running) return this.start();
    void this.teardown();
    this.failures = 0;
    this.setState('connecting', null);
    void this.attempt();
  }

  /** Stops for good: pending calls and listens end, no more reconnects. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    const closing = this.teardown();
    this.setState('offline', new RouterError('stopped', `router '${this.name}' connection stopped`, { router: this.name }));
    await closing;
  }

  /** Resolves when the state becomes `state` (now, if it already is). */
  waitFor(state: RouterConnectionState): Promise<StateChange> {
    if (this.currentState === state) return Promise.resolve({ state, previous: state, error: this.error });
    return new Promise((resolve) => {
      const off = this.stateChanges.on((change) => {
        if (change.state !== state) return;
        off();
        resolve(change);
      });
    });
  }

  /**
   * Sends one command (`['/ip/pool/print', '.proplist=name']`) and resolves with its rows
   * (`!re` items; attributes of `!done`, such as `ret`, come as a last row). Rejects with a
   * RouterError: `trap` (with category), `timeout`, `connection-lost` or `offline`.
   */
  async call(words: readonly string[], options: CallOptions = {}): Promise<RosRecord[]> {
    return this.send(words, options.timeoutMs ?? this.opts.callTimeoutMs, false);
  }

  /**
   * Starts a streaming command (`listen`, `=follow=`), on this connection only: after a reconnect
   * the caller starts it again (see `connected`).
   */
  listen(words: readonly string[], handlers: ListenHandlers): ListenHandle {
    const api = this.api;
    const command = words[0] ?? '';
    if (!api || !api.connected) {
      queueMicrotask(() => handlers.onEnd(this.offlineError(command)));
      return { stop: () => {} };
    }
    let ended = false;
    const end = (error?: RouterError) => {
      if (ended) return;
      ended = true;
      handlers.onEnd(error);
    };
    const stream: RStream = api.writeStream(words.slice());
    stream.on('error', () => {}); // a !trap also arrives as 'trap'
    stream.on('data', (row: RosRecord) => {
      if (ended) return;
      this.lastHeardAt = Date.now();
      handlers.onRow(row);
    });
    stream.on('trap', (trap: { message?: string; category?: string; errno?: string }) => {
      if (trap.message === 'interrupted') return; // our own /cancel
      const err = trap instanceof Error ? callError(this.name, command, trap) : callError(this.name, command, { errno: 'TRAP', message: trap.message, category: trap.category === undefined ? undefined : Number(trap.category) });
      end(err);
    });
    stream.on('done', () => end());
    return {
      stop: () => {
        if (ended) return;
        ended = true;
        if (api.connected) stream.stop().catch(() => {});
      },
    };
  }

  private async send(words: readonly string[], timeoutMs: number, probe: boolean): Promise<RosRecord[]> {
    const api = this.api;
    const command = words[0] ?? '';
    if (!api || !api.connected) throw this.offlineError(command);
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new RouterError('timeout', `router '${this.name}' did not answer ${command} within ${timeoutMs} ms: it may be overloaded or the link is poor`, { router: this.name, command })),
        timeoutMs,
      );
    });
    try {
      const rows = (await Promise.race([api.write(words.slice()), timeout])) as RosRecord[];
      this.heard(api, performance.now() - started, probe);
      return rows;
    } catch (err) {
      if (err instanceof RouterError && err.code === 'timeout') this.missed(api);
      else if ((err as { errno?: string }).errno === 'TRAP') this.heard(api, performance.now() - started, probe);
      throw callError(this.name, command, err);
    } finally {
      clearTimeout(timer);
    }
  }

  private offlineError(command: string): RouterError {
    const why = this.error ? `: ${this.error.message}` : '';
    return new RouterError('offline', `router '${this.name}' is ${this.currentState}, ${command} was not sent${why}`, { router: this.name, command });
  }

  /** A reply came: the router is alive; fast replies clear `degraded`, a slow probe sets it. */
  private heard(api: RouterOSAPI, latencyMs: number, probe: boolean): void {
    if (api !== this.api) return;
    this.lastHeardAt = Date.now();
    if (latencyMs > this.opts.slowCallMs) {
      if (probe) this.setHealth(false, `router '${this.name}' is slow: a keepalive took ${Math.round(latencyMs)} ms`);
    } else {
      this.setHealth(true);
    }
  }

  private missed(api: RouterOSAPI): void {
    if (api !== this.api) return;
    this.setHealth(false, `router '${this.name}' is not answering in time: calls are timing out`);
  }

  private setHealth(healthy: boolean, why?: string): void {
    if (healthy && this.currentState === 'degraded') this.setState('online', null);
    else if (!healthy && this.currentState === 'online') this.setState('degraded', new RouterError('timeout', why ?? 'degraded', { router: this.name }));
  }

  private async attempt(): Promise<void> {
    this.retryTimer = undefined;
    const { host, username, password, tls, encoding } = this.endpoint;
    const port = this.port;
    // The socket's own idle limit is only a backstop: the keepalive deadline comes first.
    const idleSeconds = Math.max(this.opts.connectTimeoutMs, 2 * this.opts.keepalivePeriodMs) / 1000;
    let api: RouterOSAPI;
    try {
      const secure = tls ? tlsConnectOptions(tls) : undefined;
      if (secure === null) {
        // Trust on first use is the caller's (it stores what it trusts); without a pin, no login.
        this.setState('offline', new RouterError('tls-untrusted', `router '${this.name}' has no pinned TLS certificate yet: the console does not log in until one is pinned`, { router: this.name }));
        this.scheduleRetry(this.opts.authRetryMs);
        return;
      }
      api = new RouterOSAPI({
        host,
        port,
        user: username,
        password,
        timeout: idleSeconds,
        encoding: encoding ?? 'utf-8',
        // node-routeros hands `tls` to tls.connect(), so client ConnectionOptions are what it takes.
        ...(secure ? { tls: secure as TlsOptions } : {}),
      });
    } catch (err) {
      // Only a bad encoding name or a damaged pinned certificate throws here: a configuration error, not worth retrying.
      this.running = false;
      this.setState('offline', new RouterError('unreachable', `router '${this.name}': ${(err as Error).message}`, { router: this.name }));
      return;
    }
    api.on('error', () => {}); // every failure also rejects the pending calls and emits 'close'
    let online = false;
    api.on('close', (err: unknown) => {
      if (online) this.lost(api, lostError(this.name, err));
    });
    this.attemptApi = api;
    this.log.debug('connecting', { host, port, tls: describeTls(tls ?? false) });
    try {
      await api.connect();
    } catch (err) {
      if (this.attemptApi !== api) return; // stopped or superseded meanwhile
      this.attemptApi = undefined;
      const error = connectError(this.name, host, port, err, typeof tls === 'object' && 'pinned' in tls);
      this.log.warn('connect failed', { code: error.code, error: error.message });
      if (error.code === 'auth-failed' || error.code === 'tls-untrusted') {
        this.setState(error.code === 'auth-failed' ? 'auth-failed' : 'offline', error);
        this.scheduleRetry(this.opts.authRetryMs);
      } else {
        this.setState('offline', error);
        this.scheduleRetry(backoffDelay(this.failures++, this.opts.backoff, this.opts.random));
      }
      return;
    }
    if (this.attemptApi !== api || !this.running) {
      api.close().catch(() => {});
      return;
    }
    this.attemptApi = undefined;
    online = true;
    this.api = api;
    this.failures = 0;
    this.lastHeardAt = Date.now();
    this.gen += 1;
    this.log.info('connected', { host, port, generation: this.gen });
    this.setState('online', null);
    this.startKeepalive(api);
    this.connected.emit(this.gen);
  }

  private lost(api: RouterOSAPI, error: RouterError): void {
    if (api !== this.api) return;
    this.api = undefined;
    this.stopKeepalive();
    this.log.warn('connection lost', { error: error.message });
    this.setState('offline', error);
    if (this.running) this.scheduleRetry(backoffDelay(this.failures++, this.opts.backoff, this.opts.random));
  }

  private scheduleRetry(delayMs: number): void {
    if (!this.running) return;
    clearTimeout(this.retryTimer);
    this.log.debug('reconnect scheduled', { delayMs });
    this.retryTimer = setTimeout(() => void this.attempt(), delayMs);
  }

  private startKeepalive(api: RouterOSAPI): void {
    this.stopKeepalive();
    const period = this.opts.keepalivePeriodMs;
    this.keepaliveTimer = setInterval(() => {
      if (api !== this.api) return;
      const silentMs = Date.now() - this.lastHeardAt;
      if (silentMs >= period) {
        this.lost(api, new RouterError('connection-lost', `router '${this.name}' stopped answering: nothing heard for ${silentMs} ms; reconnecting`, { router: this.name }));
        api.close().catch(() => {});
        return;
      }
      if (this.probing || silentMs < period / 2) return;
      this.probing = true;
      this.send(['/system/identity/print', '.proplist=name'], Math.max(1, Math.floor(period / 4)), true)
        .catch(() => {}) // the outcome already went to heard()/missed()
        .finally(() => {
          this.probing = false;
        });
    }, Math.max(5, Math.floor(period / 20)));
  }

  private stopKeepalive(): void {
    clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = undefined;
  }

  /** Forget the current connection and any attempt in progress; resolves when closed. */
  private teardown(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.stopKeepalive();
    const api = this.api;
    this.api = undefined;
    const closing = api ? api.close().then(() => {}, () => {}) : Promise.resolve();
    const attempt = this.attemptApi;
    this.attemptApi = undefined;
    // node-routeros' close() does nothing while connecting; destroying its connector ends the
    // attempt now (connect() then rejects and is ignored, see attempt()).
    if (attempt) (attempt as unknown as { connector?: { destroy(): void } }).connector?.destroy();
    return closing;
  }

  private setState(state: RouterConnectionState, error: RouterError | null): void {
    const previous = this.currentState;
    const sameError = this.error?.message === error?.message;
    this.error = error;
    if (previous === state && sameError) return;
    this.currentState = state;
    this.log.info('state', { state, previous, ...(error ? { error: error.message } : {}) });
    this.stateChanges.emit({ state, previous, error });
  }
}
