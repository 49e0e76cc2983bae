import { describe, expect, it } from 'vitest';
import type { ChannelMessage, ConnectionState } from './api';
import type { ClientMessage } from './protocol';
import { ProtocolClient } from './protocol-client';

function setup() {
  const sent: ClientMessage[] = [];
  const client = new ProtocolClient((m) => sent.push(m));
  const states: ConnectionState[] = [];
  client.api.onConnectionState((s) => states.push(s));
  return { client, sent, states };
}

describe('protocol client', () => {
  it('holds messages until the transport is up, then sends them in order', () => {
    const { client, sent } = setup();
    void client.api.invoke('system.status', {});
    client.api.subscribe('app.status', () => {});
    expect(sent).toEqual([]);
    client.transportUp();
    expect(sent.map((m) => m.type)).toEqual(['invoke', 'subscribe']);
  });

  it('reports a sequence gap as resync before the event', () => {
    const { client, sent } = setup();
    client.transportUp();
    const seen: ChannelMessage[] = [];
    client.api.subscribe('app.status', (m) => seen.push(m));
    const sub = sent.at(-1) as { id: number };
    client.handle({ type: 'result', id: sub.id, ok: true, data: { channel: 'app.status', seq: 3 } });
    client.handle({ type: 'event', channel: 'app.status', seq: 3, name: 'E', payload: 'old' });
    client.handle({ type: 'event', channel: 'app.status', seq: 4, name: 'E', payload: 'a' });
    client.handle({ type: 'event', channel: 'app.status', seq: 7, name: 'E', payload: 'b' });
    expect(seen).toEqual([
      { kind: 'event', name: 'E', payload: 'a', seq: 4 },
      { kind: 'resync' },
      { kind: 'event', name: 'E', payload: 'b', seq: 7 },
    ]);
  });

  it('fails in-flight invokes on disconnect and resubscribes with a resync on reconnect', async () => {
    const { client, sent, states } = setup();
    client.transportUp();
    const seen: ChannelMessage[] = [];
    client.api.subscribe('app.status', (m) => seen.push(m));
    const pending = client.api.invoke('system.status', {});
    client.transportDown('reconnecting');
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    sent.length = 0;
    client.transportUp();
    expect(sent).toMatchObject([{ type: 'subscribe', channel: 'app.status' }]);
    expect(seen).toEqual([{ kind: 'resync' }]);
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
  });

  it('shares one server subscription between listeners of a channel', () => {
    const { client, sent } = setup();
    client.transportUp();
    const a = client.api.subscribe('app.status', () => {});
    const b = client.api.subscribe('app.status', () => {});
    a();
    expect(sent.filter((m) => m.type === 'subscribe')).toHaveLength(1);
    expect(sent.filter((m) => m.type === 'unsubscribe')).toHaveLength(0);
    b();
    expect(sent.filter((m) => m.type === 'unsubscribe')).toHaveLength(1);
  });
});
