import { setImmediate as turn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelMessage } from '../contract/api';
import { ProtocolClient } from '../contract/protocol-client';
import type { ServerMessage } from '../contract/protocol';
import { createLogger } from '../core/logger';
import { startTestHost, type TestHost } from './test-host';

/** A logger that lets a test wait for a line, instead of sleeping until it was probably written. */
function watchedLogger() {
  const lines: Array<{ msg: string }> = [];
  const waiters: Array<() => void> = [];
  const log = createLogger((line) => {
    lines.push(JSON.parse(line) as { msg: string });
    for (const wake of waiters.splice(0)) wake();
  }, 'info');
  const seen = (pattern: RegExp) => lines.some((l) => pattern.test(l.msg));
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      const check = () => (seen(pattern) ? resolve() : waiters.push(check));
      check();
    });
  return { log, seen, waitFor };
}

const PADDING = 'x'.repeat(16 * 1024);

describe('WebSocket backpressure', () => {
  let test: TestHost | undefined;
  afterEach(async () => {
    await test?.dispose();
    test = undefined;
  });

  it('drops the events of a client that stops reading, then makes it resync through the sequence gap', async () => {
    const watched = watchedLogger();
    test = await startTestHost({ log: watched.log, sendBuffer: { dropEventsAboveBytes: 64 * 1024, closeAboveBytes: 256 * 1024 * 1024 } });
    const { bus } = test.host.core.services;
    const raw = await test.connect();

    // The console's own client half on this socket: it turns a sequence gap into a resync.
    const protocol = new ProtocolClient((message) => raw.sendRaw(JSON.stringify(message)));
    raw.socket.on('message', (data) => protocol.handle(JSON.parse(String(data)) as ServerMessage));
    protocol.transportUp();
    const seen: ChannelMessage[] = [];
    protocol.api.subscribe('app.status', (message) => seen.push(message));
    await raw.next((m) => m.type === 'result' && m.ok && (m.data as { channel?: string }).channel === 'app.status');
    const baseline = bus.currentSeq('app.status');

    raw.socket.pause();
    // Push until the kernel's buffers are full and the host's own buffer passes the bound.
    const publish = () => bus.publish('SystemStatusChanged', { connections: 1, padding: PADDING } as never);
    for (let i = 0; !watched.seen(/dropping its events/); i++) {
      publish();
      if (i % 32 === 0) await turn();
      if (i > 100_000) throw new Error('the send buffer never passed the bound');
    }
    for (let i = 0; i < 10; i++) publish();
    const last = bus.currentSeq('app.status');
    raw.socket.resume();

    await raw.next((m) => m.type === 'event' && m.seq === last, 20_000);
    await watched.waitFor(/caught up/);
    const seqs = raw.received.filter((m) => m.type === 'event' && m.channel === 'app.status').map((m) => (m.type === 'event' ? m.seq : 0));
    expect(seqs.length).toBeLessThan(last - baseline); // some were dropped…
    expect(seqs.at(-1)).toBe(last); // …and the newest one arrived, after a jump
    expect(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]!)).toBe(true);
    // The client saw the jump and asked its views to refetch.
    expect(seen.some((m) => m.kind === 'resync')).toBe(true);
    expect(seen.at(-1)).toMatchObject({ kind: 'event', seq: last });
  });

  it('disconnects a client whose unread replies pass the hard bound, with a reason', async () => {
    const watched = watchedLogger();
    test = await startTestHost({ log: watched.log, sendBuffer: { dropEventsAboveBytes: 16 * 1024, closeAboveBytes: 256 * 1024 } });
    const client = await test.connect();
    client.socket.pause();
    // Replies are never dropped (the client waits for them): an invalid input that names 20k
    // unknown keys is answered with all of them, so each reply is a few hundred KB.
    const input = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 1]));
    const frame = JSON.stringify({ type: 'invoke', id: 1, name: 'system.status', input });
    for (let i = 0; !watched.seen(/not reading/); i++) {
      // Paced by our own writes reaching the socket, so this side's buffer stays small.
      await new Promise<void>((resolve, reject) => client.socket.send(frame, (error) => (error ? reject(error) : resolve())));
      await turn();
      if (i > 500) throw new Error('the send buffer never passed the hard bound');
    }
    client.socket.resume();
    expect(await client.closed).toEqual({ code: 1008, reason: expect.stringMatching(/not reading: over 256 KiB waiting; reconnect/) });
  });
});
