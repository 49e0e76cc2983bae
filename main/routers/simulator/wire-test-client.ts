import net from 'node:net';
import tls from 'node:tls';
import { encodeSentence, SentenceDecoder } from './codec';
import type { TextEncoding } from './types';

/**
 * A deliberately small raw API client for the simulator's own tests and bench: it sends
 * sentences and hands back reply sentences in arrival order, so tests can wait for exactly the
 * words they expect. No retries, no tags of its own.
 */
export class WireTestClient {
  readonly closed: Promise<void>;
  /** Set when the decoder hit bytes it cannot parse (e.g. the garbage fault). */
  protocolError: Error | undefined;
  private readonly decoder: SentenceDecoder;
  private readonly queue: string[][] = [];
  private waiters: Array<() => void> = [];
  private isClosed = false;

  private constructor(
    private readonly socket: net.Socket,
    encoding: TextEncoding,
  ) {
    this.decoder = new SentenceDecoder(encoding);
    socket.on('data', (chunk: Buffer) => {
      if (this.protocolError) return;
      try {
        this.queue.push(...this.decoder.push(chunk));
      } catch (err) {
        this.protocolError = err as Error;
        socket.destroy();
      }
      this.wake();
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.isClosed = true;
        this.wake();
        resolve();
      }),
    );
  }

  static async connect(port: number, options: { host?: string; tls?: boolean; encoding?: TextEncoding } = {}): Promise<WireTestClient> {
    const host = options.host ?? '127.0.0.1';
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s: net.Socket = options.tls
        ? tls.connect({ host, port, ciphers: 'ADH-AES256-GCM-SHA384:@SECLEVEL=0', rejectUnauthorized: false, maxVersion: 'TLSv1.2' }, () => resolve(s))
        : net.connect({ host, port }, () => resolve(s));
      s.once('error', reject);
    });
    return new WireTestClient(socket, options.encoding ?? 'utf-8');
  }

  get isOpen(): boolean {
    return !this.isClosed;
  }

  send(...words: string[]): void {
    this.socket.write(encodeSentence(words));
  }

  writeRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** The next reply sentence; rejects if the connection closes first. */
  async next(): Promise<string[]> {
    for (;;) {
      const s = this.queue.shift();
      if (s) return s;
      if (this.isClosed) throw new Error('connection closed while waiting for a sentence');
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Sentences up to and including the first that satisfies `last`. */
  async until(last: (s: string[]) => boolean): Promise<string[][]> {
    const out: string[][] = [];
    for (;;) {
      const s = await this.next();
      out.push(s);
      if (last(s)) return out;
    }
  }

  /** Sends a command and returns every reply up to its `!done` (or `!fatal`). */
  async command(...words: string[]): Promise<string[][]> {
    this.send(...words);
    const tag = words.find((w) => w.startsWith('.tag='));
    return this.until((s) => s[0] === '!fatal' || (s[0] === '!done' && (tag === undefined || s.includes(tag))));
  }

  async login(user = 'admin', password = 'admin'): Promise<void> {
    const reply = await this.command('/login', `=name=${user}`, `=password=${password}`);
    if (reply.at(-1)?.[0] !== '!done' || reply.length !== 1) throw new Error(`login failed: ${JSON.stringify(reply)}`);
  }

  close(): void {
    this.socket.destroy();
  }

  pending(): number {
    return this.queue.length;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** `=k=v` words of one sentence as a record. */
export function attrs(sentence: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of sentence) {
    if (!w.startsWith('=')) continue;
    const eq = w.indexOf('=', 1);
    out[w.slice(1, eq)] = w.slice(eq + 1);
  }
  return out;
}
