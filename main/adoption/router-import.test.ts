import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../auth/session';
import type { InvokeInput, InvokeName } from '../contract';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import { invoker } from '../core/test-invoke';
import { waitForEvent } from '../events/wait-for-event';
import type { RouterLiveStatus, RouterSummary } from '../routers/contract';
import { startSimulatedRouter, type SimulatedRouter } from '../routers/simulator';
import { MIKHMON_PPP_PROFILES, MIKHMON_PROFILES, MIKHMON_USERS } from '../routers/simulator/model/mikhmon-preset';
import type { ImportOutcome, ImportPreviewView } from './contract';

const admin: Session = { id: 's', user: { id: 1, username: 'admin', role: 'tenant_admin', tenantId: 1 } };

describe('importing a router set up with mikhmon', () => {
  let core: TestCore;
  let sim: SimulatedRouter;
  let router: RouterSummary;

  const call = <N extends InvokeName>(name: N, input: InvokeInput<N>, session?: Session) => invoker(core.services, admin)(name, input, session);
  const imported = async (): Promise<ImportOutcome> => {
    const done = waitForEvent(core.services.bus, 'tenant.1.imports', (e) => e.name === 'RouterImported' || e.name === 'RouterImportFailed');
    await call('routers.import', { routerId: router.id });
    const event = await done;
    if (event.name === 'RouterImportFailed') throw new Error((event.payload as { message: string }).message);
    return (event.payload as { outcome: ImportOutcome }).outcome;
  };

  beforeEach(async () => {
    core = await startTestCore();
    await core.services.accounts.run((tx) => tx.tenants.insert('Tenant One', null, Date.now()));
    sim = await startSimulatedRouter({ name: 'warnet', password: 'sim-pass', clock: 'manual', preset: 'mikhmon' });
    const online = waitForEvent(core.services.bus, 'tenant.1.routers', (e) => (e.payload as { status?: RouterLiveStatus }).status?.state === 'online');
    router = (await call('routers.add', { name: 'warnet', host: sim.host, port: sim.port, tls: 'off', username: sim.username, password: 'sim-pass', site: '', notes: '', encoding: 'utf-8' })) as RouterSummary;
    await online;
  });
  afterEach(async () => {
    await core.dispose();
    await sim.stop();
  });

  it('previews, then imports its plans and vouchers; a second import adds nothing', async () => {
    const previewed = waitForEvent(core.services.bus, 'tenant.1.imports', (e) => e.name === 'RouterImportPreviewed');
    await call('routers.importPreview', { routerId: router.id });
    const preview = ((await previewed).payload as { preview: ImportPreviewView }).preview;
    // Every profile of the router but the built-in ones: mikhmon's, and those the ISP seed had before.
    const builtIn = new Set(['default', 'default-encryption']);
    const profileNames = [...sim.model.print('/ip/hotspot/user/profile'), ...sim.model.print('/ppp/profile')].map((p) => p.name!).filter((n) => !builtIn.has(n)).sort();
    expect(profileNames).toEqual(expect.arrayContaining([...MIKHMON_PROFILES.map((p) => p.name), ...MIKHMON_PPP_PROFILES.map((p) => p.name)]));
    // RouterOS keeps 'pppoe-10M' (the ISP seed) and 'PPPoE-10M' (mikhmon's) apart; plans differ in more than case, so the second is reported.
    const distinct = (path: string) => new Set(sim.model.print(path).map((p) => p.name!.toLowerCase()).filter((n) => !builtIn.has(n))).size;
    expect(preview.plans).toHaveLength(distinct('/ip/hotspot/user/profile') + distinct('/ppp/profile'));
    expect(preview.plans.map((p) => p.name)).toEqual(expect.arrayContaining(MIKHMON_PROFILES.map((p) => p.name)));
    expect(preview.conflicts).toEqual(expect.arrayContaining([{ item: "PPP profile 'PPPoE-10M'", reason: expect.stringMatching(/differs only in upper and lower case/) }]));
    const vouchers = MIKHMON_USERS.filter((u) => u.mode === 'vc');
    expect(preview.voucherBatches.reduce((n, b) => n + b.count, 0)).toBe(vouchers.length);
    expect(JSON.stringify(preview)).not.toContain(MIKHMON_USERS.find((u) => u.mode === 'up')!.password);
    // A preview writes nothing.
    expect((await call('plans.list', {})).plans).toEqual([]);

    const first = await imported();
    expect(first).toMatchObject({ plans: distinct('/ip/hotspot/user/profile') + distinct('/ppp/profile'), vouchers: vouchers.length });
    const { plans } = await call('plans.list', {});
    const priced = MIKHMON_PROFILES[0]!;
    expect(plans.find((p) => p.name === priced.name)).toMatchObject({ kind: 'hotspot', validitySeconds: expect.any(Number) });
    const { batches } = await call('vouchers.batches', {});
    const codes = (await Promise.all(batches.map((b) => call('vouchers.list', { batchId: b.id })))).flatMap((r) => r.vouchers.map((v) => v.code));
    expect(codes.sort()).toEqual(vouchers.map((v) => v.name).sort());
    const redeemed = vouchers.filter((v) => v.expires).length;
    const states = batches.reduce((n, b) => n + b.counts.active + b.counts.expired, 0);
    expect(states).toBe(redeemed);
    expect((await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 1 })))[0]).toMatchObject({ action: 'router.imported' });

    expect(await imported()).toMatchObject({ routerId: router.id, plans: 0, vouchers: 0, subscribers: 0 });
    expect((await call('plans.list', {})).plans).toHaveLength(plans.length);
  });

  it('is for admins, of their own routers', async () => {
    const operator: Session = { id: 's', user: { id: 2, username: 'op', role: 'operator', tenantId: 1 } };
    expect(await dispatchInvoke(core.services, operator, 'routers.import', { routerId: router.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const other: Session = { id: 's', user: { id: 3, username: 'other', role: 'tenant_admin', tenantId: 2 } };
    expect(await dispatchInvoke(core.services, other, 'routers.importPreview', { routerId: router.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
