import type { Session } from '../main/auth/session';
import { startTestCore } from '../main/core/test-core';
import { invoker } from '../main/core/test-invoke';
import { waitForEvent } from '../main/events/wait-for-event';
import type { PlanSummary } from '../main/plans/contract';
import type { RouterLiveStatus } from '../main/routers/contract';
import { startSimulatedRouter } from '../main/routers/simulator';
import type { VoucherBatchSummary } from '../main/vouchers/contract';
import type { BenchFigure } from './figure';
import { templateApplyFigures } from './template-apply-bench';
import { trafficSampleFigures } from './traffic-sample-bench';
import { voucherSheetBench } from './voucher-sheet-bench';

const USERS = 1_000;
const REPLY_LATENCY_MS = 5;
const admin: Session = { id: 'bench', user: { id: 1, username: 'bench', role: 'tenant_admin', tenantId: 1 } };

/**
 * Issue 11's provisioning figures: a batch of 1,000 vouchers pushed as hotspot users to one
 * simulated router that answers every command 5 ms late (the job pipelines the adds over the one
 * connection), timed from the operator's "generate" to the last user on the router; then the
 * voucher sheet of 1,000 cards rendered off the main thread.
 */
async function pushFigure(): Promise<BenchFigure> {
  const core = await startTestCore();
  const sim = await startSimulatedRouter({ name: 'bench-1', password: 'bench', clock: 'manual', replyLatencyMs: REPLY_LATENCY_MS });
  const call = invoker(core.services, admin);
  try {
    await core.services.accounts.run((tx) => tx.tenants.insert('Bench ISP', null, Date.now()));
    const online = waitForEvent(core.services.bus, 'tenant.1.routers', (e) => (e.payload as { status?: RouterLiveStatus }).status?.state === 'online');
    const router = await call('routers.add', { name: 'bench-1', host: sim.host, port: sim.port, tls: 'off', username: sim.username, password: 'bench', site: '', notes: '', encoding: 'utf-8' });
    await online;
    const applied = waitForEvent(core.services.bus, 'tenant.1.plans', (e) => (e.payload as PlanSummary).routers?.some((r) => r.state === 'applied'));
    const plan = await call('plans.create', {
      kind: 'hotspot', name: 'Daily', priceMinor: 5_000, validitySeconds: 86_400, uptimeLimitSeconds: null, dataLimitBytes: null, rateLimit: { uploadBps: 2_000_000, downloadBps: 5_000_000 },
      sharedUsers: 1, addressPool: null, localAddress: null, expiry: 'remove', expiredProfile: null, routerIds: [router.id],
    });
    await applied;
    const done = waitForEvent(
      core.services.bus,
      'tenant.1.vouchers',
      (e) => e.name === 'VoucherBatchUpdated' && (e.payload as VoucherBatchSummary).routers.some((r) => r.state === 'done'),
      60_000,
    );
    const started = performance.now();
    await call('vouchers.generate', { planId: plan.id, count: USERS, codeLength: 8, charset: 'mixed' });
    await done;
    const seconds = (performance.now() - started) / 1000;
    const onRouter = sim.model.print('/ip/hotspot/user').filter((u) => u.profile === 'Daily').length;
    if (onRouter !== USERS) throw new Error(`the router holds ${onRouter} of the ${USERS} vouchers`);
    return { metric: `push ${USERS} hotspot users to one router (${REPLY_LATENCY_MS} ms reply latency)`, value: seconds, unit: 's', target: 3, better: 'lower' };
  } finally {
    await core.dispose();
    await sim.stop();
  }
}

export default async function provisioning(): Promise<BenchFigure[]> {
  return [await pushFigure(), ...(await voucherSheetBench()), ...(await templateApplyFigures()), ...(await trafficSampleFigures())];
}
