import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the receiver accepted, as it came over the wire (headers unfolded, lower-case names). */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** Who signed in, or null without authentication. */
  user: string | null;
  headers: Record<string, string>;
  text: string;
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server) standing for a tenant's mail relay in tests: it
 * accepts plain connections with or without AUTH PLAIN/LOGIN, checks the password it is given,
 * and records every message. `nth` waits for a message, without sleeping.
 */
export class SmtpReceiver {
  readonly received: ReceivedMail[] = [];
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];
  private readonly server: SMTPServer;

  private constructor(credentials: { user: string; password: string } | null) {
    this.server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: credentials === null,
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (credentials && auth.username === credentials.user && auth.password === credentials.password) callback(null, { user: auth.username });
        else callback(new Error('535 5.7.8 authentication failed'));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push(SmtpReceiver.parse(raw, session));
          callback();
          for (const w of this.waiters.filter((x) => this.received.length >= x.count)) {
            this.waiters.splice(this.waiters.indexOf(w), 1);
            w.resolve();
          }
        });
      },
    });
  }

  static async start(credentials: { user: string; password: string } | null = null): Promise<SmtpReceiver> {
    const receiver = new SmtpReceiver(credentials);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Resolves with message number `count` (1-based) once it has arrived, or fails after `timeoutMs`. */
  nth(count: number, timeoutMs = 15_000): Promise<ReceivedMail> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the SMTP receiver got ${this.received.length} messages, not ${count}, within ${timeoutMs} ms`)), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(this.received[count - 1]!);
      };
      if (this.received.length >= count) done();
      else this.waiters.push({ count, resolve: done });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Quoted-printable (RFC 2045) back to text: soft breaks joined, `=XX` bytes decoded as UTF-8. */
  private static unquote(body: string): string {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }

  private static parse(raw: string, session: { envelope: { mailFrom: false | { address: string }; rcptTo: Array<{ address: string }> }; user?: unknown }): ReceivedMail {
    const split = raw.indexOf('\r\n\r\n');
    const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
    const headers: Record<string, string> = {};
    for (const line of head.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    return {
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      to: session.envelope.rcptTo.map((r) => r.address),
      user: typeof session.user === 'string' ? session.user : null,
      headers,
      text: headers['content-transfer-encoding'] === 'quoted-printable' ? SmtpReceiver.unquote(raw.slice(split + 4)) : raw.slice(split + 4),
      raw,
    };
  }
}
