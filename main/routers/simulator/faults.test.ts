import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { encodeLength, encodeSentence } from './codec';
import { Random } from './model/random';
import { useSimulator } from './test-fixtures';
import { attrs, WireTestClient } from './wire-test-client';

const sim = useSimulator();

describe('faults on demand', () => {
  it('refuseLogin rejects correct credentials until cleared', async () => {
    const r = await sim.router();
    r.faults.refuseLogin();
    const c = await sim.client(r, false);
    expect((await c.command('/login', '=name=admin', '=password=admin'))[0]).toEqual(['!trap', '=message=invalid user name or password (6)']);
    r.faults.clear();
    expect(await c.command('/login', '=name=admin', '=password=admin')).toEqual([['!done']]);
  });

  it('dropConnections closes every open connection; the router still accepts new ones', async () => {
    const r = await sim.router();
    const a = await sim.client(r);
    const b = await sim.client(r);
    expect(r.connections()).toBe(2);
    r.faults.dropConnections();
    await Promise.all([a.closed, b.closed]);
    await r.waitForConnections((n) => n === 0);
    const c = await sim.client(r);
    expect((await c.command('/system/identity/print'))[0]![0]).toBe('!re');
  });

  it('stall holds replies until it ends; stall(forever) until clear()', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    r.faults.stall('forever');
    const handled = new Promise((resolve) => r.model.onChange('/ppp/secret', resolve));
    c.send('/ppp/secret/add', '=name=held', '.tag=1');
    await handled;
    // The router did the work; a reply sent now would already be in flight behind the change.
    const probe = await sim.client(r, false);
    expect(r.connections()).toBe(2);
    expect(c.pending()).toBe(0);
    r.faults.clear();
    const [done] = await c.until((s) => s[0] === '!done');
    expect(done![1]).toMatch(/^=ret=\*/);
    probe.close();
  });

  it('stall with a time releases the held replies by itself', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    r.faults.stall(50);
    expect(await c.command('/system/identity/print')).toEqual([['!re', `=name=${r.name}`], ['!done']]);
  });

  it('slow delays each command but keeps order', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    r.faults.slow(30);
    c.send('/system/identity/print', '.tag=a');
    c.send('/system/identity/print', '.tag=b');
    const replies = await c.until((s) => s[0] === '!done' && s.includes('.tag=b'));
    expect(replies.map((s) => s.at(-1))).toEqual(['.tag=a', '.tag=a', '.tag=b', '.tag=b']);
  });

  it('trapOn answers a command with !trap (category kept) then !done, `times` limited', async () => {
    const r = await sim.router({ hotspotSessions: 1 });
    const c = await sim.client(r);
    r.faults.trapOn('/ip/hotspot/active/print', 'simulated failure', 4, { times: 1 });
    expect(await c.command('/ip/hotspot/active/print', '.tag=x')).toEqual([
      ['!trap', '=category=4', '=message=simulated failure', '.tag=x'],
      ['!done', '.tag=x'],
    ]);
    expect((await c.command('/ip/hotspot/active/print'))[0]![0]).toBe('!re');
  });

  it('fatal sends !fatal with the reason and closes', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    r.faults.fatal('out of memory');
    expect(await c.next()).toEqual(['!fatal', 'out of memory']);
    await c.closed;
  });

  it('garbage sends bytes a client cannot decode (control byte)', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    r.faults.garbage();
    await c.closed;
    expect(c.protocolError?.message).toMatch(/control byte/);
  });

  it('dropOnCommand closes without replying when the command arrives', async () => {
    const r = await sim.router();
    const c = await sim.client(r);
    r.faults.dropOnCommand('/ppp/active/print');
    c.send('/ppp/active/print');
    await c.closed;
    expect(c.pending()).toBe(0);
  });

  it('restart drops connections and gives every item a new .id; stop/start keeps the port', async () => {
    const r = await sim.router({ hotspotSessions: 3, pppoeSessions: 3 });
    const c = await sim.client(r);
    const before = [...r.model.hotspotSessionIds(), ...r.model.pppSessionIds(), ...r.model.print('/ppp/secret').map((s) => s['.id'])];
    const port = r.port;
    await r.restart();
    await c.closed;
    expect(r.port).toBe(port);
    const after = [...r.model.hotspotSessionIds(), ...r.model.pppSessionIds(), ...r.model.print('/ppp/secret').map((s) => s['.id'])];
    expect(after).toHaveLength(before.length);
    for (const id of after) expect(before).not.toContain(id);
    const d = await sim.client(r);
    expect(attrs((await d.command('/system/resource/print'))[0]!).uptime).toBe('0s');
    await r.stop();
    await expect(WireTestClient.connect(port)).rejects.toThrow(/ECONNREFUSED/);
    await r.start();
    expect(r.port).toBe(port);
    await sim.client(r);
  });
});

describe('garbage from a client', () => {
  /** Sends raw bytes on a fresh socket; resolves with what the router answered before closing. */
  async function feed(port: number, ...chunks: Buffer[]): Promise<Buffer> {
    const socket = net.connect({ host: '127.0.0.1', port });
    const received: Buffer[] = [];
    socket.on('data', (d: Buffer) => received.push(d));
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    for (const chunk of chunks) socket.write(chunk);
    await new Promise((resolve) => socket.once('close', resolve));
    return Buffer.concat(received);
  }

  it('a control byte gets !fatal and a close', async () => {
    const r = await sim.router();
    const answer = await feed(r.port, Buffer.from([0xf9, 1, 2, 3]));
    expect(answer.toString('latin1')).toContain('!fatal');
    expect(answer.toString('latin1')).toContain('control byte 0xf9');
  });

  it('an oversized word before login gets !fatal', async () => {
    const r = await sim.router();
    const answer = await feed(r.port, Buffer.concat([encodeLength(0xfffffff), Buffer.alloc(10)]));
    expect(answer.toString('latin1')).toMatch(/!fatal.*exceeds/s);
  });

  it('a truncated word then a half close is survived; other connections keep working', async () => {
    const r = await sim.router();
    const healthy = await sim.client(r);
    const socket = net.connect({ host: '127.0.0.1', port: r.port });
    socket.on('error', () => undefined);
    socket.resume();
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.end(Buffer.concat([encodeLength(100), Buffer.from('/login')]));
    await new Promise((resolve) => socket.once('close', resolve));
    expect((await healthy.command('/system/identity/print'))[0]![0]).toBe('!re');
  });

  it('random streams never take the router down', async () => {
    const r = await sim.router();
    const healthy = await sim.client(r);
    const rand = new Random(99);
    for (let round = 0; round < 30; round++) {
      const bytes = Buffer.alloc(64 + (round % 7) * 31, 0).map(() => rand.int(0, 255));
      const socket = net.connect({ host: '127.0.0.1', port: r.port });
      socket.on('error', () => undefined);
      socket.resume(); // read the router's answers so its close reaches us
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.end(round % 2 === 0 ? bytes : Buffer.concat([encodeSentence(['/login', '=name=admin']), bytes]));
      await new Promise((resolve) => socket.once('close', resolve));
    }
    expect((await healthy.command('/system/identity/print'))[0]![0]).toBe('!re');
    await r.waitForConnections((n) => n === 1);
  });
});
