import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role, Session } from '../auth/session';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import { invoker } from '../core/test-invoke';
import { waitForEvent } from '../events/wait-for-event';
import type { RouterLiveStatus, RouterSummary } from '../routers/contract';
import { startSimulatedRouter, type SimulatedRouter } from '../routers/simulator';
import type { InvokeInput, InvokeName } from '../contract';
import type { PlanSummary, ProvisioningState } from './contract';

const as = (role: Role): Session => ({ id: 's', user: { id: 1, username: role, role, tenantId: 1 } });
const admin = as('tenant_admin');

describe('plans: stored at once, kept on their routers as profiles by jobs', () => {
  let core: TestCore;
  let sim: SimulatedRouter;
  let router: RouterSummary;

  const call = <N extends InvokeName>(name: N, input: InvokeInput<N>, session?: Session) => invoker(core.services, admin)(name, input, session);
  const planState = (id: number, state: ProvisioningState) =>
    waitForEvent(core.services.bus, 'tenant.1.plans', (e) => e.name === 'PlanUpdated' && (e.payload as PlanSummary).id === id && (e.payload as PlanSummary).routers.some((r) => r.state === state));
  const routerIs = (state: RouterLiveStatus['state']) =>
    waitForEvent(core.services.bus, 'tenant.1.routers', (e) => e.name === 'RouterStatusChanged' && (e.payload as { status: RouterLiveStatus }).status.state === state);
  const newPlan = (name: string) =>
    call('plans.create', {
      kind: 'hotspot', name, priceMinor: 50_000, validitySeconds: 86_400, uptimeLimitSeconds: 3_600, dataLimitBytes: 500_000_000,
      rateLimit: { uploadBps: 2_000_000, downloadBps: 5_000_000 }, sharedUsers: 2, addressPool: null, localAddress: null, expiry: 'disable', expiredProfile: null, routerIds: [router.id],
    });

  beforeEach(async () => {
    core = await startTestCore();
    await core.services.accounts.run((tx) => tx.tenants.insert('Tenant One', null, Date.now()));
    sim = await startSimulatedRouter({ name: 'hq-1', password: 'sim-pass', clock: 'manual' });
    const online = routerIs('online');
    router = (await call('routers.add', { name: 'hq-1', host: sim.host, port: sim.port, tls: 'off', username: sim.username, password: 'sim-pass', site: '', notes: '', encoding: 'utf-8' })) as RouterSummary;
    await online;
  });
  afterEach(async () => {
    await core.dispose();
    await sim.stop();
  });

  it('puts a new plan on its router as a hotspot user profile with RouterOS field names', async () => {
    const applied = planState(1, 'applied');
    const plan = await newPlan('1 Day 5M');
    expect(plan).toMatchObject({ currency: 'USD', routers: [{ routerId: router.id, state: 'pending' }] });
    await applied;
    expect(sim.model.get('/ip/hotspot/user/profile', '1 Day 5M')).toMatchObject({ 'rate-limit': '2M/5M', 'shared-users': '2', 'session-timeout': '1h' });
    expect((await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 5 })))[0]).toMatchObject({ action: 'plan.created', targetLabel: '1 Day 5M' });
  });

  it('shows a profile edited on the router as drift, and adopts it or writes the plan back', async () => {
    const applied = planState(1, 'applied');
    const plan = await newPlan('Weekly');
    await applied;
    sim.model.set('/ip/hotspot/user/profile', 'Weekly', { 'rate-limit': '1M/3M', 'shared-users': '4' });
    const drifted = planState(plan.id, 'drift');
    await call('plans.checkDrift', { id: plan.id });
    const drift = (await drifted).payload as PlanSummary;
    expect(drift.routers[0]!.drift).toEqual(
      expect.arrayContaining([
        { field: 'rate-limit', console: '2M/5M', router: '1M/3M' },
        { field: 'shared-users', console: '2', router: '4' },
      ]),
    );
    const adopted = await call('plans.adopt', { id: plan.id, routerId: router.id });
    expect(adopted).toMatchObject({ rateLimit: { uploadBps: 1_000_000, downloadBps: 3_000_000 }, sharedUsers: 4, routers: [{ state: 'applied' }] });

    sim.model.set('/ip/hotspot/user/profile', 'Weekly', { 'rate-limit': '9M/9M' });
    const reapplied = planState(plan.id, 'applied');
    await call('plans.reapply', { id: plan.id });
    await reapplied;
    expect(sim.model.get('/ip/hotspot/user/profile', 'Weekly')).toMatchObject({ 'rate-limit': '1M/3M' });
  });

  it('renames the profile on the router with the plan, and removes it with the plan', async () => {
    const applied = planState(1, 'applied');
    const plan = await newPlan('Old name');
    await applied;
    const renamed = planState(plan.id, 'applied');
    await call('plans.update', { id: plan.id, name: 'New name' });
    await renamed;
    expect(sim.model.get('/ip/hotspot/user/profile', 'Old name')).toBeUndefined();
    expect(sim.model.get('/ip/hotspot/user/profile', 'New name')).toMatchObject({ 'rate-limit': '2M/5M' });
    const removed = new Promise<void>((resolve) => {
      const off = sim.model.onChange('/ip/hotspot/user/profile', (change) => change.kind === 'removed' && (off(), resolve()));
    });
    await call('plans.delete', { id: plan.id });
    await removed;
    expect(sim.model.get('/ip/hotspot/user/profile', 'New name')).toBeUndefined();
  });

  it('refuses bad input and a duplicate name with field errors, and lets only admins manage plans', async () => {
    await newPlan('Basic');
    await expect(newPlan('basic')).rejects.toMatchObject({ error: { code: 'conflict', details: { fields: { name: expect.any(String) } } } });
    const bad = await dispatchInvoke(core.services, admin, 'plans.create', {
      kind: 'hotspot', name: 'x/y', priceMinor: 1.5, validitySeconds: 10, uptimeLimitSeconds: null, dataLimitBytes: null, rateLimit: null,
      sharedUsers: null, addressPool: null, localAddress: null, expiry: 'move', expiredProfile: null, routerIds: [router.id],
    } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const foreign = await dispatchInvoke(core.services, admin, 'plans.create', {
      kind: 'hotspot', name: 'Foreign', priceMinor: 100, validitySeconds: null, uptimeLimitSeconds: null, dataLimitBytes: null, rateLimit: null,
      sharedUsers: null, addressPool: null, localAddress: null, expiry: 'disable', expiredProfile: null, routerIds: [999],
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: { routerIds: expect.any(String) } } } });
    expect(await dispatchInvoke(core.services, as('operator'), 'plans.delete', { id: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call('plans.list', {}, as('viewer'))).plans.map((p) => p.name)).toEqual(['Basic']);
  });

  it('waits for a router that is down, and applies the plan when it is back', async () => {
    const offline = routerIs('offline');
    await sim.stop();
    await offline;
    const pending = planState(1, 'pending');
    const plan = await newPlan('Night');
    expect(((await pending).payload as PlanSummary).routers[0]!.message ?? '').toMatch(/waiting for router 'hq-1'/);
    const applied = planState(plan.id, 'applied');
    await sim.start();
    await applied;
    expect(sim.model.get('/ip/hotspot/user/profile', 'Night')).toMatchObject({ 'rate-limit': '2M/5M' });
  });
});
