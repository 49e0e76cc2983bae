import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role, Session } from '../auth/session';
import { startTestCore, type TestCore } from '../core/test-core';
import { invoker } from '../core/test-invoke';
import { waitForEvent } from '../events/wait-for-event';
import type { EventPayload, InvokeInput, InvokeName } from '../contract';
import type { RouterLiveStatus, RouterSummary } from '../routers/contract';
import { startSimulatedRouter, type SimulatedRouter } from '../routers/simulator';
import type { SubscriberSummary } from '../subscribers/contract';
import { sweepSubscriptions } from './expiry-sweep';
import { applyPayment } from './subscription-extension';

const as = (role: Role): Session => ({ id: `s-${role}`, user: { id: 1, username: role, role, tenantId: 1 } });
const DAY = 86_400_000;

describe('the money path: payment → extend → reconnect on the router → session ended', () => {
  let core: TestCore;
  let sim: SimulatedRouter;
  let router: RouterSummary;
  let planId: number;

  const call = <N extends InvokeName>(name: N, input: InvokeInput<N>, session: Session = as('tenant_admin')) => invoker(core.services, session)(name, input);
  const onSubscribers = <E extends 'SubscriptionExtended' | 'SubscriptionReconnected' | 'SubscriptionExpired' | 'SubscriberUpdated'>(name: E, match: (p: EventPayload<E>) => boolean = () => true) =>
    waitForEvent(core.services.bus, 'tenant.1.subscribers', (e) => e.name === name && match(e.payload as EventPayload<E>)).then((e) => e.payload as EventPayload<E>);
  const routerOnline = () => waitForEvent(core.services.bus, 'tenant.1.routers', (e) => (e.payload as { status?: RouterLiveStatus }).status?.state === 'online');

  async function pppoeSubscriber(username: string, validUntil: number): Promise<SubscriberSummary> {
    const active = onSubscribers('SubscriberUpdated', (s) => s.username === username && s.status === 'active');
    const created = await call('subscribers.create', {
      kind: 'pppoe', name: 'Otieno', phone: '0712345678', email: null, username, password: 'secret-1', planId, macLock: null, routerIds: [router.id], validUntil: new Date(validUntil).toISOString(),
    });
    await active;
    return created;
  }

  /** Expires it through the sweep and waits until its router has the plan's expiry behaviour. */
  async function expire(subscriberId: number): Promise<void> {
    const done = onSubscribers('SubscriberUpdated', (s) => s.id === subscriberId && s.status === 'expired' && s.accessChange === null);
    expect((await sweepSubscriptions(core.services)).expired).toBeGreaterThanOrEqual(1);
    await done;
  }

  beforeEach(async () => {
    core = await startTestCore();
    await core.services.accounts.run((tx) => tx.tenants.insert('Tenant One', null, Date.now()));
    await call('tenants.updateSettings', { name: 'Tenant One', timeZone: 'Africa/Nairobi', locale: 'en-KE', currency: 'KES', logo: null });
    sim = await startSimulatedRouter({ name: 'hq-1', password: 'sim-pass', clock: 'manual' });
    const online = routerOnline();
    router = await call('routers.add', { name: 'hq-1', host: sim.host, port: sim.port, tls: 'off', username: sim.username, password: 'sim-pass', site: '', notes: '', encoding: 'utf-8' });
    await online;
    planId = (
      await call('plans.create', {
        kind: 'pppoe', name: 'Fibre 10M', priceMinor: 150_000, validitySeconds: 30 * 86_400, uptimeLimitSeconds: null, dataLimitBytes: null, rateLimit: { uploadBps: 5_000_000, downloadBps: 10_000_000 },
        sharedUsers: null, addressPool: null, localAddress: null, expiry: 'disable', expiredProfile: null, routerIds: [router.id],
      })
    ).id;
  });
  afterEach(async () => {
    await core.dispose();
    await sim.stop();
  });

  it('expires a subscriber at its time: disabled on the router, its session ended, SubscriptionExpired', async () => {
    const subscriber = await pppoeSubscriber('otieno', Date.now() - 1000);
    sim.model.addPppSession({ name: 'otieno' });
    const expired = onSubscribers('SubscriptionExpired');
    await expire(subscriber.id);
    expect(await expired).toMatchObject({ subscriberId: subscriber.id, reason: 'expiry' });
    expect(sim.model.get('/ppp/secret', 'otieno')).toMatchObject({ disabled: 'true' });
    expect(sim.model.print('/ppp/active').filter((s) => s.name === 'otieno')).toEqual([]);
    // A second sweep finds nothing more to do.
    expect(await sweepSubscriptions(core.services)).toMatchObject({ expired: 0, renewed: 0 });
  });

  it('a payment that covers the plan extends from now, enables the secret again and ends the old session', async () => {
    const subscriber = await pppoeSubscriber('otieno', Date.now() - 1000);
    await expire(subscriber.id);
    sim.model.set('/ppp/secret', 'otieno', { disabled: 'no' });
    sim.model.addPppSession({ name: 'otieno' }); // a session on the old profile that must be ended
    sim.model.set('/ppp/secret', 'otieno', { disabled: 'yes' });
    const extended = onSubscribers('SubscriptionExtended');
    const reconnected = onSubscribers('SubscriptionReconnected');
    const before = Date.now();
    const payment = await call('payments.record', { subscriberId: subscriber.id, provider: 'mpesa', reference: 'QK71ABC2XY', amountMinor: 200_000 }, as('operator'));
    expect(await extended).toMatchObject({ subscriberId: subscriber.id, reason: 'payment', paymentId: payment.id, chargedMinor: 150_000, balanceMinor: 50_000 });
    const done = await reconnected;
    expect(Date.parse(done.validUntil!)).toBeGreaterThanOrEqual(before + 30 * DAY);
    expect(sim.model.get('/ppp/secret', 'otieno')).toMatchObject({ disabled: 'false', profile: 'Fibre 10M' });
    expect(sim.model.print('/ppp/active').filter((s) => s.name === 'otieno')).toEqual([]);
    const ledger = await call('payments.ledger', { subscriberId: subscriber.id });
    expect(ledger.entries.map((e) => [e.kind, e.amountMinor])).toEqual([
      ['payment', 200_000],
      ['charge', -150_000],
    ]);
    expect(ledger.balanceMinor).toBe(50_000);
    const got = await call('subscribers.get', { id: subscriber.id });
    expect(got.subscriber).toMatchObject({ status: 'active', accessChange: null });
    expect(got.history.map((h) => h.kind)).toEqual(expect.arrayContaining(['expired', 'extended', 'reconnected']));
    // Applying the same payment again (a crash replay) changes nothing.
    expect(await core.services.business.run((tx) => applyPayment(tx, core.services.bus, payment.id, Date.now()))).toMatchObject({ skipped: expect.stringMatching(/applied before/) });
    expect((await call('payments.ledger', { subscriberId: subscriber.id })).entries).toHaveLength(2);
  });

  it('a payment short of the price stays as balance; the next one that completes it extends', async () => {
    const subscriber = await pppoeSubscriber('otieno', Date.now() + 5 * DAY);
    const extended = onSubscribers('SubscriptionExtended');
    // Applied in either order, the two make one extension and leave the rest as balance.
    await call('payments.record', { subscriberId: subscriber.id, provider: 'cash', amountMinor: 100_000 }, as('operator'));
    await call('payments.record', { subscriberId: subscriber.id, provider: 'cash', amountMinor: 60_000 }, as('operator'));
    const change = await extended;
    // From the old end while it still runs: 5 days left + 30 days.
    expect(Date.parse(change.validUntil!) - Date.now()).toBeGreaterThan(34 * DAY);
    expect(change.balanceMinor).toBe(10_000);
    // Active all along: nothing to reconnect.
    expect((await call('subscribers.get', { id: subscriber.id })).subscriber.accessChange).toBeNull();
  });

  it('waits for a router that is down during the reconnection and finishes when it is back', async () => {
    const subscriber = await pppoeSubscriber('otieno', Date.now() - 1000);
    await expire(subscriber.id);
    const waiting = onSubscribers('SubscriberUpdated', (s) => s.id === subscriber.id && s.status === 'active' && s.accessChange === 'reconnect' && s.routers[0]?.state === 'pending');
    await sim.stop();
    await call('payments.record', { subscriberId: subscriber.id, provider: 'cash', amountMinor: 150_000 }, as('operator'));
    const pending = await waiting;
    expect(pending.routers[0]!.message).toMatch(/waiting for router 'hq-1'/);
    const reconnected = onSubscribers('SubscriptionReconnected');
    await sim.start();
    await reconnected;
    expect(sim.model.get('/ppp/secret', 'otieno')).toMatchObject({ disabled: 'false' });
  });

  it('gives a change whose job was lost a new one at the next sweep (not one that waits for a router)', async () => {
    const subscriber = await pppoeSubscriber('otieno', Date.now() + 5 * DAY);
    sim.model.set('/ppp/secret', 'otieno', { disabled: 'yes' });
    // A reconnection set ten minutes ago whose job failed for good: nothing else would finish it.
    await core.services.business.run((tx) => tx.subscribers.setAccessChange(subscriber.id, 'reconnect', Date.now() - 10 * 60_000));
    const reconnected = onSubscribers('SubscriptionReconnected', (c) => c.subscriberId === subscriber.id);
    await sweepSubscriptions(core.services);
    await reconnected;
    expect(sim.model.get('/ppp/secret', 'otieno')).toMatchObject({ disabled: 'false' });
  });

  it('renews from the balance at expiry when the plan says so', async () => {
    await call('plans.update', { id: planId, autoRenew: true });
    const subscriber = await pppoeSubscriber('otieno', Date.now() + DAY);
    await call('payments.record', { subscriberId: subscriber.id, provider: 'cash', amountMinor: 300_000 }, as('operator'));
    await onSubscribers('SubscriptionExtended');
    await call('subscribers.update', { id: subscriber.id, validUntil: new Date(Date.now() - 1000).toISOString() });
    const renewed = onSubscribers('SubscriptionExtended', (c) => c.reason === 'renewal');
    expect(await sweepSubscriptions(core.services)).toMatchObject({ expired: 0, renewed: 1 });
    expect(await renewed).toMatchObject({ chargedMinor: 150_000, balanceMinor: 0 });
    expect((await call('subscribers.get', { id: subscriber.id })).subscriber.status).toBe('active');
  });

  it('reminds before expiry once per offset, day reminders at 09:00 in the tenant’s zone', async () => {
    // Ends 2027-01-10 18:00 Nairobi (15:00 UTC); the 3-day reminder is due 2027-01-07 09:00 Nairobi (06:00 UTC).
    const end = Date.UTC(2027, 0, 10, 15, 0);
    const subscriber = await pppoeSubscriber('otieno', end);
    expect((await sweepSubscriptions(core.services, Date.UTC(2027, 0, 7, 5, 59))).reminded).toBe(0);
    expect((await sweepSubscriptions(core.services, Date.UTC(2027, 0, 7, 6, 0))).reminded).toBe(1);
    expect((await sweepSubscriptions(core.services, Date.UTC(2027, 0, 7, 7, 0))).reminded).toBe(0);
    expect((await sweepSubscriptions(core.services, Date.UTC(2027, 0, 10, 14, 0))).reminded).toBe(1); // 1 day and 1 hour both due: the 1-hour one
    expect((await sweepSubscriptions(core.services, Date.UTC(2027, 0, 10, 14, 30))).reminded).toBe(0);
    const history = (await call('subscribers.get', { id: subscriber.id })).history.filter((h) => h.kind === 'reminded');
    expect(history).toHaveLength(2);
    // Tenant settings: the admin's offsets, validated.
    await expect(call('subscriptions.updateSettings', { reminderOffsets: [60] })).rejects.toMatchObject({ error: { code: 'invalid_input' } });
    await expect(call('subscriptions.updateSettings', { reminderOffsets: [86_400] }, as('operator'))).rejects.toMatchObject({ error: { code: 'forbidden' } });
    expect(await call('subscriptions.updateSettings', { reminderOffsets: [3600, 2 * 86_400] })).toEqual({ tenantId: 1, reminderOffsets: [2 * 86_400, 3600] });
  });
});
