import { describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger';
import { EventBus, type BusEvent } from './event-bus';
import type { SystemStatus } from '../system/contract';

const status = { connections: 1 } as SystemStatus;

describe('event bus', () => {
  it('numbers events per channel and delivers them only to that channel', () => {
    const bus = new EventBus(silentLogger);
    const seen: BusEvent[] = [];
    const unsubscribe = bus.subscribe('app.status', (e) => seen.push(e));
    bus.subscribe('app.other', () => {
      throw new Error('wrong channel');
    });
    bus.publish('SystemStatusChanged', status);
    bus.publish('SystemStatusChanged', status);
    unsubscribe();
    bus.publish('SystemStatusChanged', status);
    expect(seen.map((e) => e.seq)).toEqual([1, 2]);
    expect(bus.currentSeq('app.status')).toBe(3);
    expect(bus.currentSeq('app.other')).toBe(0);
  });

  it('keeps delivering when one listener throws', () => {
    const bus = new EventBus(silentLogger);
    const seen: number[] = [];
    bus.on('SystemStatusChanged', () => {
      throw new Error('broken listener');
    });
    bus.on('SystemStatusChanged', (payload) => seen.push(payload.connections));
    bus.subscribe('app.status', (e) => seen.push(e.seq * 100));
    bus.publish('SystemStatusChanged', status);
    expect(seen).toEqual([1, 100]);
  });
});
