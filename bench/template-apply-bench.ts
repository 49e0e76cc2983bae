import type { Session } from '../main/auth/session';
import { startTestCore } from '../main/core/test-core';
import { invoker } from '../main/core/test-invoke';
import { MAX_APPLY_CONCURRENCY, type ProvisioningRun } from '../main/provisioning/contract';
import { ProcessMetrics } from '../main/system/process-metrics';
import { startFleet } from './fleet-console';
import type { BenchFigure } from './figure';

const ROUTERS = 100;
const REPLY_LATENCY_MS = 5;
const BASE_PORT = Number(process.env.BENCH_PROVISIONING_BASE_PORT ?? 26_100);
const admin: Session = { id: 'bench', user: { id: 1, username: 'bench', role: 'tenant_admin', tenantId: 1 } };

/** Resolves once `count` runs have reached one of `states` (each run counted once). */
function runsReach(core: Awaited<ReturnType<typeof startTestCore>>, count: number, states: ReadonlyArray<ProvisioningRun['state']>, timeoutMs: number): Promise<ProvisioningRun[]> {
  return new Promise((resolve, reject) => {
    const done = new Map<number, ProvisioningRun>();
    const timer = setTimeout(() => (off(), reject(new Error(`only ${done.size} of ${count} runs reached ${states.join('/')} in ${timeoutMs / 1000} s`))), timeoutMs);
    const seen = (run: ProvisioningRun) => {
      if (!states.includes(run.state)) return;
      done.set(run.id, run);
      if (done.size < count) return;
      clearTimeout(timer);
      off();
      resolve([...done.values()]);
    };
    const offs = [core.services.bus.on('RouterProvisioningPlanned', seen), core.services.bus.on('RouterProvisioningCompleted', seen), core.services.bus.on('RouterProvisioningFailed', seen)];
    const off = () => offs.forEach((o) => o());
  });
}

/**
 * Issue 13's provisioning figure: the hotspot template planned on, then applied to, 100 blank
 * simulated routers (their own process, every reply 5 ms late), as wide as the router-provisioning
 * queue runs; the console's main-thread loop lag over both. Every run must end applied, and a
 * second plan must find nothing to do.
 */
export async function templateApplyFigures(): Promise<BenchFigure[]> {
  const fleet = await startFleet({ routers: ROUTERS, hotspot: 0, pppoe: 0, churnPerMinute: 0 }, BASE_PORT, ['--preset', 'blank', '--reply-latency-ms', String(REPLY_LATENCY_MS)]);
  const core = await startTestCore();
  const call = invoker(core.services, admin);
  try {
    await core.services.accounts.run((tx) => tx.tenants.insert('Bench ISP', null, Date.now()));
    const online = new Set<number>();
    const allOnline = new Promise<void>((resolve) => {
      const off = core.services.bus.on('RouterStatusChanged', ({ id, status }) => {
        if (status.state === 'online') online.add(id);
        if (online.size === ROUTERS) resolve(off());
      });
    });
    const routerIds: number[] = [];
    for (const [i, port] of fleet.ports.entries()) {
      routerIds.push((await call('routers.add', { name: `site-${i + 1}`, host: '127.0.0.1', port, tls: 'off', username: 'admin', password: fleet.password, site: '', notes: '', encoding: 'utf-8' })).id);
    }
    await allOnline;
    const template = await call('provisioning.createTemplate', {
      template: {
        name: 'Hotspot site',
        identity: '{router}',
        timeZone: 'Africa/Nairobi',
        ntpServers: ['pool.ntp.org'],
        hotspot: { interface: 'bridge-hs', bridgePorts: ['ether2', 'ether3'], address: '10.5.50.1/24', poolRanges: '10.5.50.10-10.5.50.250', dnsName: 'login.isp.example', walledGarden: ['pay.example.com', '*.mpesa.example'] },
      } as never,
    });

    const metrics = new ProcessMetrics(1);
    metrics.start();
    metrics.read(true);
    const started = performance.now();
    const planned = runsReach(core, ROUTERS, ['planned'], 120_000);
    for (const routerId of routerIds) await call('provisioning.plan', { templateId: template.id, routerId });
    const plans = await planned;
    const planMs = performance.now() - started;
    const applied = runsReach(core, ROUTERS, ['applied', 'failed'], 300_000);
    await call('provisioning.apply', { templateId: template.id, routerIds, concurrency: MAX_APPLY_CONCURRENCY });
    const runs = await applied;
    const totalMs = performance.now() - started;
    const lag = metrics.read(false).eventLoopLag;
    metrics.stop();

    const failed = runs.filter((r) => r.state !== 'applied');
    if (failed.length > 0) throw new Error(`${failed.length} runs failed, first: ${failed[0]!.message}`);
    const steps = runs.reduce((n, r) => n + r.steps.length, 0);
    if (plans.some((p) => p.steps.length !== plans[0]!.steps.length)) throw new Error('the blank routers got different plans');
    const again = runsReach(core, 1, ['planned'], 30_000);
    await call('provisioning.plan', { templateId: template.id, routerId: routerIds[0]! });
    const [replan] = await again;
    if (replan!.steps.length !== 0) throw new Error(`a second plan still lists ${replan!.steps.length} steps`);
    return [
      { metric: `plan + apply the hotspot template to ${ROUTERS} blank routers (${REPLY_LATENCY_MS} ms replies, ${steps} steps, ${MAX_APPLY_CONCURRENCY} at once)`, value: totalMs / 1000, unit: 's', target: Infinity, better: 'lower' },
      { metric: `  of which planning all ${ROUTERS}`, value: planMs / 1000, unit: 's', target: Infinity, better: 'lower' },
      { metric: 'main-thread event-loop lag p99 while planning and applying', value: lag.p99, unit: 'ms', target: 20, better: 'lower' },
    ];
  } finally {
    await core.dispose();
    await fleet.stop();
  }
}
