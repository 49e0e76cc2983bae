import { describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger';
import { EventBus, type BusEvent } from '../events/event-bus';
import { eventMessage, serializeMessage } from './shared-event-message';

describe('shared event message', () => {
  it('gives every follower of a channel the same message for one event, and its JSON once', () => {
    const bus = new EventBus(silentLogger);
    const seen: BusEvent[] = [];
    for (let i = 0; i < 3; i++) bus.subscribe('tenant.1.sessions.hotspot', (e) => seen.push(e));
    bus.publish('HotspotSessionsChanged', { started: [], updated: [], ended: ['7:*1'] }, 1);
    const [a, b, c] = seen.map(eventMessage);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(a).toEqual({ type: 'event', channel: 'tenant.1.sessions.hotspot', seq: 1, name: 'HotspotSessionsChanged', payload: { started: [], updated: [], ended: ['7:*1'] } });
    expect(serializeMessage(a!)).toBe(JSON.stringify(a));
    expect(serializeMessage(a!)).toBe(serializeMessage(b!));
    expect(serializeMessage({ type: 'result', id: 1, ok: true, data: null })).toBe('{"type":"result","id":1,"ok":true,"data":null}');
  });
});
