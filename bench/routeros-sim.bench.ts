import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { BenchSuite } from './figure';
import { WireTestClient } from '../main/routers/simulator/wire-test-client';

/**
 * One simulator process (the `npm run sim` CLI, forked) serving 200 routers × 100 sessions
 * (50 hotspot + 50 PPPoE each) with 5 % churn per minute, measured from outside for ~20 s while
 * this process holds a logged-in connection per router with `listen` on both active menus and
 * polls counters every 5 s, like the console does. Figures: the child's peak RSS and its CPU use
 * (from its own process.cpuUsage over the window, answered over the IPC channel).
 */
const ROUTERS = 200;
const HOTSPOT = 50;
const PPPOE = 50;
const CHURN = 0.05;
const WINDOW_MS = 20_000;
const POLL_MS = 5_000;
const BASE_PORT = Number(process.env.BENCH_SIM_BASE_PORT ?? 42_100);

interface Stats {
  rss: number;
  cpu: { user: number; system: number };
}

const suite: BenchSuite = async () => {
  const cli = new URL('../main/routers/simulator/cli.ts', import.meta.url).pathname;
  const child = fork(
    cli,
    ['--routers', String(ROUTERS), '--base-port', String(BASE_PORT), '--hotspot', String(HOTSPOT), '--pppoe', String(PPPOE), '--churn', String(CHURN)],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  const exited = once(child, 'exit');
  const clients: WireTestClient[] = [];
  try {
    const lines = createInterface({ input: child.stdout! });
    const ports: number[] = [];
    const ready = once(child, 'message');
    for await (const line of lines) {
      ports.push((JSON.parse(line) as { port: number }).port);
      if (ports.length === ROUTERS) break;
    }
    await ready;
    const stats = async (): Promise<Stats> => {
      const reply = once(child, 'message') as Promise<[Stats]>;
      child.send({ type: 'stats' });
      return (await reply)[0];
    };

    // Attach like the console: print, then listen, on both active menus of every router.
    let events = 0;
    for (const port of ports) {
      const c = await WireTestClient.connect(port);
      clients.push(c);
      await c.login();
      await c.command('/ip/hotspot/active/print', '.tag=p1');
      await c.command('/ppp/active/print', '.tag=p2');
      c.send('/ip/hotspot/active/listen', '.tag=l1');
      c.send('/ppp/active/listen', '.tag=l2');
    }
    const drain = async (c: WireTestClient) => {
      for (;;) {
        const s = await c.next().catch(() => undefined);
        if (!s) return;
        if (s[0] === '!re' && (s.includes('.tag=l1') || s.includes('.tag=l2'))) events++;
      }
    };
    // The polls' replies go through the same drain; only listen updates are counted.
    for (const c of clients) void drain(c);

    const start = await stats();
    const startedAt = performance.now();
    let peakRss = start.rss;
    let polls = 0;
    while (performance.now() - startedAt < WINDOW_MS) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      for (const c of clients) {
        c.send('/interface/print', '?type=pppoe-in', '=.proplist=.id,name,rx-byte,tx-byte', `.tag=c${polls}`);
        c.send('/ip/hotspot/active/print', '=.proplist=.id,bytes-in,bytes-out,uptime', `.tag=h${polls}`);
      }
      polls++;
      peakRss = Math.max(peakRss, (await stats()).rss);
    }
    const end = await stats();
    const seconds = (performance.now() - startedAt) / 1000;
    const cpuPct = ((end.cpu.user - start.cpu.user + end.cpu.system - start.cpu.system) / 1e6 / seconds) * 100;
    process.stderr.write(
      `routeros-sim: ${ROUTERS} routers × ${HOTSPOT + PPPOE} sessions, ${events} listen updates in ${seconds.toFixed(1)} s ` +
        `(expected ≈ ${Math.round(ROUTERS * (HOTSPOT + PPPOE) * CHURN * (seconds / 60) * 2)}), ${polls} counter polls per router\n`,
    );
    return [
      { metric: `sim RSS, ${ROUTERS} routers × ${HOTSPOT + PPPOE} sessions, 5 %/min churn`, value: peakRss / 1024 / 1024, unit: 'MB', target: 400, better: 'lower' },
      { metric: `sim CPU, ${ROUTERS} routers × ${HOTSPOT + PPPOE} sessions, 5 %/min churn`, value: cpuPct, unit: '% of a core', target: 50, better: 'lower' },
    ];
  } finally {
    for (const c of clients) c.close();
    child.kill('SIGTERM');
    await exited;
  }
};

export default suite;
