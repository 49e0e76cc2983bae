import { EventEmitter } from 'node:events';
import { RouterOSAPI, Receiver, type RStream } from 'node-routeros';
import { afterEach, describe, expect, it } from 'vitest';
import { failOnUnhandled } from '../testing/fail-on-unhandled';
import { encodeSentence, encodeWord, startScriptedServer, type ScriptedServer, type ScriptHandler } from '../testing/scripted-api-server';

/**
 * One test per defect fixed by main/routers/patches/node-routeros+1.6.9.patch. Each fails on the
 * unpatched 1.6.9 (an uncaught exception, a promise that never settles, or a wrong value).
 */
failOnUnhandled();

let server: ScriptedServer | undefined;
const apis: RouterOSAPI[] = [];

afterEach(async () => {
  for (const api of apis.splice(0)) if (api.connected) await api.close().catch(() => {});
  await server?.close();
  server = undefined;
});

async function connect(handler: ScriptHandler, options: { timeout?: number; encoding?: string } = {}): Promise<RouterOSAPI> {
  server ??= await startScriptedServer(handler);
  const api = new RouterOSAPI({ host: '127.0.0.1', port: server.port, user: 'api', password: 'pw', timeout: 5, ...options });
  apis.push(api);
  await api.connect();
  return api;
}

/** The 'close' event's arguments. (events.once would add an 'error' listener, hiding the defect.) */
function closeOf(api: RouterOSAPI): Promise<unknown[]> {
  return new Promise((resolve) => api.once('close', (...args: unknown[]) => resolve(args)));
}

