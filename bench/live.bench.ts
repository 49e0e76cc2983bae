import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { hashPassword } from '../main/auth/password';
import { silentLogger } from '../main/core/logger';
import type { CoreServices } from '../main/core/services';
import { startHeadlessHost, type HeadlessHost } from '../main/host/headless-host';
import { routerSummary } from '../main/routers/handlers';
import { startSimulatedRouter, type SimulatedRouter } from '../main/routers/simulator';
import type { HotspotSession, SessionDelta } from '../main/sessions/contract';
import { percentile, type BenchFigure, type BenchSuite } from './figure';
import { countViewInvokes } from './live-view-invokes';

/**
 * The live path under load, end to end: a simulator fleet in its own process (like real
 * routers), the headless host in this process (its main thread is the one measured), and a
 * WebSocket client signed in as the tenant's admin, as the renderer is. Freshness is measured
 * on two probe routers in this process: a session is added at t0 and timed until the client
 * receives it. Then one Chromium page with Online Users counts its invokes after mount.
 */
const WINDOW_MS = Number(process.env.BENCH_LIVE_WINDOW_MS ?? 30_000);
const PROBE_EVERY_MS = 200;
// Below Linux's ephemeral range (32768+), so outgoing sockets never hold the fleet's ports.
const BASE_PORT = Number(process.env.BENCH_LIVE_BASE_PORT ?? 21_100);
const SCENARIOS = [
  { routers: 200, hotspot: 30, pppoe: 20, churnPerMinute: 1.2 },
  { routers: 500, hotspot: 24, pppoe: 16, churnPerMinute: 1.2 },
];

type Scenario = (typeof SCENARIOS)[number];

