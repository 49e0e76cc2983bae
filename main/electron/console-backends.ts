import { z } from 'zod';
import type { Core } from '../core/app-core';
import type { Logger } from '../core/logger';
import type { Result } from '../contract/errors';
import { normalizeFingerprint, readPeerCertificate } from '../routers/client/peer-certificate';
import { SERVER_URL_MAX, type BackendChoice, type ConsoleBackendRequest, type RememberedServer, type ServerProbe } from './console-backend-contract';
import { normalizeServerUrl, type PinnedServer, type ServerPins } from './server-pins';
import { ServerRelay, type BackendConnection, type BackendSink, type ServerRelayOptions } from './server-relay';

export interface ConsoleBackendsOptions {
  pins: ServerPins;
  /** Starts the embedded core: called at most once, and only when "This computer" is chosen. */
  startEmbedded: () => Promise<Core>;
  log: Logger;
  /** Reconnect timing of server relays (tests shorten it). */
  relay?: Partial<Pick<ServerRelayOptions, 'backoff' | 'offlineAfterMs'>>;
}

const PROBE_TIMEOUT_MS = 5_000;

/** The pin file could not be read (server-pins.ts says which and what to do): an answer, not a crash. */
function withPins<T>(work: () => Result<T>): Result<T> {
  try {
    return work();
  } catch (error) {
    return { ok: false, error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * Which backend the desktop app's windows talk to, chosen on the sign-in screen: the embedded
 * core, started only when chosen (a desk on a console server opens no store and no router
 * connection of its own), or a console server whose certificate is pinned on first use. Windows
 * get one connection each from {@link connect}; the IPC bridge relays into it.
 */
export class ConsoleBackends {
  private choice: { kind: 'this-computer'; core: Core } | { kind: 'server'; server: PinnedServer } | null = null;
  private embedded: Promise<Core> | null = null;

  constructor(private readonly options: ConsoleBackendsOptions) {}

  /** Whether the embedded core was started in this run (never, for a desk on a server). */
  get embeddedStarted(): boolean {
    return this.embedded !== null;
  }

  current(): BackendChoice | null {
    if (!this.choice) return null;
    if (this.choice.kind === 'this-computer') return { kind: 'this-computer' };
    return { kind: 'server', url: this.choice.server.url, fingerprint: this.choice.server.fingerprint };
  }

  servers(): Result<RememberedServer[]> {
    return withPins(() => ({ ok: true, data: this.options.pins.list() }));
  }

  /** Reads the certificate a server presents (the TLS handshake, nothing sent) and compares it with the pin. */
  async probe(input: string): Promise<Result<ServerProbe>> {
    const url = normalizeServerUrl(input);
    if (!url.ok) return url;
    const presented = await this.presented(url.data);
    if (!presented.ok) return presented;
    return withPins(() => ({ ok: true, data: this.options.pins.compare(url.data, presented.data.fingerprint) }));
  }

  /**
   * Chooses a server. On first use `fingerprint` is what the person confirmed: it must be what
   * the server presents now, and that certificate is pinned; a server pinned before must present
   * its pinned certificate, or it is refused with the reason.
   */
  async useServer(input: string, fingerprint: string): Promise<Result<BackendChoice>> {
    const url = normalizeServerUrl(input);
    if (!url.ok) return url;
    const presented = await this.presented(url.data);
    if (!presented.ok) return presented;
    // A pinned server's changed certificate is refused as such, whatever fingerprint came with the request.
    const pin = withPins(() => ({ ok: true, data: this.options.pins.compare(url.data, presented.data.fingerprint) }));
    if (!pin.ok) return pin;
    if (pin.data.pin === 'changed') return { ok: false, error: { code: 'conflict', message: pin.data.message! } };
    const confirmed = normalizeFingerprint(fingerprint);
    if (presented.data.fingerprint !== confirmed) {
      return {
        ok: false,
        error: { code: 'conflict', message: `${url.data} now presents the certificate ${presented.data.fingerprint}, not the ${confirmed} you confirmed: connect again and compare the new one with what the server printed.` },
      };
    }
    const pinned = withPins(() => this.options.pins.use(url.data, presented.data.pem));
    if (!pinned.ok) return pinned;
    await this.stopEmbedded();
    this.choice = { kind: 'server', server: pinned.data };
    this.options.log.info('desktop connects to a console server', { url: url.data, fingerprint: pinned.data.fingerprint });
    return { ok: true, data: this.current()! };
  }

  /** Chooses the embedded backend, starting the core now if this run has not yet. */
  async useThisComputer(): Promise<Result<BackendChoice>> {
    this.embedded ??= this.options.startEmbedded();
    try {
      this.choice = { kind: 'this-computer', core: await this.embedded };
    } catch (error) {
      this.embedded = null;
      return { ok: false, error: { code: 'unavailable', message: `the console on this computer could not start: ${String(error)}` } };
    }
    return { ok: true, data: { kind: 'this-computer' } };
  }

  /** Back to the question; an embedded core keeps running until a server is chosen (choosing this computer again reuses it). */
  leave(): void {
    this.choice = null;
  }

  forget(input: string): Result<RememberedServer[]> {
    const url = normalizeServerUrl(input);
    if (!url.ok) return url;
    return withPins(() => {
      this.options.pins.forget(url.data);
      return { ok: true, data: this.options.pins.list() };
    });
  }

  /** A window's connection to the chosen backend; null while nothing is chosen. */
  connect(sink: BackendSink): BackendConnection | null {
    const choice = this.choice;
    if (!choice) return null;
    if (choice.kind === 'this-computer') {
      const connection = choice.core.connect((message) => sink.send(message));
      sink.status({ state: 'connected', problem: null });
      return connection;
    }
    const { server } = choice;
    return new ServerRelay({
      url: server.url,
      certificate: server.certificate,
      fingerprint: server.fingerprint,
      changedMessage: (presented) => this.options.pins.changedMessage(server.url, server.fingerprint, presented),
      sink,
      log: this.options.log,
      ...this.options.relay,
    });
  }

  /** Closes the embedded core, if this run started it. */
  async close(): Promise<void> {
    this.choice = null;
    await this.stopEmbedded();
  }

  /**
   * A desk that moves to a server lets go of this computer's core: its router connections and
   * jobs would otherwise run on beside the server's (two connections to every router again).
   */
  private async stopEmbedded(): Promise<void> {
    const embedded = this.embedded;
    if (!embedded) return;
    this.embedded = null;
    if (this.choice?.kind === 'this-computer') this.choice = null;
    const core = await embedded.catch(() => null);
    await core?.close();
    this.options.log.info('embedded console stopped');
  }

  private async presented(url: string): Promise<Result<{ pem: string; fingerprint: string }>> {
    const { hostname, port } = new URL(url);
    try {
      return { ok: true, data: await readPeerCertificate(hostname.replace(/^\[|\]$/g, ''), Number(port || 443), PROBE_TIMEOUT_MS) };
    } catch (error) {
      return {
        ok: false,
        error: { code: 'unavailable', message: `${url} did not answer with TLS (${error instanceof Error ? error.message : String(error)}): check the address and that the console server runs with TLS.` },
      };
    }
  }
}

const serverUrl = z.string().max(SERVER_URL_MAX);

/** What a window may ask of the backend choice (console-backend-contract.ts), exactly. */
export const consoleBackendRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('current') }).strict(),
  z.object({ op: z.literal('servers') }).strict(),
  z.object({ op: z.literal('probe'), url: serverUrl }).strict(),
  z.object({ op: z.literal('use-server'), url: serverUrl, fingerprint: z.string().max(200) }).strict(),
  z.object({ op: z.literal('use-this-computer') }).strict(),
  z.object({ op: z.literal('leave') }).strict(),
  z.object({ op: z.literal('forget'), url: serverUrl }).strict(),
]) satisfies z.ZodType<ConsoleBackendRequest>;
