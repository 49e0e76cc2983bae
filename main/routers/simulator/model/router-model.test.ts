import { describe, expect, it } from 'vitest';
import { RouterTrap } from '../router-trap';
import { parseDuration } from '../values';
import type { MenuChange } from '../types';
import { SimRouterModel } from './router-model';

const model = (over: Partial<ConstructorParameters<typeof SimRouterModel>[0]> = {}) =>
  new SimRouterModel({
    version: '7.18',
    identity: 'r1',
    seed: 5,
    hotspotSessions: 0,
    pppoeSessions: 0,
    churnPerMinute: 0,
    bootTime: new Date(Date.UTC(2025, 0, 1)),
    ...over,
  });

describe('SimRouterModel', () => {
  it('seeds the requested sessions with users, secrets and a <pppoe-NAME> interface per PPPoE session', () => {
    const m = model({ hotspotSessions: 4, pppoeSessions: 3 });
    expect(m.hotspotSessionIds()).toHaveLength(4);
    expect(m.pppSessionIds()).toHaveLength(3);
    const names = m.print('/ppp/active').map((s) => s.name);
    const dyn = m.print('/interface').filter((i) => i.type === 'pppoe-in');
    expect(dyn.map((i) => i.name).sort()).toEqual(names.map((n) => `<pppoe-${n}>`).sort());
    expect(dyn.every((i) => i.dynamic === 'true' && i['actual-mtu'] === '1480')).toBe(true);
    expect(m.print('/ip/pool').find((p) => p.name === 'pppoe-pool')!.used).toBe('3');
  });

  it('starts a router that has been up a while with sessions of all ages, their traffic counted', () => {
    const uptimeOf = (row: Record<string, string | undefined>) => parseDuration(row.uptime ?? '') ?? -1;
    const m = model({ hotspotSessions: 20, pppoeSessions: 10, upForMs: 3 * 86_400_000 });
    expect(uptimeOf(m.print('/system/resource')[0]!)).toBe(3 * 86_400_000);
    const hotspot = m.print('/ip/hotspot/active');
    const uptimes = hotspot.map((s) => uptimeOf(s));
    expect(Math.max(...uptimes)).toBeLessThanOrEqual(4 * 3_600_000);
    expect(new Set(uptimes).size).toBeGreaterThan(10);
    expect(hotspot.filter((s) => uptimeOf(s) > 60_000).every((s) => Number(s['bytes-out']) > 0)).toBe(true);
    expect(m.print('/ppp/active').some((s) => uptimeOf(s) > 60_000)).toBe(true);
    // Just booted (the default): every session starts now.
    expect(model({ hotspotSessions: 3 }).print('/ip/hotspot/active').map((s) => s.uptime)).toEqual(['0s', '0s', '0s']);
  });

  it('counters, uptime and cpu-load move with tick', () => {
    const m = model({ pppoeSessions: 1 });
    const iface = () => m.print('/interface').find((i) => i.type === 'pppoe-in')!;
    const before = iface();
    m.tick(5000);
    const after = iface();
    expect(Number(after['rx-byte'])).toBeGreaterThan(Number(before['rx-byte']));
    expect(Number(after['tx-byte'])).toBeGreaterThan(Number(before['tx-byte']));
    expect(m.get('/system/resource', '')!.uptime).toBe('5s');
    const loads = new Set<string>();
    for (let i = 0; i < 20; i++) {
      m.tick(1000);
      loads.add(m.get('/system/resource', '')!['cpu-load']!);
    }
    expect(loads.size).toBeGreaterThan(1);
  });

  it('churn replaces the configured fraction per minute, deterministically per seed', () => {
    const run = () => {
      const m = model({ hotspotSessions: 50, pppoeSessions: 50, churnPerMinute: 0.05 });
      const changes: MenuChange[] = [];
      m.onChange('/ip/hotspot/active', (c) => changes.push(c));
      m.onChange('/ppp/active', (c) => changes.push(c));
      for (let i = 0; i < 60; i++) m.tick(1000);
      return { changes, ids: [...m.hotspotSessionIds(), ...m.pppSessionIds()] };
    };
    const a = run();
    expect(a.changes.filter((c) => c.kind === 'removed')).toHaveLength(5);
    expect(a.changes.filter((c) => c.kind === 'added')).toHaveLength(5);
    expect(a.ids).toHaveLength(100);
    expect(run()).toEqual(a);
  });

  it('churnOnce replaces sessions on demand', () => {
    const m = model({ hotspotSessions: 3 });
    const { ended, started } = m.churnOnce(2);
    expect(ended).toHaveLength(2);
    expect(started).toHaveLength(2);
    for (const id of ended) expect(m.hotspotSessionIds()).not.toContain(id);
    for (const id of started) expect(m.hotspotSessionIds()).toContain(id);
  });

  it('a kick folds the session into the user counters and releases the address', () => {
    const m = model();
    const id = m.addHotspotSession({ user: 'u1', rateIn: 1000, rateOut: 4000 });
    m.tick(10_000);
    m.remove('/ip/hotspot/active', id);
    const user = m.get('/ip/hotspot/user', 'u1')!;
    expect(user).toMatchObject({ uptime: '10s', 'bytes-in': '10000', 'bytes-out': '40000' });
    expect(m.print('/ip/pool').find((p) => p.name === 'hs-pool')!.used).toBe('0');
  });

  it('provisioning validates like RouterOS and protects built-in profiles', () => {
    const m = model();
    expect(() => m.add('/ppp/secret', { name: 'x', service: 'telnet' })).toThrow(RouterTrap);
    expect(() => m.remove('/ppp/profile', 'default')).toThrow(/builtin/);
    expect(() => m.add('/ip/hotspot', { name: 'hs2', interface: 'ether2' })).toThrow(/already configured/);
    expect(() => m.add('/ip/pool', { name: 'p', ranges: '10.0.0.9-10.0.0.1' })).toThrow(/ranges/);
    expect(() => m.add('/ip/hotspot/active', { user: 'x' })).toThrow(/no such command/);
    const pool = m.add('/ip/pool', { name: 'p2', ranges: '10.9.0.2-10.9.0.10' });
    m.add('/ppp/profile', { name: 'fast', 'remote-address': 'p2', 'rate-limit': '10M/20M' });
    m.add('/ppp/secret', { name: 'bob', profile: 'fast', service: 'pppoe' });
    m.addPppSession({ name: 'bob' });
    expect(m.print('/ppp/active')[0]!.address).toBe('10.9.0.2');
    expect(m.get('/ip/pool', pool)!.used).toBe('1');
    m.set('/ppp/profile', 'fast', { 'idle-timeout': '90s' });
    expect(m.get('/ppp/profile', 'fast')!['idle-timeout']).toBe('1m30s');
  });

  it('reboot renumbers every item and restarts uptime', () => {
    const m = model({ hotspotSessions: 2, pppoeSessions: 2 });
    m.tick(60_000);
    const users = m.print('/ip/hotspot/user').map((u) => u['.id']);
    m.reboot();
    expect(m.get('/system/resource', '')!.uptime).toBe('0s');
    const after = m.print('/ip/hotspot/user').map((u) => u['.id']);
    expect(after).toHaveLength(users.length);
    for (const id of after) expect(users).not.toContain(id);
    expect(m.hotspotSessionIds()).toHaveLength(2);
    expect(m.pppSessionIds()).toHaveLength(2);
  });

  it('pools and pppoe-server fields follow the version', () => {
    expect(model({ version: '6.49' }).print('/ip/pool')[0]!.total).toBeUndefined();
    expect(model({ version: '6.49' }).print('/interface/pppoe-server/server')[0]!['accept-empty-service']).toBeUndefined();
    expect(model({ version: '7.10' }).print('/interface/pppoe-server/server')[0]!['accept-empty-service']).toBe('true');
    expect(model({ version: '6.49' }).get('/system/resource', '')!['build-time']).toMatch(/^[a-z]{3}\/\d\d\/\d{4} /);
  });
});
