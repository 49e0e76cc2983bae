import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { SystemMetrics } from '../main/system/contract';
import { startSimulatedRouter, type SimulatedRouter } from '../main/routers/simulator';
import { FaultProxy } from '../main/routers/testing/fault-proxy';
import { randomFaultScript, runFaultScript } from '../main/routers/testing/fault-script';
import { percentile, type BenchFigure, type BenchSuite } from './figure';
import { requireBuiltHost, rssOf, startBenchConsole, startFleet, until, type BenchConsole } from './fleet-console';
import { benchChoice, benchFlag, benchNumber } from './flags';
import { countViewInvokes } from './live-view-invokes';
import { mustSucceed } from './ws-rpc';

/**
 * The live path under load, end to end, each part in its own process as in real life: a
 * simulator fleet (the routers), the built headless host (the backend measured: its own
 * event-loop lag through system.metrics, its RSS from /proc), a measuring client signed in as
 * the tenant's admin (the renderer: it runs the Online Users store code), and this process
 * driving it all. Freshness is measured on two probe routers in this process: a session is
 * added at t0 and timed until it is in the client's store.
 * Then one Chromium page with Online Users counts its invokes after mount.
 *
 * `--faults=on`: a tenth of the fleet (at least one router) reaches the console through the
 * fault-injecting proxy, which replays a seeded script of resets, stalls, refused reconnects,
 * latency and cuts through the whole window (`--fault-seed=N`); the figures are then read under
 * faults, plus the shard restarts (goal 0) and the time the sessions take to converge once the
 * faults stop. The probe routers stay clean: their freshness is the healthy routers' view.
 */
const FAULTS = benchChoice('faults', ['off', 'on'], 'off') === 'on';
const FAULT_SEED = benchNumber('fault-seed', 1);
/** The console's default keepalive period: the script makes some stalls longer than it. */
const KEEPALIVE_MS = 10_000;
const WINDOW_MS = Number(process.env.BENCH_LIVE_WINDOW_MS ?? 30_000);
const PROBE_EVERY_MS = 200;
// Below Linux's ephemeral range (32768+), so outgoing sockets never hold the fleet's ports.
const BASE_PORT = Number(process.env.BENCH_LIVE_BASE_PORT ?? 21_100);
/** Churn 1.2 per minute is 2 %/s. The 1,000-router fleet gets its own ports (27,100+), clear of the soak's. */
const SCENARIOS = [
  { routers: 200, hotspot: 30, pppoe: 20, churnPerMinute: 1.2, basePort: BASE_PORT, rssTargetMb: 400 },
  { routers: 500, hotspot: 24, pppoe: 16, churnPerMinute: 1.2, basePort: BASE_PORT + 1000, rssTargetMb: 400 },
  { routers: 1000, hotspot: 30, pppoe: 20, churnPerMinute: 1.2, basePort: BASE_PORT + 6000, rssTargetMb: 500 },
];
type Scenario = (typeof SCENARIOS)[number];
/** `--routers=1000`: only the scenarios of that fleet size (each takes a minute or two to load). */
const ONLY_ROUTERS = benchFlag('routers');

