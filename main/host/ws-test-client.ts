import WebSocket from 'ws';
import type { ServerMessage } from '../contract/protocol';

/**
 * A raw protocol client for tests: sends anything (also malformed frames) and waits for the
 * replies it expects, never sleeping. Used by host, auth and isolation tests.
 */
export class WsTestClient {
  readonly received: ServerMessage[] = [];
  private waiters: Array<() => void> = [];
  private nextId = 1;
  /** Resolves when the socket closes, with the host's close code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /**
   * Opens a client and waits for the host's hello; rejects with `HTTP <status>` when the upgrade
   * is refused and `closed <code>: <reason>` when the host closes the socket before its hello.
   * `localAddress` picks the client's source address (any of 127.0.0.0/8 on Linux); `ca` is the
   * one certificate a `wss://` client trusts (tls-test-client.ts).
   */
  static async connect(url: string, headers: Record<string, string> = {}, options: { localAddress?: string; ca?: string } = {}): Promise<WsTestClient> {
    const socket = new WebSocket(url.replace(/^http/, 'ws') + '/ws', { headers, localAddress: options.localAddress, ca: options.ca });
    const client = new WsTestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    const refused = client.closed.then(({ code, reason }) => Promise.reject(new Error(`closed ${code}: ${reason}`)));
    await Promise.race([client.next((m) => m.type === 'hello'), refused]);
    return client;
  }

  sendRaw(data: string | Buffer): void {
    this.socket.send(data);
  }

  /** Resolves with the first message (already received or future) matching `match`. */
  next(match: (message: ServerMessage) => boolean, timeoutMs = 5000): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching message arrived in time')), timeoutMs);
      const check = () => {
        const found = this.received.find(match);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  async invoke(name: string, input: unknown): Promise<ServerMessage> {
    const id = this.nextId++;
    this.sendRaw(JSON.stringify({ type: 'invoke', id, name, input }));
    return this.next((m) => m.type === 'result' && m.id === id);
  }

  async subscribe(channel: string): Promise<ServerMessage> {
    const id = this.nextId++;
    this.sendRaw(JSON.stringify({ type: 'subscribe', id, channel }));
    return this.next((m) => m.type === 'result' && m.id === id);
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