describe('node-routeros 1.6.9 as patched', () => {
  it('ends a command on !empty (RouterOS 7.18+) with no rows, and the connection keeps working', async () => {
    const api = await connect((cmd, conn) => {
      if (cmd.words[0] === '/ip/pool/print') conn.send(['!empty'], cmd.tag);
      else conn.send(['!re', '=name=hq-1', '=comment=a=b=', '=note='], cmd.tag);
      conn.done(cmd);
    });
    expect(await api.write('/ip/pool/print')).toEqual([]);
    expect(await api.write('/system/identity/print')).toEqual([{ name: 'hq-1', comment: 'a=b=', note: '' }]);
  });

  it('drops late replies for a finished tag, an unknown tag and untagged replies', async () => {
    const api = await connect((cmd, conn) => {
      if (cmd.words[0] === '/first') {
        conn.done(cmd);
        conn.send(['!re', '=late=1'], cmd.tag);
        conn.send(['!done'], cmd.tag);
        conn.send(['!re', '=stray=1'], 'no-such-tag');
        conn.send(['!done']);
      } else {
        conn.done(cmd, '=ret=*1');
      }
    });
    expect(await api.write('/first')).toEqual([]);
    expect(await api.write('/second')).toEqual([{ ret: '*1' }]);
  });

  it('rejects every in-flight command when the router closes the connection', async () => {
    const api = await connect((cmd, conn) => {
      if (cmd.words[0] === '/close') conn.socket.end();
    });
    const closed = closeOf(api);
    const calls = [api.write('/hang'), api.write('/hang'), api.write('/close')];
    for (const call of calls) await expect(call).rejects.toMatchObject({ errno: 'CLOSED' });
    const [reason] = await closed;
    expect(reason).toMatchObject({ errno: 'CLOSED' });
    expect(api.connected).toBe(false);
  });

  it('rejects in-flight commands with the reason of a !fatal', async () => {
    const api = await connect((cmd, conn) => {
      if (cmd.words[0] === '/quit') {
        conn.send(['!fatal', 'session terminated on request']);
        conn.socket.end();
      }
    });
    const closed = closeOf(api);
    const pending = api.write('/hang');
    const quit = api.write('/quit');
    await expect(pending).rejects.toMatchObject({ errno: 'FATAL', message: expect.stringContaining('session terminated on request') });
    await expect(quit).rejects.toMatchObject({ errno: 'FATAL' });
    expect((await closed)[0]).toMatchObject({ errno: 'FATAL' });
  });

  it('turns a connection reset into rejections and a close event, not an unhandled error event', async () => {
    const api = await connect((cmd, conn) => {
      if (cmd.words[0] === '/reset') conn.socket.resetAndDestroy();
    });
    expect(api.listenerCount('error')).toBe(0);
    const closed = closeOf(api);
    await expect(api.write('/reset')).rejects.toMatchObject({ errno: 'ECONNRESET' });
    expect((await closed)[0]).toMatchObject({ errno: 'ECONNRESET' });
  });

  it('turns a socket idle timeout into a close event, not an unhandled error event', async () => {
    const api = await connect(() => {}, { timeout: 0.2 });
    expect(api.listenerCount('error')).toBe(0);
    const [reason] = await closeOf(api);
    expect(reason).toMatchObject({ errno: 'SOCKTMOUT' });
  });

  describe('listen streams when the connection ends first (no promise may reject unhandled)', () => {
    /** A router that starts every listen and never answers /cancel: the close has to end it. */
    const silentOnCancel: ScriptHandler = (cmd, conn) => {
      if (cmd.words[0]?.endsWith('/listen')) conn.send(['!re', '=.id=*1', '=user=a'], cmd.tag);
      else if (cmd.words[0] !== '/cancel') conn.done(cmd);
    };

    async function listening(api: RouterOSAPI): Promise<RStream> {
      const stream = api.writeStream('/ip/hotspot/active/listen');
      await new Promise((resolve) => stream.once('data', resolve));
      return stream;
    }

    it('closes when the router goes silent and never answers the /cancel of a listen', async () => {
      const api = await connect(silentOnCancel, { timeout: 0.3 });
      await listening(api);
      const cancel = server!.nextCommand('/cancel');
      const closed = api.close();
      await cancel;
      await expect(closed).resolves.toBe(api);
      expect(api.connected).toBe(false);
    });

    it('closes when the router resets the connection before it answers the /cancel', async () => {
      const api = await connect((cmd, conn) => {
        if (cmd.words[0] === '/cancel') conn.socket.resetAndDestroy();
        else silentOnCancel(cmd, conn);
      });
      await listening(api);
      await expect(api.close()).resolves.toBe(api);
    });

    it('closes when the router refuses the /cancel of a listen (close stops every stream without awaiting it)', async () => {
      const api = await connect((cmd, conn) => {
        if (cmd.words[0] === '/cancel') {
          conn.send(['!trap', '=message=no such command'], cmd.tag);
          conn.done(cmd);
        } else silentOnCancel(cmd, conn);
      });
      await listening(api);
      await expect(api.close()).resolves.toBe(api);
    });

    it('resolves a stream stop when the connection ends before the router confirms it', async () => {
      const api = await connect((cmd, conn) => {
        if (cmd.words[0] === '/cancel') conn.socket.end();
        else silentOnCancel(cmd, conn);
      });
      const stream = await listening(api);
      const stopped = new Promise((resolve) => stream.once('stopped', resolve));
      await expect(stream.stop()).resolves.toBeUndefined();
      await stopped;
      await expect(stream.stop()).resolves.toBeUndefined();
    });
  });

  it('keeps the trap category (and message) on the rejection', async () => {
    const api = await connect((cmd, conn) => {
      if (cmd.words[0] === '/ip/address/add') {
        conn.send(['!trap', '=category=1', '=message=input does not match any value of interface'], cmd.tag);
      } else {
        conn.send(['!trap', '=message=failure: already have such name'], cmd.tag);
      }
      conn.done(cmd);
    });
    await expect(api.write('/ip/address/add', ['=interface=nope'])).rejects.toMatchObject({
      errno: 'TRAP',
      category: 1,
      message: 'input does not match any value of interface',
    });
    const plain = await api.write('/ppp/secret/add').catch((e: unknown) => e);
    expect(plain).toMatchObject({ errno: 'TRAP', message: 'failure: already have such name' });
    expect((plain as { category?: number }).category).toBeUndefined();
  });

  it('speaks UTF-8 by default, with length prefixes counting encoded bytes', async () => {
    const text = 'Zürich – 東京 ☕ '.repeat(10); // > 0x7F bytes but < 0x7F characters: needs a 2-byte prefix
    expect(text.length).toBeLessThan(0x80 + 20);
    const api = await connect((cmd, conn) => conn.send(['!done', cmd.raw[1]!], cmd.tag));
    const reply = await api.write('/system/identity/set', [`=name=${text}`]);
    expect(reply).toEqual([{ name: text }]);
    const sent = server!.received.find((s) => s.words[0] === '/system/identity/set')!;
    expect(sent.raw[1]).toEqual(Buffer.from(`=name=${text}`, 'utf8'));
  });

  it('uses the text encoding chosen per connection (win1252, win1251) next to a UTF-8 one', async () => {
    const echo: ScriptHandler = (cmd, conn) => conn.send(['!done', cmd.raw[1]!], cmd.tag);
    const latin = await connect(echo, { encoding: 'win1252' });
    const cyrillic = await connect(echo, { encoding: 'win1251' });
    const utf8 = await connect(echo);
    expect(await latin.write('/set', ['=comment=Café “quoted” €5'])).toEqual([{ comment: 'Café “quoted” €5' }]);
    expect(await cyrillic.write('/set', ['=comment=Привет'])).toEqual([{ comment: 'Привет' }]);
    expect(await utf8.write('/set', ['=comment=Привет'])).toEqual([{ comment: 'Привет' }]);
    const bytes = server!.received.filter((s) => s.words[0] === '/set').map((s) => s.raw[1]);
    const ascii = (text: string) => [...Buffer.from(text, 'ascii')];
    expect(bytes).toEqual([
      Buffer.from([...ascii('=comment=Caf'), 0xe9, 0x20, 0x93, ...ascii('quoted'), 0x94, 0x20, 0x80, 0x35]), // cp1252
      Buffer.from([...ascii('=comment='), 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), // cp1251
      Buffer.from('=comment=Привет', 'utf8'),
    ]);
  });

  it('refuses an unknown encoding name with a clear message', () => {
    expect(() => new RouterOSAPI({ host: '127.0.0.1', encoding: 'klingon' })).toThrow(/Unknown text encoding "klingon"/);
  });
});

describe('the patched length-prefix decoder (Receiver)', () => {
  /** Feeds `bytes` to a Receiver in the given chunks and returns the packets of tag `t`. */
  function decode(chunks: Buffer[], encoding = 'utf8'): string[][] {
    const receiver = new Receiver(new EventEmitter() as never, encoding);
    const packets: string[][] = [];
    // Patched: (packet, attrs); 1.6.9: (words). Either way, back to the words for comparison.
    receiver.read('t', (packet: string[], attrs?: Record<string, string>) =>
      packets.push([...packet, ...Object.entries(attrs ?? {}).map(([k, v]) => `=${k}=${v}`)]),
    );
    for (const chunk of chunks) receiver.processRawData(chunk);
    return packets;
  }

  // Non-canonical 4- and 5-byte prefixes for short words are legal framing and exercise those forms.
  const long = 'x'.repeat(0x90); // 2-byte prefix
  const fullStream = Buffer.concat([
    encodeSentence(['!re', `=a=${long}`, '=b=2', '.tag=t']),
    Buffer.from([0xe0, 0, 0, 3]), Buffer.from('!re'), // 4-byte form
    Buffer.from([0xf0, 0, 0, 0, 4]), Buffer.from('=c=1'), // 5-byte form
    encodeWord('.tag=t'),
    Buffer.from([0]),
    encodeSentence(['!done', '.tag=t']),
  ]);
  const expected = [['!re', `=a=${long}`, '=b=2'], ['!re', '=c=1'], ['!done']];

  it('decodes every prefix form when the stream is split at any byte', () => {
    expect(decode([fullStream])).toEqual(expected);
    for (let cut = 1; cut < fullStream.length; cut++) {
      expect(decode([fullStream.subarray(0, cut), fullStream.subarray(cut)]), `split at byte ${cut}`).toEqual(expected);
    }
  });

  it('decodes a multi-byte character split across TCP segments', () => {
    const bytes = encodeSentence(['!re', '=name=ü東☕', '.tag=t']);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(decode([bytes.subarray(0, cut), bytes.subarray(cut)]), `split at byte ${cut}`).toEqual([['!re', '=name=ü東☕']]);
    }
  });

  // Unpatched 1.6.9 passes this one too: a regression check of the longer prefix forms.
  it('decodes 3- and 4-byte prefixes of real long words arriving in small pieces', () => {
    const mid = 'm'.repeat(0x4000 + 3); // 3-byte prefix
    const big = 'b'.repeat(0x200000 + 7); // 4-byte prefix
    const bytes = Buffer.concat([encodeSentence(['!re', `=mid=${mid}`, `=big=${big}`, '.tag=t']), encodeSentence(['!done', '.tag=t'])]);
    expect(bytes[4]).toBe(0xc0); // first prefix after '!re' is the 3-byte form
    const chunks: Buffer[] = [];
    for (let i = 0, size = 1; i < bytes.length; i += size, size = (size * 7) % 65_521 || 1) chunks.push(bytes.subarray(i, i + size));
    expect(decode(chunks)).toEqual([['!re', `=mid=${mid}`, `=big=${big}`], ['!done']]);
  });

  it('rejects a reserved control byte instead of guessing a length', () => {
    expect(() => decode([Buffer.from([0xf8, 1, 2, 3, 4, 5])])).toThrow(/control byte 0xf8/);
  });
});
