import { once } from 'node:events';
import { setImmediate as turn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { EventMessage, ServerMessage } from '../contract/protocol';
import { createLogger } from '../core/logger';
import { BoundedSender } from './bounded-sender';

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A real WebSocket pair on 127.0.0.1: the server end (sent through the sender) and the client end. */
async function pair(): Promise<{ server: WebSocket; client: WebSocket }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(wss, 'listening');
  const port = (wss.address() as { port: number }).port;
  const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  const [server] = await accepted;
  await once(client, 'open');
  closers.push(() => {
    client.terminate();
    wss.close();
  });
  return { server, client };
}

describe('BoundedSender', () => {
  it('holds the newest dropped event per channel and sends it only for channels the client still follows', async () => {
    const { server, client } = await pair();
    const followed = new Set(['app.status', 'tenant.1.routers']);
    let dropping = false;
    const log = createLogger((line) => (dropping ||= line.includes('dropping its events')), 'info');
    const sender = new BoundedSender(server, { dropEventsAboveBytes: 32 * 1024, closeAboveBytes: 1024 ** 3 }, log, (channel) => followed.has(channel));
    const received: ServerMessage[] = [];
    client.on('message', (data) => received.push(JSON.parse(String(data)) as ServerMessage));

    // The client stops reading; events are sent until the sender starts dropping.
    (client as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const padding = 'x'.repeat(8 * 1024);
    let seq = 0;
    const event = (channel: string): EventMessage => ({ type: 'event', channel, seq: ++seq, name: 'X', payload: { padding } });
    for (let i = 0; !dropping; i++) {
      sender.send(event('app.status'));
      if (i % 16 === 0) await turn();
      if (i > 100_000) throw new Error('never passed the bound');
    }
    const lastStatus = event('app.status');
    sender.send(lastStatus);
    const lastRouters = event('tenant.1.routers');
    sender.send(lastRouters);
    // Signed out meanwhile: the tenant channel is no longer followed.
    followed.delete('tenant.1.routers');
    (client as unknown as { _socket: { resume(): void } })._socket.resume();

    await new Promise<void>((resolve) => client.on('message', () => received.some((m) => m.type === 'event' && m.seq === lastStatus.seq) && resolve()));
    expect(received.some((m) => m.type === 'event' && m.channel === 'tenant.1.routers')).toBe(false);
  });
});