async function startClient(url: string, admin: BenchConsole['admin'], channels: string[]): Promise<ChildProcess> {
  const client = fork(new URL('./live-client.ts', import.meta.url).pathname, [url, admin.username, admin.password, ...channels], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [first] = (await once(client, 'message')) as [{ type: string }];
  if (first.type !== 'ready') throw new Error('bench client did not start');
  return client;
}

async function runScenario(s: Scenario, index: number): Promise<BenchFigure[]> {
  const label = `${s.routers}x${s.hotspot + s.pppoe}`;
  const fleet = await startFleet(s, s.basePort);
  const faulted = FAULTS ? Array.from({ length: Math.max(1, Math.round(s.routers / 10)) }, (_, i) => i * 10) : [];
  const proxies = await Promise.all(faulted.map((i) => FaultProxy.start({ host: '127.0.0.1', port: fleet.ports[i]! })));
  const portOf = (i: number) => (FAULTS && faulted.includes(i) ? proxies[faulted.indexOf(i)]!.port : fleet.ports[i]!);
  const probes: SimulatedRouter[] = [];
  let noc: BenchConsole | null = null;
  try {
    noc = await startBenchConsole();
    const { host, rpc, tenantId, admin, online, sessions } = noc;
    for (const i of fleet.ports.keys()) await noc.addRouter(`r${i + 1}`, portOf(i), fleet.password);
    for (let p = 0; p < 2; p++) {
      const probe = await startSimulatedRouter({ name: `probe-${p}`, password: 'probe-pass' });
      probes.push(probe);
      await noc.addRouter(probe.name, probe.port, 'probe-pass');
    }
    const total = s.routers + probes.length;
    await noc.loaded(total, s.routers * (s.hotspot + s.pppoe) * 0.95);

    const channels = [`tenant.${tenantId}.routers`, `tenant.${tenantId}.sessions.hotspot`, `tenant.${tenantId}.sessions.pppoe`, `tenant.${tenantId}.dashboard`];
    const client = await startClient(host.url, admin, channels);
    const sentAt = new Map<string, number>();
    const freshness: number[] = [];
    client.on('message', (m: { type: string; user?: string; at?: number }) => {
      if (m.type !== 'probe') return;
      const t0 = sentAt.get(m.user!);
      if (t0 === undefined) return;
      freshness.push(m.at! - t0);
      sentAt.delete(m.user!);
    });

    await mustSucceed('metrics reset', rpc.invoke('system.metrics', { reset: true }));
    const hostPid = host.pid!;
    let peakRss = rssOf(hostPid);
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, rssOf(hostPid))), 500);
    let n = 0;
    const probeTimer = setInterval(() => {
      const user = `probe-${index}-${n++}`;
      sentAt.set(user, performance.timeOrigin + performance.now());
      probes[n % probes.length]!.model.addHotspotSession({ user });
    }, PROBE_EVERY_MS);
    const faults = FAULTS ? playFaults(proxies, WINDOW_MS) : Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    clearInterval(probeTimer);
    await faults;
    const faultsEnded = performance.now();
    if (FAULTS) {
      // Every session the fleet and the probes have (churn replaces, it does not add) is back on screen.
      const expected = s.routers * (s.hotspot + s.pppoe) + probes.reduce((sum, p) => sum + p.model.hotspotSessionIds().length + p.model.pppSessionIds().length, 0);
      await until(rpc, () => online() === total && sessions() === expected, 120_000, 'sessions to converge after the faults');
    }
    const convergeMs = performance.now() - faultsEnded;
    clearInterval(rssTimer);
    const metrics = (await mustSucceed('metrics', rpc.invoke('system.metrics', {}))) as SystemMetrics;
    const reportReply = once(client, 'message') as Promise<[{ type: string; batches: Record<string, number> }]>;
    client.send({ type: 'report' });
    const [{ batches }] = await reportReply;

    const invokesPerMinute = await countViewInvokes(host.url, admin.username, admin.password);
    const perChannel = Object.values(batches).map((count) => count / (WINDOW_MS / 1000));
    // Which channel is the busiest, in the log (the figure keeps one name for tracking).
    process.stderr.write(`live ${label}: batches/s by channel ${Object.entries(batches).map(([c, count]) => `${c.split('.').slice(2).join('.')} ${(count / (WINDOW_MS / 1000)).toFixed(1)}`).join(', ')}\n`);
    const underFaults: BenchFigure[] = FAULTS
      ? [
          { metric: `${label} router shard restarts under faults (${faulted.length} routers faulted, seed ${FAULT_SEED})`, value: metrics.routerShardRestarts, unit: 'restarts', target: 0, better: 'lower' },
          { metric: `${label} sessions converge after the faults stop`, value: convergeMs, unit: 'ms', target: 5_000, better: 'lower' },
        ]
      : [];
    return [
      ...underFaults,
      { metric: `${label} freshness p50 (sim change → renderer store)`, value: percentile(freshness, 50), unit: 'ms', target: 100, better: 'lower' },
      { metric: `${label} freshness p99`, value: percentile(freshness, 99), unit: 'ms', target: 250, better: 'lower' },
      { metric: `${label} main-thread event-loop lag p99`, value: metrics.eventLoopLag.p99, unit: 'ms', target: 20, better: 'lower' },
      { metric: `${label} backend RSS peak`, value: peakRss / 2 ** 20, unit: 'MB', target: s.rssTargetMb, better: 'lower' },
      { metric: `${label} event batches/s, busiest channel`, value: Math.max(0, ...perChannel), unit: 'batches/s', target: 20, better: 'lower' },
      { metric: `${label} invokes/min of an open Online Users view after mount`, value: invokesPerMinute, unit: 'invokes/min', target: 0, better: 'lower' },
    ];
  } finally {
    await noc?.close();
    await Promise.all(proxies.map((p) => p.close()));
    await Promise.all(probes.map((p) => p.stop()));
    await fleet.stop();
  }
}

/** Replays the seeded fault script over the faulted routers' proxies until the window ends. */
async function playFaults(proxies: FaultProxy[], windowMs: number): Promise<void> {
  const routers = proxies.map((_, i) => i);
  const started = Date.now();
  for (let round = 0; Date.now() - started < windowMs - KEEPALIVE_MS; round++) {
    const left = windowMs - (Date.now() - started);
    await runFaultScript(proxies, randomFaultScript(FAULT_SEED + round, { routers, durationMs: Math.min(left - KEEPALIVE_MS, 60_000), keepalivePeriodMs: KEEPALIVE_MS }));
  }
}

const suite: BenchSuite = async () => {
  requireBuiltHost('live');
  const figures: BenchFigure[] = [];
  const chosen = SCENARIOS.filter((s) => ONLY_ROUTERS === undefined || String(s.routers) === ONLY_ROUTERS);
  if (chosen.length === 0) throw new Error(`--routers=${ONLY_ROUTERS} matches no scenario; the live bench has ${SCENARIOS.map((s) => s.routers).join(', ')}`);
  for (const s of chosen) figures.push(...(await runScenario(s, SCENARIOS.indexOf(s))));
  return figures;
};

export default suite;