async function startFleet(s: Scenario, basePort: number): Promise<{ child: ChildProcess; ports: number[]; password: string }> {
  const password = 'bench-' + Math.random().toString(36).slice(2);
  const cli = new URL('../main/routers/simulator/cli.ts', import.meta.url).pathname;
  const child = fork(
    cli,
    ['--routers', String(s.routers), '--base-port', String(basePort), '--hotspot', String(s.hotspot), '--pppoe', String(s.pppoe), '--churn', String(s.churnPerMinute), '--password', password],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  const ports: number[] = [];
  for await (const line of createInterface({ input: child.stdout! })) {
    ports.push((JSON.parse(line) as { port: number }).port);
    if (ports.length === s.routers) break;
  }
  return { child, ports, password };
}

function addRouter(services: CoreServices, tenantId: number, name: string, port: number, password: string): void {
  const record = services.routers.add(tenantId, { name, host: '127.0.0.1', port, tls: false, username: 'admin', site: '', notes: '', encoding: 'utf-8' }, password, new Date());
  services.bus.publish('RouterAdded', routerSummary(services, record), tenantId);
}

/** Resolves when `check` holds, re-checking on every bus event of the tenant (bounded). */
function until(services: CoreServices, channels: string[], check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const offs = channels.map((c) => services.bus.subscribe(c, () => check() && done()));
    const timer = setTimeout(() => {
      offs.forEach((off) => off());
      reject(new Error(`bench setup: ${what} did not happen within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      offs.forEach((off) => off());
      resolve();
    };
  });
}

/** Starts the measuring client in its own process; resolves once it is signed in and subscribed. */
async function startClient(url: string, username: string, password: string, channels: string[]): Promise<ChildProcess> {
  const client = fork(new URL('./live-client.ts', import.meta.url).pathname, [url, username, password, ...channels], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [first] = (await once(client, 'message')) as [{ type: string }];
  if (first.type !== 'ready') throw new Error('bench client did not start');
  return client;
}

async function runScenario(s: Scenario, index: number): Promise<BenchFigure[]> {
  const label = `${s.routers}x${s.hotspot + s.pppoe}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'noc-bench-live-'));
  const rendererDir = new URL('../out/renderer', import.meta.url).pathname;
  const fleet = await startFleet(s, BASE_PORT + index * 1000);
  const probes: SimulatedRouter[] = [];
  let host: HeadlessHost | null = null;
  try {
    host = await startHeadlessHost({ port: 0, host: '127.0.0.1', dataDir, rendererDir, log: silentLogger });
    const { services } = host.core;
    const tenant = services.tenants.insert('Bench ISP', null, Date.now());
    const password = 'Bench-' + Math.random().toString(36).slice(2) + '9!';
    services.users.insert({ tenantId: tenant.id, name: 'Bench Admin', username: 'bench-admin', email: 'bench@bench.invalid', role: 'tenant_admin', passwordHash: await hashPassword(password) }, Date.now());
    fleet.ports.forEach((port, i) => addRouter(services, tenant.id, `r${i + 1}`, port, fleet.password));
    for (let p = 0; p < 2; p++) {
      const probe = await startSimulatedRouter({ name: `probe-${p}`, password: 'probe-pass' });
      probes.push(probe);
      addRouter(services, tenant.id, probe.name, probe.port, 'probe-pass');
    }
    const total = s.routers + probes.length;
    const channels = [`tenant.${tenant.id}.routers`, `tenant.${tenant.id}.sessions.hotspot`, `tenant.${tenant.id}.sessions.pppoe`];
    const online = () => services.routers.list(tenant.id).filter((r) => services.routerStatus.get(r.id).state === 'online').length;
    await until(services, channels, () => online() === total, 180_000, `${total} routers online`);
    const expected = s.routers * (s.hotspot + s.pppoe) * 0.95;
    const loaded = () => services.sessions.counts(tenant.id).hotspot + services.sessions.counts(tenant.id).pppoe >= expected;
    await until(services, channels, loaded, 180_000, 'sessions loaded');

    const sentAt = new Map<string, number>();
    const freshness: number[] = [];
    const client = await startClient(host.url, 'bench-admin', password, [...channels, `tenant.${tenant.id}.dashboard`]);
    client.on('message', (m: { type: string; user?: string; at?: number }) => {
      if (m.type !== 'probe') return;
      const t0 = sentAt.get(m.user!);
      if (t0 === undefined) return;
      freshness.push(m.at! - t0);
      sentAt.delete(m.user!);
    });

    const lag = monitorEventLoopDelay({ resolution: 5 });
    let peakRss = process.memoryUsage().rss;
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 500);
    let n = 0;
    const probeTimer = setInterval(() => {
      const user = `probe-${index}-${n++}`;
      sentAt.set(user, performance.timeOrigin + performance.now());
      probes[n % probes.length]!.model.addHotspotSession({ user });
    }, PROBE_EVERY_MS);
    lag.enable();
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    lag.disable();
    clearInterval(probeTimer);
    clearInterval(rssTimer);
    const reportReply = once(client, 'message') as Promise<[{ type: string; batches: Record<string, number> }]>;
    client.send({ type: 'report' });
    const [{ batches }] = await reportReply;

    const invokesPerMinute = await countViewInvokes(host.url, 'bench-admin', password);
    const perChannel = Object.values(batches).map((count) => count / (WINDOW_MS / 1000));
    return [
      { metric: `${label} freshness p50 (sim change → client)`, value: percentile(freshness, 50), unit: 'ms', target: 100, better: 'lower' },
      { metric: `${label} freshness p99`, value: percentile(freshness, 99), unit: 'ms', target: 250, better: 'lower' },
      { metric: `${label} main-thread event-loop lag p99`, value: lag.percentile(99) / 1e6, unit: 'ms', target: 20, better: 'lower' },
      { metric: `${label} backend RSS peak`, value: peakRss / 2 ** 20, unit: 'MB', target: 400, better: 'lower' },
      { metric: `${label} event batches/s, busiest channel`, value: Math.max(0, ...perChannel), unit: 'batches/s', target: 20, better: 'lower' },
      { metric: `${label} invokes/min of an open Online Users view after mount`, value: invokesPerMinute, unit: 'invokes/min', target: 0, better: 'lower' },
    ];
  } finally {
    await host?.close();
    await Promise.all(probes.map((p) => p.stop()));
    fleet.child.kill('SIGTERM');
    await once(fleet.child, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const suite: BenchSuite = async () => {
  if (!existsSync(new URL('../out/renderer/index.html', import.meta.url))) {
    throw new Error('the live bench opens the built console in Chromium: run `npm run build` first');
  }
  const figures: BenchFigure[] = [];
  for (const [i, s] of SCENARIOS.entries()) figures.push(...(await runScenario(s, i)));
  return figures;
};

export default suite;
