import net from 'node:net';
import { once } from 'node:events';

/**
 * Test and bench tooling: a TCP proxy on 127.0.0.1 between the console and one router that
 * injects the faults of a flaky link on demand — resets, stalls (sockets open, nothing moves),
 * refused connections, added latency, and a cut in the middle of a reply. One proxy per router,
 * so faults are per router; fault-script.ts drives several from a seeded script.
 */
export interface FaultProxyStats {
  accepted: number;
  resets: number;
  cuts: number;
}

export type LinkFault = 'reset' | 'stall' | 'refuse' | 'latency' | 'cut';

/** Chunks on their way in one direction, each due at a time (latency), sent in order. */
interface Lane {
  to: net.Socket;
  queue: Array<{ due: number; chunk: Buffer; then?: () => void }>;
  timer: NodeJS.Timeout | undefined;
}

/** One accepted console connection and its upstream connection to the router. */
interface Link {
  client: net.Socket;
  router: net.Socket;
  toRouter: Lane;
  toClient: Lane;
}

export class FaultProxy {
  readonly stats: FaultProxyStats = { accepted: 0, resets: 0, cuts: 0 };
  private readonly links = new Set<Link>();
  private server: net.Server;
  private stalled = false;
  private refusing = false;
  private delayMs = 0;
  /** Bytes router → console still allowed before the link is cut; null: no cut armed. */
  private cutBudget: number | null = null;
  private listenPort = 0;

  private constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {
    this.server = this.createServer();
  }

  static async start(upstream: { host: string; port: number }): Promise<FaultProxy> {
    const proxy = new FaultProxy(upstream.host, upstream.port);
    await proxy.listen(0);
    return proxy;
  }

  get host(): string {
    return '127.0.0.1';
  }

  get port(): number {
    return this.listenPort;
  }

  /** The faults in effect now (empty: a clean link). */
  get active(): LinkFault[] {
    const faults: LinkFault[] = [];
    if (this.stalled) faults.push('stall');
    if (this.refusing) faults.push('refuse');
    if (this.delayMs > 0) faults.push('latency');
    if (this.cutBudget !== null) faults.push('cut');
    return faults;
  }

  /** Resets (TCP RST) every connection open now; new ones are accepted as usual. */
  reset(): void {
    for (const link of [...this.links]) {
      this.stats.resets += 1;
      this.drop(link, true);
    }
  }

  /** Nothing moves in either direction; the sockets stay open (a blackholed link) until clear(). */
  stall(): void {
    this.stalled = true;
    for (const { client, router } of this.links) {
      client.pause();
      router.pause();
    }
  }

  /** New connections are refused (the port stops listening) until clear(); open ones stay. */
  refuse(): void {
    if (this.refusing) return;
    this.refusing = true;
    // Listening stops at once; close's callback would wait for the open connections to end.
    this.server.close();
  }

  /** Every chunk, both ways, arrives `ms` later (order kept). */
  latency(ms: number): void {
    this.delayMs = Math.max(0, ms);
  }

  /** The next `bytes` bytes from the router pass, then the link is cut mid-reply (RST). */
  cutAfter(bytes: number): void {
    this.cutBudget = Math.max(0, bytes);
  }

  /** Back to a clean link: stalled bytes flow on (as TCP would retransmit them), new connections accepted. */
  async clear(): Promise<void> {
    this.latency(0);
    this.cutBudget = null;
    if (this.stalled) {
      this.stalled = false;
      for (const { client, router } of this.links) {
        client.resume();
        router.resume();
      }
    }
    if (this.refusing) {
      this.server = this.createServer();
      await this.listen(this.listenPort);
      this.refusing = false;
    }
  }

  async close(): Promise<void> {
    for (const link of [...this.links]) this.drop(link, false);
    if (!this.refusing) await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.refusing = true;
  }

  private createServer(): net.Server {
    return net.createServer((client) => this.accept(client));
  }

  private async listen(port: number): Promise<void> {
    this.server.listen(port, '127.0.0.1');
    await once(this.server, 'listening');
    this.listenPort = (this.server.address() as net.AddressInfo).port;
  }

  private accept(client: net.Socket): void {
    this.stats.accepted += 1;
    client.setNoDelay(true);
    const router = net.connect(this.upstreamPort, this.upstreamHost);
    router.setNoDelay(true);
    const link: Link = { client, router, toRouter: { to: router, queue: [], timer: undefined }, toClient: { to: client, queue: [], timer: undefined } };
    this.links.add(link);
    if (this.stalled) {
      client.pause();
      router.pause();
    }
    client.on('data', (chunk: Buffer) => this.forward(link, link.toRouter, chunk));
    router.on('data', (chunk: Buffer) => this.fromRouter(link, chunk));
    for (const socket of [client, router]) {
      socket.on('error', () => this.drop(link, true));
      socket.on('close', () => this.drop(link, false));
    }
  }

  private fromRouter(link: Link, chunk: Buffer): void {
    if (this.cutBudget === null) return this.forward(link, link.toClient, chunk);
    if (chunk.length <= this.cutBudget) {
      this.cutBudget -= chunk.length;
      return this.forward(link, link.toClient, chunk);
    }
    const head = chunk.subarray(0, this.cutBudget);
    this.cutBudget = null;
    this.stats.cuts += 1;
    // The head goes out first, then the RST: the console sees half a reply and a dead link.
    this.forward(link, link.toClient, head, () => this.drop(link, true));
  }

  /** Queues a chunk due after the current latency, never before the chunks ahead of it. */
  private forward(link: Link, lane: Lane, chunk: Buffer, then?: () => void): void {
    const last = lane.queue.at(-1)?.due ?? 0;
    lane.queue.push({ due: Math.max(Date.now() + this.delayMs, last), chunk, then });
    this.pump(link, lane);
  }

  private pump(link: Link, lane: Lane): void {
    clearTimeout(lane.timer);
    lane.timer = undefined;
    while (lane.queue.length > 0 && this.links.has(link)) {
      const next = lane.queue[0]!;
      const wait = next.due - Date.now();
      if (wait > 0) {
        lane.timer = setTimeout(() => this.pump(link, lane), wait);
        return;
      }
      lane.queue.shift();
      // A reset while bytes wait in the socket's queue turns into a plain close: flush first.
      if (next.then) lane.to.write(next.chunk, next.then);
      else if (next.chunk.length > 0) lane.to.write(next.chunk);
    }
  }

  private drop(link: Link, reset: boolean): void {
    if (!this.links.delete(link)) return;
    clearTimeout(link.toRouter.timer);
    clearTimeout(link.toClient.timer);
    for (const socket of [link.client, link.router]) {
      if (socket.destroyed) continue;
      if (reset) socket.resetAndDestroy();
      else socket.destroy();
    }
  }
}
