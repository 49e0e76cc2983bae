import type { Role, Session } from '../auth/session';
import type { InvokeInput, InvokeName, InvokeOutput } from '../contract';
import { startTestCore, type TestCore } from '../core/test-core';
import { invoker } from '../core/test-invoke';
import type { BusEvent } from '../events/event-bus';
import { waitForEvent } from '../events/wait-for-event';
import type { NewPlan, PlanRecord } from '../plans/plan-repository';
import type { RouterLiveStatus, RouterSummary } from '../routers/contract';
import { startSimulatedRouter, type SimulatedRouter, type SimulatedRouterOptions } from '../routers/simulator';
import type { BatchPushState, VoucherBatchSummary } from './contract';

export const as = (role: Role, tenantId: number | null = 1): Session => ({ id: `s-${role}`, user: { id: 1, username: role, role, tenantId } });
export const operator = as('operator');

/** A hotspot plan of tenant 1 on the given routers: 1 day valid, 1 hour online, 500 MB. */
export const hotspotPlan = (routerIds: number[], changes: Partial<NewPlan> = {}): NewPlan => ({
  tenantId: 1,
  currency: 'KES',
  kind: 'hotspot',
  name: 'Daily 1h',
  priceMinor: 5_000,
  validitySeconds: 86_400,
  uptimeLimitSeconds: 3_600,
  dataLimitBytes: 500_000_000,
  rateLimit: null,
  sharedUsers: 1,
  addressPool: null,
  localAddress: null,
  expiry: 'disable',
  expiredProfile: null,
  routerIds,
  ...changes,
});

/**
 * A real core (tenant 1, "Acme Net") with simulated routers on manual clocks, added and online:
 * what the voucher tests share. Close with `dispose()`.
 */
export interface VoucherFixture {
  core: TestCore;
  sims: SimulatedRouter[];
  routers: RouterSummary[];
  call<N extends InvokeName>(name: N, input: InvokeInput<N>, session?: Session): Promise<InvokeOutput<N>>;
  plan(plan: NewPlan): Promise<PlanRecord>;
  /** The next VoucherBatchUpdated of the batch where `routerId` reached `state`. */
  pushState(batchId: number, routerId: number, state: BatchPushState): Promise<VoucherBatchSummary>;
  routerIs(state: RouterLiveStatus['state'], routerId?: number): Promise<BusEvent>;
  /**
   * Generates a batch of `count` of a hotspot plan (`hotspotPlan` with `changes`) on `routerIds`
   * (default: the first router) and waits until the first of them has it; its id and codes.
   */
  pushedBatch(count: number, changes?: Partial<NewPlan>, routerIds?: number[]): Promise<{ batchId: number; codes: string[] }>;
  /** A client logs in with the voucher on router `sim` (default the first): the console sees the session and activates it. */
  activate(code: string, sim?: number): Promise<void>;
  dispose(): Promise<void>;
}

export async function voucherFixture(options: { routers?: number; sim?: SimulatedRouterOptions } = {}): Promise<VoucherFixture> {
  const core = await startTestCore();
  await core.services.accounts.run((tx) => tx.tenants.insert('Acme Net', null, Date.now()));
  const sims: SimulatedRouter[] = [];
  const routers: RouterSummary[] = [];
  const call = <N extends InvokeName>(name: N, input: InvokeInput<N>, session?: Session) => invoker(core.services, operator)(name, input, session);
  const routerIs = (state: RouterLiveStatus['state'], routerId?: number) =>
    waitForEvent(core.services.bus, 'tenant.1.routers', (e) => {
      const payload = e.payload as { id: number; status: RouterLiveStatus };
      return e.name === 'RouterStatusChanged' && payload.status.state === state && (routerId === undefined || payload.id === routerId);
    });
  for (let i = 1; i <= (options.routers ?? 1); i++) {
    const sim = await startSimulatedRouter({ name: `hq-${i}`, password: 'sim-pass', clock: 'manual', seed: i, ...options.sim });
    sims.push(sim);
    const online = routerIs('online');
    const admin = as('tenant_admin');
    routers.push(await call('routers.add', { name: sim.name, host: sim.host, port: sim.port, tls: 'off', username: sim.username, password: 'sim-pass', site: '', notes: '', encoding: 'utf-8' }, admin));
    await online;
  }
  const plan = (record: NewPlan) => core.services.business.run((tx) => tx.plans.insert(record, Date.now()));
  const pushState = async (batchId: number, routerId: number, state: BatchPushState) => {
    const event = await waitForEvent(core.services.bus, 'tenant.1.vouchers', (e) => {
      const batch = e.payload as VoucherBatchSummary;
      return e.name === 'VoucherBatchUpdated' && batch.id === batchId && batch.routers.some((r) => r.routerId === routerId && r.state === state);
    }, 30_000);
    return event.payload as VoucherBatchSummary;
  };
  return {
    core,
    sims,
    routers,
    call,
    plan,
    pushState,
    routerIs,
    async pushedBatch(count, changes = {}, routerIds = [routers[0]!.id]) {
      const record = await plan(hotspotPlan(routerIds, changes));
      // Batches are numbered from 1 in a fresh core and never deleted in these tests.
      const batchId = (await call('vouchers.batches', {})).batches.length + 1;
      const done = pushState(batchId, routerIds[0]!, 'done');
      await call('vouchers.generate', { planId: record.id, count, codeLength: 6, charset: 'mixed' });
      await done;
      return { batchId, codes: (await call('vouchers.list', { batchId })).vouchers.map((v) => v.code) };
    },
    async activate(code, sim = 0) {
      const activated = waitForEvent(core.services.bus, 'tenant.1.vouchers', (e) => e.name === 'VoucherActivated');
      const login = sims[sim]!.model.loginHotspot({ user: code, password: code });
      if (!login.ok) throw new Error(`the simulated router refused the voucher's login: ${login.reason}`);
      await activated;
    },
    async dispose() {
      await core.dispose();
      await Promise.all(sims.map((s) => s.stop()));
    },
  };
}
