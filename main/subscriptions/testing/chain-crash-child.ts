/**
 * Child process of chain-crash.test.ts: a whole console core on one data folder.
 * - `setup <dir> <simPort> <smsUrl> <count>`: a tenant, the simulated router, a PPPoE plan, `count`
 *   expired subscribers (disabled on the router), an SMS gateway for customer messages; exits.
 * - `pay <dir> <n>`: records subscriber n's M-Pesa payment (receipt CRASH<n>, the plan's price) and
 *   lets the chain run until the parent SIGKILLs it at a random moment.
 * - `drain <dir> <count>`: records every payment again (a provider re-sending: duplicates), then
 *   waits, on events, until every chain is complete, and exits 0 (1 at its deadline).
 * Lines on stdout: `started` when the core is up, `paid <n>` after the payment committed.
 */
import { startCore } from '../../core/app-core';
import { invoker } from '../../core/test-invoke';
import { silentLogger } from '../../core/logger';
import { KeyFileSecretBox } from '../../secrets/key-file-box';
import { as } from '../../payments/payment-fixture';
import { sweepSubscriptions } from '../expiry-sweep';
import { join } from 'node:path';

const [mode, dir, ...args] = process.argv.slice(2) as ['setup' | 'pay' | 'drain', string, ...string[]];
const core = await startCore({ dataDir: dir, host: { kind: 'headless', secrets: new KeyFileSecretBox(join(dir, 'secret.key')) }, log: silentLogger });
const { services } = core;
const call = invoker(services, as('tenant_admin'));
const PRICE = 150_000;
const username = (n: number) => `cust${n}`;
console.log('started');

/** Resolves on the next event of these names (subscribed before the state is checked, so none is missed). */
const nextEvent = (names: string[]) =>
  new Promise<void>((resolve) => {
    const removers = names.map((name) => services.bus.on(name as 'SubscriberUpdated', () => (removers.forEach((r) => r()), resolve())));
  });

async function untilTrue(check: () => Promise<boolean>, names: string[], deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const next = nextEvent(names);
    if (await check()) return;
    const timedOut = await Promise.race([next.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), Math.max(0, deadline - Date.now())).unref())]);
    if (timedOut && !(await check())) throw new Error('deadline passed');
  }
}

async function pay(n: number): Promise<void> {
  const subscriber = (await call('subscribers.list', { search: username(n), limit: 5 })).subscribers.find((s) => s.username === username(n))!;
  await call('payments.record', { subscriberId: subscriber.id, provider: 'mpesa', reference: `CRASH${n}`, amountMinor: PRICE }, as('operator'));
  console.log(`paid ${n}`);
}

if (mode === 'setup') {
  const [simPort, smsUrl, count] = [Number(args[0]), args[1]!, Number(args[2])];
  await services.accounts.run((tx) => tx.tenants.insert('Tenant One', null, Date.now()));
  await call('tenants.updateSettings', { name: 'Tenant One', timeZone: 'Africa/Nairobi', locale: 'en-KE', currency: 'KES', logo: null });
  const router = await call('routers.add', { name: 'hq-1', host: '127.0.0.1', port: simPort, tls: 'off', username: 'admin', password: 'sim-pass', site: '', notes: '', encoding: 'utf-8' });
  await untilTrue(async () => services.routerStatus.get(router.id).state === 'online', ['RouterStatusChanged'], 20_000);
  const plan = await call('plans.create', {
    kind: 'pppoe', name: 'Fibre 10M', priceMinor: PRICE, validitySeconds: 30 * 86_400, uptimeLimitSeconds: null, dataLimitBytes: null, rateLimit: null,
    sharedUsers: null, addressPool: null, localAddress: null, expiry: 'disable', expiredProfile: null, routerIds: [router.id],
  });
  for (let n = 1; n <= count; n += 1) {
    await call('subscribers.create', {
      kind: 'pppoe', name: `Customer ${n}`, phone: `07120000${String(n).padStart(2, '0')}`, email: null, username: username(n), password: 'secret-1', planId: plan.id, macLock: null,
      routerIds: [router.id], validUntil: new Date(Date.now() - 60_000).toISOString(),
    });
  }
  const all = async () => (await call('subscribers.list', { limit: 100 })).subscribers;
  await untilTrue(async () => (await all()).every((s) => s.status === 'active'), ['SubscriberUpdated'], 30_000);
  await sweepSubscriptions(services);
  await untilTrue(async () => (await all()).every((s) => s.status === 'expired' && s.accessChange === null), ['SubscriberUpdated'], 30_000);
  const message = (template: string) => ({ enabled: true, template, subject: '', channels: ['sms' as const] });
  await call('notifications.updateSettings', {
    channels: { sms: { preset: 'webhook', url: smsUrl, headers: [], contentType: 'application/json', bodyTemplate: '{"to":"{{phone}}","text":"{{message}}"}', staffRecipients: [] } },
    customerMessages: { 'payment-received': message('Received {{amount}} ({{receipt}}), thank you'), reconnected: message('You are back online until {{validUntil}}') },
  });
} else if (mode === 'pay') {
  await pay(Number(args[0]));
  await new Promise(() => undefined); // the parent kills it
} else {
  const count = Number(args[0]);
  for (let n = 1; n <= count; n += 1) await pay(n);
  const complete = async () => {
    const subscribers = (await call('subscribers.list', { limit: 100 })).subscribers;
    const sent = new Set((await call('notifications.deliveries', { status: 'sent', limit: 2_000 })).deliveries.map((d) => d.key));
    return subscribers.every((s) => s.status === 'active' && s.accessChange === null && [...sent].some((k) => k.startsWith(`reconnected:s${s.id}:`))) && [...sent].filter((k) => k.startsWith('payment-received:')).length === count;
  };
  await untilTrue(complete, ['SubscriberUpdated', 'NotificationDeliveryUpdated'], 60_000).catch(async (error: unknown) => {
    // What was left undone, for the test's log.
    const subscribers = (await call('subscribers.list', { limit: 100 })).subscribers.map((s) => ({ id: s.id, status: s.status, accessChange: s.accessChange, routers: s.routers }));
    const deliveries = (await call('notifications.deliveries', { limit: 2_000 })).deliveries.map((d) => ({ key: d.key, status: d.status, error: d.lastError }));
    const jobs = ['notifications', 'payments', 'subscription-reconnection'].flatMap((queue) => services.jobs.list('all', { queue, limit: 1_000 }));
    const attempts = jobs.filter((j) => j.attempts > 1 || j.status === 'failed').slice(0, 30).map((j) => ({ id: j.id, name: j.name, failed: services.jobs.detail(j.id).failedAttempts }));
    console.error(JSON.stringify({ error: String(error), subscribers, deliveries, jobs, attempts }));
    process.exit(1);
  });
}
await core.close();
process.exit(0);
