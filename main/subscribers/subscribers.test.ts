import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role, Session } from '../auth/session';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import { invoker } from '../core/test-invoke';
import { waitForEvent } from '../events/wait-for-event';
import type { InvokeInput, InvokeName } from '../contract';
import type { RouterLiveStatus, RouterSummary } from '../routers/contract';
import { startSimulatedRouter, type SimulatedRouter } from '../routers/simulator';
import type { SubscriberSummary } from './contract';

const as = (role: Role): Session => ({ id: 's', user: { id: 1, username: role, role, tenantId: 1 } });
const operator = as('operator');

describe('subscribers: hotspot users and PPP secrets kept on their routers', () => {
  let core: TestCore;
  let sim: SimulatedRouter;
  let router: RouterSummary;
  let hotspotPlan: number;
  let pppoePlan: number;

  const call = <N extends InvokeName>(name: N, input: InvokeInput<N>, session?: Session) => invoker(core.services, as('tenant_admin'))(name, input, session);
  const becomes = (id: number, match: (s: SubscriberSummary) => boolean) =>
    waitForEvent(core.services.bus, 'tenant.1.subscribers', (e) => e.name === 'SubscriberUpdated' && (e.payload as SubscriberSummary).id === id && match(e.payload as SubscriberSummary));
  const plan = (kind: 'hotspot' | 'pppoe', name: string) =>
    call('plans.create', {
      kind, name, priceMinor: 100_000, validitySeconds: 30 * 86_400, uptimeLimitSeconds: null, dataLimitBytes: kind === 'hotspot' ? 10_000_000_000 : null,
      rateLimit: { uploadBps: 5_000_000, downloadBps: 10_000_000 }, sharedUsers: kind === 'hotspot' ? 1 : null, addressPool: kind === 'pppoe' ? 'pppoe-pool' : null,
      localAddress: kind === 'pppoe' ? '10.20.0.1' : null, expiry: 'disable', expiredProfile: null, routerIds: [router.id],
    });
  const subscriber = (kind: 'hotspot' | 'pppoe', username: string, extra: Partial<InvokeInput<'subscribers.create'>> = {}) =>
    call('subscribers.create', {
      kind, name: 'Jane Wanjiru', phone: '0712345678', email: 'jane@example.com', username, password: 'secret-1', planId: kind === 'hotspot' ? hotspotPlan : pppoePlan,
      macLock: null, routerIds: [router.id], ...extra,
    }, operator);

  beforeEach(async () => {
    core = await startTestCore();
    await core.services.accounts.run((tx) => tx.tenants.insert('Tenant One', null, Date.now()));
    sim = await startSimulatedRouter({ name: 'hq-1', password: 'sim-pass', clock: 'manual' });
    const online = waitForEvent(core.services.bus, 'tenant.1.routers', (e) => (e.payload as { status?: RouterLiveStatus }).status?.state === 'online');
    router = (await call('routers.add', { name: 'hq-1', host: sim.host, port: sim.port, tls: 'off', username: sim.username, password: 'sim-pass', site: '', notes: '', encoding: 'utf-8' })) as RouterSummary;
    await online;
    hotspotPlan = (await plan('hotspot', 'Home 10M')).id;
    pppoePlan = (await plan('pppoe', 'Fibre 10M')).id;
  });
  afterEach(async () => {
    await core.dispose();
    await sim.stop();
  });

  it('creates a hotspot user with its plan’s profile and limits, masked in events, active once on its router', async () => {
    const created = waitForEvent(core.services.bus, 'tenant.1.subscribers', (e) => e.name === 'SubscriberCreated');
    const active = becomes(1, (s) => s.status === 'active');
    const summary = await subscriber('hotspot', 'jane', { macLock: 'aa-bb-cc-dd-ee-ff' });
    expect(summary).toMatchObject({ status: 'pending', phone: '0712***678', email: 'j***@example.com' });
    expect(((await created).payload as SubscriberSummary).phone).toBe('0712***678');
    await active;
    expect(sim.model.get('/ip/hotspot/user', 'jane')).toMatchObject({
      profile: 'Home 10M', password: 'secret-1', 'mac-address': 'AA:BB:CC:DD:EE:FF', 'limit-bytes-total': '10000000000', comment: 'noc-s1', disabled: 'false',
    });
    // Full contact only through subscribers.get, and not for viewers; the password only on request (audited).
    expect(await call('subscribers.get', { id: 1 }, operator)).toMatchObject({ subscriber: { phone: '0712345678', email: 'jane@example.com' } });
    expect(await call('subscribers.get', { id: 1 }, as('viewer'))).toMatchObject({ subscriber: { phone: '0712***678' } });
    expect(await call('subscribers.revealPassword', { id: 1 }, operator)).toEqual({ password: 'secret-1' });
    expect(await dispatchInvoke(core.services, as('viewer'), 'subscribers.revealPassword', { id: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 1 })))[0]).toMatchObject({ action: 'subscriber.password_revealed' });
    // The password is sealed at rest.
    const row = core.db.prepare('SELECT password_sealed FROM subscribers').get() as { password_sealed: string };
    expect(row.password_sealed).not.toContain('secret-1');
  });

  it('keeps a PPPoE secret in step: disable, rename, delete', async () => {
    const active = becomes(1, (s) => s.status === 'active');
    await subscriber('pppoe', 'otieno');
    await active;
    expect(sim.model.get('/ppp/secret', 'otieno')).toMatchObject({ service: 'pppoe', profile: 'Fibre 10M', comment: 'noc-s1' });
    const disabled = becomes(1, (s) => s.status === 'disabled' && s.routers[0]?.state === 'applied');
    await call('subscribers.update', { id: 1, disabled: true, username: 'otieno2' }, operator);
    await disabled;
    expect(sim.model.get('/ppp/secret', 'otieno')).toBeUndefined();
    expect(sim.model.get('/ppp/secret', 'otieno2')).toMatchObject({ disabled: 'true' });
    const removed = new Promise<void>((resolve) => {
      const off = sim.model.onChange('/ppp/secret', (c) => c.kind === 'removed' && (off(), resolve()));
    });
    await call('subscribers.delete', { id: 1 }, operator);
    await removed;
    expect(sim.model.get('/ppp/secret', 'otieno2')).toBeUndefined();
  });

  it('refuses a taken login name with a field error, and a plan in use cannot be deleted', async () => {
    await subscriber('hotspot', 'amina');
    await expect(subscriber('hotspot', 'AMINA')).rejects.toMatchObject({ error: { code: 'conflict', details: { fields: { username: expect.any(String) } } } });
    await expect(subscriber('pppoe', 'bad name')).rejects.toMatchObject({ error: { code: 'invalid_input' } });
    await expect(subscriber('hotspot', 'kimani', { planId: pppoePlan })).rejects.toMatchObject({ error: { details: { fields: { planId: expect.any(String) } } } });
    await expect(call('plans.delete', { id: hotspotPlan })).rejects.toMatchObject({ error: { code: 'conflict', details: { subscribers: 1, vouchers: 0 } } });
  });

  it('finds subscribers by name, phone, username or MAC, and records their sessions as history', async () => {
    const active = becomes(1, (s) => s.status === 'active');
    await subscriber('hotspot', 'wanjiku', { macLock: 'AA:BB:CC:00:11:22' });
    await active;
    await subscriber('hotspot', 'baraka', { name: 'Baraka Otieno', phone: '+254 701 000 111' });
    const names = async (search: string) => (await call('subscribers.list', { search }, operator)).subscribers.map((s) => s.username);
    expect(await names('baraka otieno')).toEqual(['baraka']);
    expect(await names('701000')).toEqual(['baraka']);
    expect(await names('cc:00:11')).toEqual(['wanjiku']);
    expect(await names('WANJ')).toEqual(['wanjiku']);
    const seen = becomes(1, (s) => s.lastSeenAt !== null);
    sim.model.addHotspotSession({ user: 'wanjiku' });
    await seen;
    const { history } = await call('subscribers.get', { id: 1 }, operator);
    expect(history.map((h) => h.kind)).toEqual(expect.arrayContaining(['created', 'provisioned', 'session-started']));
  });

  it('takes over an account that is already on the router under its name (an imported one) instead of adding a second', async () => {
    sim.model.add('/ip/hotspot/user', { name: 'legacy', password: 'old-pass', profile: 'default', comment: 'walk-in customer' });
    const active = becomes(1, (s) => s.status === 'active');
    await subscriber('hotspot', 'legacy');
    await active;
    const accounts = sim.model.print('/ip/hotspot/user').filter((u) => u.name === 'legacy');
    expect(accounts).toEqual([expect.objectContaining({ password: 'secret-1', profile: 'Home 10M', comment: 'noc-s1' })]);
  });
});
