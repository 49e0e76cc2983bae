import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../auth/session';
import { dispatchInvoke } from '../core/dispatch';
import { createLogger } from '../core/logger';
import { startTestCore, type TestCore } from '../core/test-core';
import type { RouterLiveStatus, RouterState, RouterSummary } from './contract';
import { startFleet } from './simulator';
import type { Fleet } from './simulator/types';
import { FaultProxy } from './testing/fault-proxy';
import { randomFaultScript, runFaultScript } from './testing/fault-script';

/**
 * Ten simulated routers, each behind a fault-injecting proxy, watched by the real core (two
 * router shard workers, real TCP). A seeded script of resets, stalls longer and shorter than the
 * keepalive period, refused reconnects, latency and cuts mid-reply hits four of them while
 * sessions keep changing. The seeds run in turn; NOC_FAULT_SEEDS="1,2,3,…" runs others.
 */
const SEEDS = (process.env.NOC_FAULT_SEEDS ?? '11,12').split(',').map(Number);
const ROUTERS = 10;
const FAULTED = [0, 3, 6, 9]; // indexes: spread over both shards
const KEEPALIVE_MS = 2_000;
const SCRIPT_MS = 9_000;

const admin: Session = { id: 'test', user: { id: 1, username: 'admin', role: 'tenant_admin', tenantId: 1 } };

