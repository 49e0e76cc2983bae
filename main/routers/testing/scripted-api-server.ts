import net from 'node:net';
import { once } from 'node:events';

/**
 * Test support: a real TCP server that speaks the RouterOS API framing and lets a test decide,
 * sentence by sentence, what to answer — including things the simulator would never do (late
 * replies, raw bytes, splitting a sentence at a chosen byte). Own tiny codec, so the decoder under
 * test is not its own judge.
 */
export function encodeWord(word: string | Buffer): Buffer {
  const bytes = typeof word === 'string' ? Buffer.from(word, 'utf8') : word;
  const n = bytes.length;
  let prefix: Buffer;
  if (n < 0x80) prefix = Buffer.from([n]);
  else if (n < 0x4000) prefix = Buffer.from([(n >> 8) | 0x80, n & 0xff]);
  else if (n < 0x200000) prefix = Buffer.from([(n >> 16) | 0xc0, (n >> 8) & 0xff, n & 0xff]);
  else if (n < 0x10000000) prefix = Buffer.from([(n >>> 24) | 0xe0, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
  else prefix = Buffer.from([0xf0, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([prefix, bytes]);
}

export function encodeSentence(words: ReadonlyArray<string | Buffer>): Buffer {
  return Buffer.concat([...words.map(encodeWord), Buffer.from([0])]);
}

/** One received sentence: the words as raw bytes (for encoding checks) and as UTF-8 text. */
export interface ReceivedSentence {
  raw: Buffer[];
  words: string[];
  /** Value of the `.tag=` word, if any. */
  tag: string | undefined;
}

export interface ScriptedConnection {
  readonly socket: net.Socket;
  /** Sends one sentence; a `.tag` is added when given. */
  send(words: ReadonlyArray<string | Buffer>, tag?: string): void;
  sendRaw(bytes: Buffer): void;
  /** `!done` (with optional attribute words) for a command. */
  done(cmd: ReceivedSentence, ...attrs: string[]): void;
}

export type ScriptHandler = (sentence: ReceivedSentence, conn: ScriptedConnection) => void;

export interface ScriptedServer {
  port: number;
  /** Every sentence received, in order, over all connections. */
  received: ReceivedSentence[];
  connections: Set<net.Socket>;
  /** Resolves with the next sentence whose first word is `command`. */
  nextCommand(command: string): Promise<ReceivedSentence>;
  close(): Promise<void>;
}

export interface ScriptedServerOptions {
  /** Answers `/login`; default: accept at once. */
  login?: ScriptHandler;
}

/** Starts on 127.0.0.1, ephemeral port. `handler` gets every sentence except `/login`. */
export async function startScriptedServer(handler: ScriptHandler, options: ScriptedServerOptions = {}): Promise<ScriptedServer> {
  const received: ReceivedSentence[] = [];
  const waiters: Array<{ command: string; resolve: (s: ReceivedSentence) => void }> = [];
  const connections = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    socket.on('error', () => {}); // a client reset is part of several tests
    const conn: ScriptedConnection = {
      socket,
      send: (words, tag) => {
        if (!socket.destroyed) socket.write(encodeSentence(tag === undefined ? words : [...words, `.tag=${tag}`]));
      },
      sendRaw: (bytes) => {
        if (!socket.destroyed) socket.write(bytes);
      },
      done: (cmd, ...attrs) => conn.send(['!done', ...attrs], cmd.tag),
    };
    let pending = Buffer.alloc(0);
    let words: Buffer[] = [];
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const parsed = readWord(pending);
        if (!parsed) break;
        pending = pending.subarray(parsed.end);
        if (parsed.word.length > 0) {
          words.push(parsed.word);
          continue;
        }
        const raw = words;
        words = [];
        if (raw.length === 0) continue;
        const text = raw.map((w) => w.toString('utf8'));
        const tagWord = text.find((w) => w.startsWith('.tag='));
        const sentence: ReceivedSentence = { raw, words: text, tag: tagWord?.slice(5) };
        received.push(sentence);
        const waiter = waiters.findIndex((w) => w.command === text[0]);
        if (waiter >= 0) waiters.splice(waiter, 1)[0]!.resolve(sentence);
        if (text[0] === '/login') {
          if (options.login) options.login(sentence, conn);
          else conn.done(sentence);
          continue;
        }
        handler(sentence, conn);
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    received,
    connections,
    nextCommand: (command) => new Promise((resolve) => waiters.push({ command, resolve })),
    close: async () => {
      for (const s of connections) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readWord(buf: Buffer): { word: Buffer; end: number } | undefined {
  if (buf.length === 0) return undefined;
  const b = buf[0]!;
  const size = b < 0x80 ? 1 : b < 0xc0 ? 2 : b < 0xe0 ? 3 : b < 0xf0 ? 4 : 5;
  if (buf.length < size) return undefined;
  let n: number;
  if (size === 1) n = b;
  else if (size === 2) n = ((b & 0x3f) << 8) | buf[1]!;
  else if (size === 3) n = ((b & 0x1f) << 16) | (buf[1]! << 8) | buf[2]!;
  else if (size === 4) n = (b & 0x0f) * 0x1000000 + ((buf[1]! << 16) | (buf[2]! << 8) | buf[3]!);
  else n = buf.readUInt32BE(1);
  if (buf.length < size + n) return undefined;
  return { word: buf.subarray(size, size + n), end: size + n };
}
