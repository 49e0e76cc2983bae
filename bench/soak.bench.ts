import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { SystemMetrics } from '../main/system/contract';
import { percentile, type BenchFigure, type BenchSuite } from './figure';
import { benchNumber } from './flags';
import { requireBuiltHost, rssOf, startBenchConsole, startFleet, type FleetShape } from './fleet-console';
import { floodSignIns, type FloodTally } from './sign-in-flood';
import { mustSucceed } from './ws-rpc';

/**
 * `npm run bench -- soak [--minutes=30]` (not in CI): the console left running under a full
 * fleet to show it does not grow or slow down. The built host in its own process, 500
 * simulated routers × 40 sessions with churn in another, a renderer-like client that drops its
 * socket and comes back every minute (soak-client.ts), and a sign-in flood from eight other
 * addresses every minute (half a minute after the reconnects). After a warm-up (a sixth of the
 * run, at least a minute) the host's loop-lag window is reset and its RSS sampled every 5 s:
 * growth compares the median of the last minute with that of the first minute after warm-up.
 */
const MINUTES = benchNumber('minutes', 30);
const FLEET: FleetShape = { routers: 500, hotspot: 24, pppoe: 16, churnPerMinute: 1.2 };
// Below Linux's ephemeral range, clear of the live bench's ports.
const BASE_PORT = 24_100;
const MINUTE_MS = 60_000;
const RSS_SAMPLE_MS = 5_000;
const FLOOD = { addresses: 8, attemptsPerConnection: 15 };

const median = (values: readonly number[]) => percentile(values, 50);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startClient(url: string, admin: { username: string; password: string }, channels: string[]): Promise<ChildProcess> {
  const client = fork(new URL('./soak-client.ts', import.meta.url).pathname, [url, admin.username, admin.password, String(MINUTE_MS), ...channels], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [first] = (await once(client, 'message')) as [{ type: string }];
  if (first.type !== 'ready') throw new Error('soak client did not start');
  return client;
}

const suite: BenchSuite = async () => {
  requireBuiltHost('soak');
  const runMs = MINUTES * MINUTE_MS;
  const warmupMs = Math.max(MINUTE_MS, runMs / 6);
  if (runMs - warmupMs < 2 * MINUTE_MS) throw new Error('--minutes must leave two minutes after the warm-up: give 3 or more');
  const label = `soak ${FLEET.routers}x${FLEET.hotspot + FLEET.pppoe}, ${MINUTES} min`;
  const fleet = await startFleet(FLEET, BASE_PORT);
  const noc = await startBenchConsole().catch(async (error: unknown) => {
    await fleet.stop();
    throw error;
  });
  const timers: NodeJS.Timeout[] = [];
  try {
    const { host, rpc, tenantId, admin } = noc;
    for (const [i, port] of fleet.ports.entries()) await noc.addRouter(`r${i + 1}`, port, fleet.password);
    await noc.loaded(FLEET.routers, FLEET.routers * (FLEET.hotspot + FLEET.pppoe) * 0.95);

    const channels = [`tenant.${tenantId}.routers`, `tenant.${tenantId}.sessions.hotspot`, `tenant.${tenantId}.sessions.pppoe`, `tenant.${tenantId}.dashboard`];
    const client = await startClient(host.url, admin, channels);
    const flood: FloodTally = { attempts: 0, rateLimited: 0, refused: 0, unexpected: 0 };
    const floods: Array<Promise<void>> = [];
    let round = 0;
    const floodOnce = () => {
      const burst = floodSignIns(host.url, { ...FLOOD, victims: ['bench-root'] }, round++).then((t) => {
        for (const key of Object.keys(flood) as Array<keyof FloodTally>) flood[key] += t[key];
      });
      floods.push(burst);
    };
    timers.push(setTimeout(() => (floodOnce(), timers.push(setInterval(floodOnce, MINUTE_MS))), MINUTE_MS / 2));

    const started = performance.now();
    const samples: Array<{ at: number; rss: number }> = [];
    const hostPid = host.pid!;
    timers.push(setInterval(() => samples.push({ at: performance.now() - started, rss: rssOf(hostPid) }), RSS_SAMPLE_MS));

    await sleep(warmupMs);
    await mustSucceed('metrics reset', rpc.invoke('system.metrics', { reset: true }));
    process.stderr.write(`soak: warm-up done after ${Math.round(warmupMs / 1000)} s; measuring for ${Math.round((runMs - warmupMs) / 1000)} s\n`);
    await sleep(runMs - warmupMs);
    for (const t of timers.splice(0)) clearInterval(t);
    await Promise.all(floods);
    const metrics = (await mustSucceed('metrics', rpc.invoke('system.metrics', {}))) as SystemMetrics;
    const reportReply = once(client, 'message') as Promise<[{ type: string; reconnects: number; failures: number; lastError: string }]>;
    client.send({ type: 'report' });
    const [report] = await reportReply;
    if (report.failures > 0) process.stderr.write(`soak: ${report.failures} reconnects failed, the last with: ${report.lastError}\n`);
    process.stderr.write(`soak: sign-in floods sent ${flood.attempts} attempts: ${flood.rateLimited} rate_limited, ${flood.refused} refused, ${flood.unexpected} other\n`);

    const window = (from: number, to: number) => samples.filter((s) => s.at >= from && s.at < to).map((s) => s.rss);
    const baseline = median(window(warmupMs, warmupMs + MINUTE_MS));
    const end = median(window(runMs - MINUTE_MS, runMs + RSS_SAMPLE_MS));
    const mb = (bytes: number) => bytes / 2 ** 20;
    return [
      { metric: `${label}: backend RSS growth after warm-up (last minute vs first)`, value: ((end - baseline) / baseline) * 100, unit: '%', target: 10, better: 'lower' },
      { metric: `${label}: backend RSS after warm-up`, value: mb(baseline), unit: 'MB', target: 400, better: 'lower' },
      { metric: `${label}: backend RSS at the end`, value: mb(end), unit: 'MB', target: 400, better: 'lower' },
      { metric: `${label}: main-thread event-loop lag p99 after warm-up`, value: metrics.eventLoopLag.p99, unit: 'ms', target: 20, better: 'lower' },
      // One reconnect a minute; the last may be cut off by the end of the run.
      { metric: `${label}: client reconnects made`, value: report.reconnects, unit: 'reconnects', target: MINUTES - 1, better: 'higher' },
      { metric: `${label}: client reconnects that failed`, value: report.failures, unit: 'reconnects', target: 0, better: 'lower' },
      { metric: `${label}: sign-in flood answers other than rate_limited or refused`, value: flood.unexpected, unit: 'answers', target: 0, better: 'lower' },
    ] satisfies BenchFigure[];
  } finally {
    for (const t of timers) clearInterval(t);
    await noc.close();
    await fleet.stop();
  }
};

export default suite;
