import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkWebhookSignature } from '../../payments/webhook-signature';

/** One request the receiver got, as it came over the wire. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** Answered with this status. */
  status: number;
}

/**
 * A real HTTP server on 127.0.0.1 standing for a tenant's own system (tests and e2e): it records
 * every request, answers with `status` (changeable between requests), and checks a signature the
 * way a receiver would (docs/protocol.md, "Event webhooks").
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  status = 200;
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];
  private readonly server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = this.status;
      this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'receiver is down for the test');
      for (const w of this.waiters.filter((w) => this.received.length >= w.count)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    });
  });

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/noc-events`;
  }

  /** Resolves with the request number `count` (1-based) once it has arrived, or fails after `timeoutMs`. */
  nth(count: number, timeoutMs = 15_000): Promise<ReceivedWebhook> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the receiver got ${this.received.length} requests, not ${count}, within ${timeoutMs} ms`)), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(this.received[count - 1]!);
      };
      if (this.received.length >= count) done();
      else this.waiters.push({ count, resolve: done });
    });
  }

  /** Null when the request is signed with `secret` (within the replay window); else why not. */
  static verify(request: ReceivedWebhook, secret: string, nowMs = Date.now()): string | null {
    const header = (name: string) => request.headers[name] as string | undefined;
    return checkWebhookSignature(secret, header('x-noc-timestamp'), header('x-noc-signature'), Buffer.from(request.body), nowMs);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}
