import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { hashPassword } from '../main/auth/password';
import type { Session } from '../main/auth/session';
import { silentLogger } from '../main/core/logger';
import { invoker } from '../main/core/test-invoke';
import { waitForEvent } from '../main/events/wait-for-event';
import { startHeadlessHost } from '../main/host/headless-host';
import type { RouterLiveStatus } from '../main/routers/contract';
import { startSimulatedRouter } from '../main/routers/simulator';
import type { RouterWatchSnapshot } from '../main/routers/watch-contract';
import { resetRouterPageStore, routerPageActions, useRouterPageStore } from '../renderer/src/views/router-page/router-page-store';
import { percentile, type BenchFigure } from './figure';
import { connectRpc, mustSucceed } from './ws-rpc';

const SAMPLES = 80;
/** Seconds of model time apart, paced like a router's seconds but faster: the figure is latency, not rate. */
const PACE_MS = 150;
const TIMEOUT_MS = 5_000;
const now = () => performance.timeOrigin + performance.now();

/**
 * Issue 13's figure: a router's traffic sample to a point in the router page's store. The
 * headless host (its shards, bus and WebSocket) and a simulated router on a manual clock run here;
 * a WebSocket client signs in as the tenant's admin, watches the router and applies every event
 * to the renderer's own router-page store. Each model second the simulator emits a sample at t
 * (it writes the `!re` inside `tick`); the time until the store has that second's point is one
 * latency. p50 and p99 over SAMPLES seconds.
 */
export async function trafficSampleFigures(): Promise<BenchFigure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'noc-bench-traffic-'));
  const host = await startHeadlessHost({ port: 0, host: '127.0.0.1', dataDir, rendererDir: join(dataDir, 'no-renderer'), log: silentLogger });
  const sim = await startSimulatedRouter({ name: 'bench-traffic-1', password: 'bench-api-pw', clock: 'manual', hotspotSessions: 5, pppoeSessions: 5 });
  const { services } = host.core;
  const rpc = { close: () => {} };
  try {
    const tenant = await services.accounts.run((tx) => tx.tenants.insert('Bench Traffic', null, Date.now()));
    const admin = { username: 'bench-traffic-admin', password: 'Bench-traffic-pw-1' };
    const passwordHash = await hashPassword(admin.password);
    const user = await services.accounts.run((tx) => tx.users.insert({ tenantId: tenant.id, name: 'Bench Admin', username: admin.username, email: 'bench-traffic@bench.example', role: 'tenant_admin', passwordHash }, Date.now()));
    const session: Session = { id: 'bench-traffic', user: { id: user.id, username: admin.username, role: 'tenant_admin', tenantId: tenant.id } };
    const online = waitForEvent(services.bus, `tenant.${tenant.id}.routers`, (e) => (e.payload as { status?: RouterLiveStatus }).status?.state === 'online', 30_000);
    const router = await invoker(services, session)('routers.add', { name: sim.name, host: sim.host, port: sim.port, tls: 'off', username: sim.username, password: sim.password, site: '', notes: '', encoding: 'utf-8' });
    await online;

    const client = await connectRpc(host.url);
    rpc.close = () => client.close();
    await mustSucceed('sign-in', client.invoke('auth.signIn', admin));
    await mustSucceed('subscribe', client.subscribe(`tenant.${tenant.id}.router-live`));
    resetRouterPageStore();
    routerPageActions.opening(router.id);
    let arrived: (() => void) | null = null;
    client.onEvent((_channel, name, payload) => {
      routerPageActions.event(router.id, name, payload);
      if (name === 'RouterTrafficSampled') arrived?.();
    });
    routerPageActions.snapshot((await mustSucceed('watch', client.invoke('routers.watch', { routerId: router.id }))) as RouterWatchSnapshot);
    await sim.model.trafficMonitors.until((n) => n > 0);
    // The stream's first sample (sent when it opens) is not one of the measured seconds.
    const points = () => useRouterPageStore.getState().live.get('ether1')?.length ?? 0;
    const pointAfter = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`bench: no traffic point within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
        arrived = () => {
          if (points() <= count) return;
          clearTimeout(timer);
          arrived = null;
          resolve();
        };
        arrived();
      });
    await pointAfter(0);

    const latencies: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      await pause(PACE_MS);
      const before = points();
      const point = pointAfter(before);
      const t = now();
      sim.model.tick(1000);
      await point;
      latencies.push(now() - t);
    }
    await mustSucceed('unwatch', client.invoke('routers.unwatch', { routerId: router.id }));
    await sim.model.trafficMonitors.until((n) => n === 0);
    const metric = (p: number) => `interface traffic, router sample → chart point in the client store, p${p} (${SAMPLES} samples)`;
    return [
      { metric: metric(50), value: percentile(latencies, 50), unit: 'ms', target: 250, better: 'lower' },
      { metric: metric(99), value: percentile(latencies, 99), unit: 'ms', target: 250, better: 'lower' },
    ];
  } finally {
    rpc.close();
    await host.close();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
