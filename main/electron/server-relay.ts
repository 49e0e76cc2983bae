import WebSocket from 'ws';
import type { ContractError } from '../contract/errors';
import type { ServerMessage } from '../contract/protocol';
import type { Logger } from '../core/logger';
import { backoffDelay, type BackoffOptions } from '../routers/client/backoff';
import { readPeerCertificate } from '../routers/client/peer-certificate';
import { tlsConnectOptions } from '../routers/client/tls-options';
import type { BackendStatus } from './console-backend-contract';

/** Where a window's backend connection delivers: protocol messages, and its status. */
export interface BackendSink {
  send(message: ServerMessage): void;
  status(status: BackendStatus): void;
}

/** A window's connection to its backend, embedded or remote: what the IPC bridge relays into. */
export interface BackendConnection {
  receive(message: unknown): Promise<void>;
  refuse(error: ContractError): void;
  close(): void;
}

export interface ServerRelayOptions {
  /** The server's origin (`https://host:port`); the protocol is at `/ws` under it. */
  url: string;
  /** The pinned certificate (PEM): the only one this relay accepts. */
  certificate: string;
  fingerprint: string;
  /** The words for a changed certificate (server-pins.ts), given what the server presents now. */
  changedMessage: (presented: string) => string;
  sink: BackendSink;
  log: Logger;
  /** Reconnect delays. @defaultValue RELAY_BACKOFF */
  backoff?: BackoffOptions;
  /** Down this long, the status says offline (it keeps trying). @defaultValue 30_000 */
  offlineAfterMs?: number;
}

/** As the browser console's bridge reconnects (renderer/src/bridge/ws-bridge.ts): quick first, at most 3 s apart. */
export const RELAY_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 3_000, factor: 2, jitter: 0.5 };
const PROBE_TIMEOUT_MS = 5_000;

const UNAVAILABLE: ContractError = {
  code: 'unavailable',
  message: 'the connection to the console server dropped before this was sent; it reconnects by itself',
};

/**
 * One window's protocol connection to a console server, held by the desktop main process: the
 * WebSocket at `wss://…/ws` carries the same messages the window sends over IPC, both ways. TLS
 * trusts exactly the pinned certificate (checked in the handshake, before a byte of the protocol
 * is sent), so no certificate decision is left to Chromium. A drop reconnects with backoff and
 * tells the window (which re-attaches its session and resubscribes); a certificate that is no
 * longer the pinned one stops it for good, with the reason.
 */
export class ServerRelay implements BackendConnection {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private downSince: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Whether this outage's failure was logged (reset when connected). */
  private warned = false;

  constructor(private readonly options: ServerRelayOptions) {
    options.sink.status({ state: 'connecting', problem: null });
    this.open();
  }

  async receive(message: unknown): Promise<void> {
    if (this.closed) return;
    const socket = this.socket;
    if (socket?.readyState === WebSocket.OPEN) return void socket.send(JSON.stringify(message));
    // The window sends only while told it is connected; one that raced a drop gets its answer now.
    const id = (message as { type?: unknown; id?: unknown } | null)?.type === 'invoke' ? (message as { id: unknown }).id : undefined;
    if (typeof id === 'number') this.options.sink.send({ type: 'result', id, ok: false, error: UNAVAILABLE });
  }

  refuse(error: ContractError): void {
    if (!this.closed) this.options.sink.send({ type: 'error', error });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const socket = this.socket;
    this.socket = null;
    socket?.terminate();
  }

  private open(): void {
    const { url, certificate, log } = this.options;
    const socketUrl = new URL('/ws', url);
    socketUrl.protocol = 'wss:';
    const socket = new WebSocket(socketUrl, { ...tlsConnectOptions({ pinned: certificate }), handshakeTimeout: 10_000 });
    this.socket = socket;
    let opened = false;
    let failure: Error | null = null;
    socket.on('open', () => {
      opened = true;
      this.attempt = 0;
      this.downSince = null;
      this.warned = false;
      this.options.sink.status({ state: 'connected', problem: null });
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary || this.closed) return;
      let message: unknown;
      try {
        message = JSON.parse(String(data));
      } catch {
        log.warn('console server sent a frame that is not JSON: dropped', { url });
        return;
      }
      if (typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string') this.options.sink.send(message as ServerMessage);
    });
    socket.on('error', (error) => (failure = error));
    socket.on('close', () => {
      if (this.socket !== socket || this.closed) return;
      this.socket = null;
      void this.afterDrop(opened ? null : failure);
    });
  }

  /** A drop: find out whether the certificate changed (then stop), otherwise try again later. */
  private async afterDrop(failure: Error | null): Promise<void> {
    const { url, fingerprint, log } = this.options;
    this.downSince ??= Date.now();
    if (failure) {
      const { hostname, port } = new URL(url);
      const presented = await readPeerCertificate(hostname.replace(/^\[|\]$/g, ''), Number(port || 443), PROBE_TIMEOUT_MS).then(
        (peer) => peer.fingerprint,
        () => null,
      );
      if (this.closed) return;
      if (presented !== null && presented !== fingerprint) {
        const problem = this.options.changedMessage(presented);
        log.error('console server refused: its certificate is not the pinned one', { url, pinned: fingerprint, presented });
        this.closed = true;
        this.options.sink.status({ state: 'offline', problem });
        return;
      }
      // Down, or refusing us for another reason (an expired certificate, a name not allowed): said once per outage, then retried.
      if (!this.warned) log.warn('console server connection failed; retrying', { url, error: failure.message });
      this.warned = true;
    }
    const offline = Date.now() - this.downSince > (this.options.offlineAfterMs ?? 30_000);
    this.options.sink.status({ state: offline ? 'offline' : 'reconnecting', problem: null });
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.closed) this.open();
    }, backoffDelay(this.attempt++, this.options.backoff ?? RELAY_BACKOFF));
  }
}
