import { beforeEach, describe, expect, it } from 'vitest';
import type { RouterLiveStatus } from '../../../../main/routers/contract';
import type { RouterLogLine, RouterWatchSnapshot } from '../../../../main/routers/watch-contract';
import { LIVE_POINTS, matchesTopic, resetRouterPageStore, routerPageActions, useRouterPageStore } from './router-page-store';

const status: RouterLiveStatus = { state: 'online', identity: 'hq-1', board: 'RB5009', version: '7.18', uptimeSeconds: 60, cpuLoad: 5, memoryUsedPercent: 30, lastSeenAt: null, lastError: null };
const line = (id: string, topics: string, message: string): RouterLogLine => ({ id, time: '2026-12-02 10:00:00', topics, message });
const snapshot = (log: RouterLogLine[] = []): RouterWatchSnapshot => ({
  routerId: 5, name: 'hq-1', status, readError: null, seq: 3, leases: [], log,
  interfaces: [{ name: 'ether1', type: 'ether', mac: 'AA:BB:CC:DD:EE:01', running: true, disabled: false, rxBps: null, txBps: null }],
});
const state = () => useRouterPageStore.getState();
const at = (s: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, s)).toISOString();

describe('router page store', () => {
  beforeEach(() => {
    resetRouterPageStore();
    routerPageActions.opening(5);
  });

  it('appends a live point per sample and shows the newest rates in the interfaces table; other routers’ events are skipped', () => {
    routerPageActions.snapshot(snapshot());
    routerPageActions.event(5, 'RouterTrafficSampled', { routerId: 5, at: at(1), interfaces: [{ name: 'ether1', rxBps: 800, txBps: 80 }] });
    routerPageActions.event(5, 'RouterTrafficSampled', { routerId: 5, at: at(2), interfaces: [{ name: 'ether1', rxBps: 900, txBps: 90 }] });
    routerPageActions.event(5, 'RouterTrafficSampled', { routerId: 6, at: at(3), interfaces: [{ name: 'ether1', rxBps: 1, txBps: 1 }] });
    expect(state().live.get('ether1')).toEqual([{ t: Date.parse(at(1)), rx: 800, tx: 80 }, { t: Date.parse(at(2)), rx: 900, tx: 90 }]);
    expect(state().interfaces[0]).toMatchObject({ rxBps: 900, txBps: 90 });
  });

  it('keeps the last five minutes of points', () => {
    routerPageActions.snapshot(snapshot());
    for (let i = 0; i < LIVE_POINTS + 10; i++) routerPageActions.sampled(5, new Date(Date.UTC(2026, 11, 2) + i * 1000).toISOString(), [{ name: 'ether1', rxBps: i, txBps: 0 }]);
    const points = state().live.get('ether1')!;
    expect(points).toHaveLength(LIVE_POINTS);
    expect(points.at(-1)!.rx).toBe(LIVE_POINTS + 9);
  });

  it('adds log lines once (a reconnect’s print repeats some), collects topics, and a refetched snapshot keeps the live points', () => {
    routerPageActions.snapshot(snapshot([line('*1', 'system,info', 'booted')]));
    routerPageActions.event(5, 'RouterLogLines', { routerId: 5, lines: [line('*1', 'system,info', 'booted'), line('*2', 'hotspot,account,info', 'logged in')] });
    expect(state().log.map((l) => l.id)).toEqual(['*1', '*2']);
    expect(state().topics).toEqual(['account', 'hotspot', 'info', 'system']);
    routerPageActions.sampled(5, at(1), [{ name: 'ether1', rxBps: 1, txBps: 2 }]);
    routerPageActions.snapshot(snapshot([line('*2', 'hotspot,account,info', 'logged in'), line('*3', 'dhcp,info', 'assigned')]));
    expect(state().log.map((l) => l.id)).toEqual(['*1', '*2', '*3']);
    expect(state().live.get('ether1')).toHaveLength(1);
  });

  it('filters lines by any topic containing the text', () => {
    const l = line('*1', 'hotspot,account,info', 'x');
    expect(matchesTopic(l, '')).toBe(true);
    expect(matchesTopic(l, ' Hotspot ')).toBe(true);
    expect(matchesTopic(l, 'acc')).toBe(true);
    expect(matchesTopic(l, 'dhcp')).toBe(false);
  });
});
