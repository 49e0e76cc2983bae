import { RouterOSAPI } from 'node-routeros';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failOnUnhandled } from '../testing/fail-on-unhandled';
import { encodeSentence, startScriptedServer, type ReceivedSentence, type ScriptedConnection, type ScriptedServer } from '../testing/scripted-api-server';

/**
 * Random and truncated byte streams, through a real socket, into the patched node-routeros: none
 * may throw out of the socket handler (failOnUnhandled), and each must end the pending command
 * and the connection with a clean connection error.
 */
failOnUnhandled();

/** mulberry32: a small seeded PRNG, so a failing case can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(0x5eed);
const int = (n: number) => Math.floor(random() * n);
const noise = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));

/** A reply that would be valid for `tag`, so a cut lands inside real framing. */
function validReply(tag: string): Buffer {
  const rows = Array.from({ length: 1 + int(5) }, (_, i) =>
    encodeSentence(['!re', `=.id=*${i}`, `=name=user-${'ü'.repeat(int(80))}`, `=comment=${'c'.repeat(int(300))}`, `.tag=${tag}`]),
  );
  return Buffer.concat([...rows, encodeSentence(['!done', `.tag=${tag}`])]);
}

type Payload = (cmd: ReceivedSentence) => Buffer;
const kinds: Record<string, Payload> = {
  random: () => noise(1 + int(3000)),
  truncated: (cmd) => {
    const full = validReply(cmd.tag!);
    return full.subarray(0, int(full.length - 1)); // never the whole stream
  },
  'valid then noise': (cmd) => {
    const full = validReply(cmd.tag!);
    return Buffer.concat([full.subarray(0, int(full.length - 1)), noise(1 + int(200))]);
  },
  'control byte': (cmd) => Buffer.concat([validReply(cmd.tag!).subarray(0, 40), Buffer.from([0xf8 + int(8)]), noise(int(50))]),
  'huge length': () => Buffer.from([0xf0, 0xff, 0xff, 0xff, 0xff, 1, 2, 3]),
};

const CONNECTION_ERRORS = ['CLOSED', 'BADREPLY', 'FATAL'];

let server: ScriptedServer;
let next: Payload = kinds.random!;
let loginPayload: Buffer | undefined;

beforeAll(async () => {
  server = await startScriptedServer(
    (cmd: ReceivedSentence, conn: ScriptedConnection) => {
      conn.sendRaw(next(cmd));
      conn.socket.end();
    },
    {
      login: (cmd, conn) => {
        if (!loginPayload) return conn.done(cmd);
        conn.sendRaw(loginPayload);
        conn.socket.end();
      },
    },
  );
});
afterAll(() => server.close());

describe('fuzzing the patched decoder through a socket', () => {
  for (const [name, payload] of Object.entries(kinds)) {
    it(`ends every command cleanly on ${name} bytes`, async () => {
      next = payload;
      loginPayload = undefined;
      for (let i = 0; i < 60; i++) {
        const api = new RouterOSAPI({ host: '127.0.0.1', port: server.port, user: 'u', password: 'p', timeout: 5 });
        await api.connect();
        const closed = new Promise<unknown>((resolve) => api.once('close', resolve));
        const outcome = await api.write('/ip/hotspot/active/print').then(
          (rows) => ({ rows }),
          (err: { errno?: string }) => err,
        );
        expect(CONNECTION_ERRORS, `case ${i}: ${JSON.stringify(outcome).slice(0, 200)}`).toContain((outcome as { errno?: string }).errno);
        expect(await closed).toMatchObject({ errno: expect.any(String) });
        expect(api.connected).toBe(false);
      }
    });
  }

  it('fails the login cleanly on random or truncated bytes', async () => {
    for (let i = 0; i < 60; i++) {
      loginPayload = i % 2 === 0 ? noise(1 + int(500)) : encodeSentence(['!done', '=ret=0123456789abcdef']).subarray(0, 1 + int(20));
      const api = new RouterOSAPI({ host: '127.0.0.1', port: server.port, user: 'u', password: 'p', timeout: 5 });
      const err = await api.connect().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, `case ${i}`).toMatchObject({ errno: expect.stringMatching(/^(CLOSED|BADREPLY|FATAL)$/) });
      expect(api.connected).toBe(false);
    }
  });
});