describe.each(SEEDS)('router links under faults (seed %i)', (seed) => {
  let core: TestCore;
  let fleet: Fleet;
  let proxies: FaultProxy[];
  let logs: Array<Record<string, unknown>>;
  let routers: RouterSummary[];
  /** States each router went through from the moment all were online, in order. */
  let statesSeen: Map<number, RouterState[]>;

  beforeEach(async () => {
    logs = [];
    const log = createLogger((line) => logs.push(JSON.parse(line) as Record<string, unknown>), 'warn');
    core = await startTestCore({ log, routerConnection: { keepalivePeriodMs: KEEPALIVE_MS, callTimeoutMs: 4_000 } });
    fleet = await startFleet({ routers: ROUTERS, basePort: 0, hotspot: 8, pppoe: 6, churnPerMinute: 40, seed, password: 'sim-pass' });
    proxies = await Promise.all(fleet.routers.map((r) => FaultProxy.start({ host: r.host, port: r.port })));
    routers = [];
    const allOnline = new Promise<void>((resolve) => {
      const off = core.services.bus.subscribe('tenant.1.routers', () => {
        if (routers.length === ROUTERS && routers.every((r) => core.services.routerStatus.get(r.id).state === 'online')) {
          off();
          resolve();
        }
      });
    });
    for (const [i, sim] of fleet.routers.entries()) {
      const added = await dispatchInvoke(core.services, admin, 'routers.add', {
        name: sim.name, host: proxies[i]!.host, port: proxies[i]!.port, tls: 'off', username: sim.username, password: 'sim-pass', site: '', notes: '', encoding: 'utf-8',
      });
      if (!added.ok) throw new Error(added.error.message);
      routers.push(added.data as RouterSummary);
    }
    await allOnline;
    statesSeen = new Map(routers.map((r) => [r.id, ['online']]));
    core.services.bus.subscribe('tenant.1.routers', (event) => {
      if (event.name !== 'RouterStatusChanged') return;
      const { id, status } = event.payload as { id: number; status: RouterLiveStatus };
      const seen = statesSeen.get(id);
      if (seen && seen.at(-1) !== status.state) seen.push(status.state);
    });
  });

  afterEach(async () => {
    await core.dispose();
    await Promise.all(proxies.map((p) => p.close()));
    await fleet.stop();
  });

  /** The console's session keys equal every router's own lists (hotspot and PPPoE). */
  const converged = (): boolean => {
    const want = (kind: 'hotspot' | 'pppoe') =>
      fleet.routers.flatMap((sim, i) => (kind === 'hotspot' ? sim.model.hotspotSessionIds() : sim.model.pppSessionIds()).map((id) => `${routers[i]!.id}:${id}`)).sort();
    const have = (kind: 'hotspot' | 'pppoe') =>
      (kind === 'hotspot' ? core.services.sessions.hotspotSnapshot(1) : core.services.sessions.pppoeSnapshot(1)).sessions.map((s) => s.key).sort();
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((k, i) => k === b[i]);
    return same(have('hotspot'), want('hotspot')) && same(have('pppoe'), want('pppoe'));
  };

  /** Per router that differs: its state, and the console's vs the router's session counts. */
  const mismatch = (): string =>
    fleet.routers
      .map((sim, i) => {
        const id = routers[i]!.id;
        const count = (kind: 'hotspot' | 'pppoe') =>
          (kind === 'hotspot' ? core.services.sessions.hotspotSnapshot(1) : core.services.sessions.pppoeSnapshot(1)).sessions.filter((s) => s.routerId === id).length;
        const want = [sim.model.hotspotSessionIds().length, sim.model.pppSessionIds().length];
        const have = [count('hotspot'), count('pppoe')];
        return have[0] === want[0] && have[1] === want[1] ? '' : `${sim.name} ${core.services.routerStatus.get(id).state} has ${have} wants ${want}`;
      })
      .filter(Boolean)
      .join('; ');

  /** Resolves when the sessions converge: checked on every session or router event, bounded. */
  const untilConverged = (limitMs: number): Promise<void> =>
    new Promise((resolve, reject) => {
      if (converged()) return resolve();
      const offs: Array<() => void> = [];
      const done = (error?: Error) => {
        clearTimeout(timer);
        offs.forEach((off) => off());
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => done(new Error(`sessions did not converge within ${limitMs} ms: ${mismatch()}`)), limitMs);
      for (const channel of ['tenant.1.sessions.hotspot', 'tenant.1.sessions.pppoe', 'tenant.1.routers']) {
        offs.push(core.services.bus.subscribe(channel, () => converged() && done()));
      }
    });

  /** Resolves when each of these routers is online (now, or at a later status event). */
  const faultedOnline = (ids: number[]): Promise<unknown> =>
    Promise.all(
      ids.map((id) =>
        core.services.routerStatus.get(id).state === 'online'
          ? undefined
          : new Promise<void>((resolve) => {
              const off = core.services.bus.subscribe('tenant.1.routers', () => {
                if (core.services.routerStatus.get(id).state !== 'online') return;
                off();
                resolve();
              });
            }),
      ),
    );

  it('keeps every shard alive, leaves healthy routers alone, and converges once the faults stop', async () => {
    const script = randomFaultScript(seed, { routers: FAULTED, durationMs: SCRIPT_MS, keepalivePeriodMs: KEEPALIVE_MS });
    expect(new Set(script.map((s) => s.fault))).toEqual(new Set(['reset', 'stall', 'refuse', 'latency', 'cut']));
    expect(script.some((s) => s.fault === 'stall' && s.forMs > KEEPALIVE_MS)).toBe(true);

    await runFaultScript(proxies, script);
    // The routers stop changing once the links are clean, so "equal" is a state that holds.
    for (const sim of fleet.routers) sim.model.churnPerMinute = 0;
    const cleared = performance.now();
    const faulted = FAULTED.map((i) => routers[i]!.id);
    await faultedOnline(faulted);
    await untilConverged(20_000);
    // A call sent during a fault may still time out after it (degraded until the next reply).
    await faultedOnline(faulted);
    const convergeMs = Math.round(performance.now() - cleared);
    console.info(JSON.stringify({ figure: 'link-faults converge after faults stop', seed, convergeMs, shardRestarts: core.services.liveRouters.shardRestarts }));

    expect(core.services.liveRouters.shardRestarts).toBe(0);
    expect(logs.filter((l) => l.msg === 'router shard stopped; starting it again' || l.msg === 'router connection fault contained: connection ended, restarting it')).toEqual([]);
    for (const [i, router] of routers.entries()) {
      const seen = statesSeen.get(router.id)!;
      if (FAULTED.includes(i)) {
        expect(seen.some((s) => s === 'degraded' || s === 'offline'), `${router.name} went degraded or offline`).toBe(true);
        expect(core.services.routerStatus.get(router.id).state).toBe('online');
      } else {
        expect(seen, `${router.name} (never faulted) stayed online`).toEqual(['online']);
      }
    }
    expect(proxies.reduce((n, p) => n + p.stats.resets + p.stats.cuts, 0)).toBeGreaterThan(0);
  }, 90_000);
});
