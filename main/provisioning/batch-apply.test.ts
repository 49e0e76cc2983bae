import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../auth/session';
import { startTestCore, type TestCore } from '../core/test-core';
import { invoker } from '../core/test-invoke';
import { waitForEvent } from '../events/wait-for-event';
import { loadQueueTable } from '../jobs/queue-table';
import type { RouterLiveStatus } from '../routers/contract';
import { startSimulatedRouter, type SimulatedRouter } from '../routers/simulator';
import { MAX_APPLY_CONCURRENCY, type ProvisioningRun } from './contract';

const operator: Session = { id: 's', user: { id: 1, username: 'tech', role: 'operator', tenantId: 1 } };
const admin: Session = { id: 'a', user: { id: 2, username: 'boss', role: 'tenant_admin', tenantId: 1 } };

describe('applying one template to many routers', () => {
  let core: TestCore;
  const sims: SimulatedRouter[] = [];

  beforeEach(async () => {
    core = await startTestCore();
    await core.services.accounts.run((tx) => tx.tenants.insert('Tenant One', null, Date.now()));
  });
  afterEach(async () => {
    await core.dispose();
    await Promise.all(sims.splice(0).map((s) => s.stop()));
  });

  it('runs at most `concurrency` routers at once, each with its own progress, and all end applied', async () => {
    const routerIds: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const sim = await startSimulatedRouter({ name: `site-${i}`, password: 'pw', clock: 'manual', preset: 'blank', replyLatencyMs: 2 });
      sims.push(sim);
      const online = waitForEvent(core.services.bus, 'tenant.1.routers', (e) => e.name === 'RouterStatusChanged' && (e.payload as { status: RouterLiveStatus }).status.state === 'online' && (e.payload as { id: number }).id === i);
      routerIds.push((await invoker(core.services, admin)('routers.add', { name: `site-${i}`, host: sim.host, port: sim.port, tls: 'off', username: sim.username, password: 'pw', site: '', notes: '', encoding: 'utf-8' })).id);
      await online;
    }
    const template = await invoker(core.services, admin)('provisioning.createTemplate', { template: { name: 'PPPoE', pppoe: { interface: 'ether2', poolName: 'pppoe', poolRanges: '10.20.0.2-10.20.0.200', localAddress: '10.20.0.1', profileName: 'pppoe-default' } } as never });
    const running = new Set<number>();
    let widest = 0;
    const steps = new Map<number, number>();
    const offState = core.services.bus.on('RouterProvisioningPlanned', (r) => {
      if (r.state === 'running') running.add(r.id);
      widest = Math.max(widest, running.size);
    });
    const offProgress = core.services.bus.on('RouterProvisioningProgress', (p) => steps.set(p.routerId, p.step));
    const ended: ProvisioningRun[] = [];
    const allEnded = new Promise<void>((resolve) => {
      const off = core.services.bus.on('RouterProvisioningCompleted', (r) => {
        running.delete(r.id);
        ended.push(r);
        if (ended.length === 4) resolve(off());
      });
    });
    const { batchId, runIds } = await invoker(core.services, operator)('provisioning.apply', { templateId: template.id, routerIds, concurrency: 2 });
    await allEnded;
    offState();
    offProgress();
    expect(widest).toBe(2);
    expect(ended.map((r) => r.state)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect([...steps.values()]).toEqual([3, 3, 3, 3]);
    for (const sim of sims) expect(sim.model.print('/interface/pppoe-server/server')).toEqual([expect.objectContaining({ interface: 'ether2', 'default-profile': 'pppoe-default' })]);
    const batch = await invoker(core.services, operator)('provisioning.runs', { batchId, limit: 10 });
    expect(batch.runs.map((r) => r.id).sort()).toEqual([...runIds].sort());
    expect(batch.runs.every((r) => r.batchId === batchId && r.requestedBy === 'tech')).toBe(true);
  });

  it('offers no wider batch than the router-provisioning queue runs', () => {
    expect(loadQueueTable().find((q) => q.name === 'router-provisioning')!.workers).toBe(MAX_APPLY_CONCURRENCY);
  });
});
