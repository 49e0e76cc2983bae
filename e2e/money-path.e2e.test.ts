import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../main/auth/session';
import { dispatchInvoke } from '../main/core/dispatch';
import type { EventPayload } from '../main/contract';
import { waitForEvent } from '../main/events/wait-for-event';
import { signWebhook } from '../main/payments/webhook-signature';
import type { PlanSummary } from '../main/plans/contract';
import { localDateAt } from '../main/reports/report-calendar-contract';
import type { SubscriberSummary } from '../main/subscribers/contract';
import { sweepSubscriptions } from '../main/subscriptions/expiry-sweep';
import { WebhookReceiver } from '../main/webhooks/testing/webhook-receiver';
import { chromiumForBlock } from './fixtures/browser';
import { startLiveConsole, type LiveConsole } from './fixtures/live-console';
import { printOverApi } from './fixtures/router-api';
import { signIn } from './fixtures/sign-in';
import { tenantAccount, type TenantAccount } from './fixtures/tenant-account';

const KES = { locale: 'en-KE', currency: 'KES', timeZone: 'Africa/Nairobi' };
const kes = (minor: number) => new Intl.NumberFormat(KES.locale, { style: 'currency', currency: 'KES' }).format(minor / 100);
const PRICE = 150_000;

/**
 * Issue 12's "done when", in Chromium against the headless host and a simulated router: a signed
 * M-Pesa confirmation for an expired PPPoE subscriber enables its secret again (read over the
 * router's own API), the subscriber page shows it active with its new end, the staff console shows
 * the notice, the customer's SMS reaches a local gateway, Reports counts the money; the same
 * confirmation sent again changes nothing.
 */
describe('the money path end to end', () => {
  const browser = chromiumForBlock();
  let live: LiveConsole;
  let contexts: BrowserContext[];
  let admin: TenantAccount;
  /** The SMS gateway the tenant's customer messages go to. */
  let gateway: WebhookReceiver;
  const sms = () => gateway.received.map((r) => JSON.parse(r.body) as { to: string; text: string });

  const invoke = async <T>(session: Session, name: Parameters<typeof dispatchInvoke>[2], input: unknown): Promise<T> => {
    const result = await dispatchInvoke(live.services, session, name, input as never);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.data as T;
  };
  const onSubscribers = <E extends 'SubscriptionReconnected' | 'SubscriberUpdated'>(name: E, match: (p: EventPayload<E>) => boolean) =>
    waitForEvent(live.services.bus, `tenant.${live.a.id}.subscribers`, (e) => e.name === name && match(e.payload as EventPayload<E>), 30_000).then((e) => e.payload as EventPayload<E>);

  beforeEach(async () => {
    gateway = await WebhookReceiver.start();
    live = await startLiveConsole();
    contexts = [];
    admin = await tenantAccount(live, 'tenant_admin', 'alpha-boss');
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await live.dispose();
    await gateway.close();
  });

  /** Tenant A in KES: a PPPoE plan on its router, subscriber "otieno" expired (disabled there), SMS to the local gateway. */
  async function seed(): Promise<SubscriberSummary> {
    await invoke(admin.session, 'tenants.updateSettings', { name: 'Alpha Net', logo: null, ...KES });
    const applied = waitForEvent(live.services.bus, `tenant.${live.a.id}.plans`, (e) => (e.payload as PlanSummary).routers.some((r) => r.state === 'applied'), 30_000);
    const plan = await invoke<PlanSummary>(admin.session, 'plans.create', {
      kind: 'pppoe', name: 'Fibre 10M', priceMinor: PRICE, validitySeconds: 30 * 86_400, uptimeLimitSeconds: null, dataLimitBytes: null,
      rateLimit: { uploadBps: 5_000_000, downloadBps: 10_000_000 }, sharedUsers: null, addressPool: null, localAddress: null, expiry: 'disable', expiredProfile: null, routerIds: [live.a.router.id],
    });
    await applied;
    const active = onSubscribers('SubscriberUpdated', (s) => s.username === 'otieno' && s.status === 'active');
    const subscriber = await invoke<SubscriberSummary>(admin.session, 'subscribers.create', {
      kind: 'pppoe', name: 'Otieno Ouma', phone: '0712345678', email: null, username: 'otieno', password: 'otieno-pw-1', planId: plan.id, macLock: null,
      routerIds: [live.a.router.id], validUntil: new Date(Date.now() - 60_000).toISOString(),
    });
    await active;
    const expired = onSubscribers('SubscriberUpdated', (s) => s.id === subscriber.id && s.status === 'expired' && s.accessChange === null);
    await sweepSubscriptions(live.services);
    await expired;
    const message = (template: string) => ({ enabled: true, template, subject: '', channels: ['sms'] });
    await invoke(admin.session, 'notifications.updateSettings', {
      channels: { sms: { preset: 'webhook', url: gateway.url, headers: [], contentType: 'application/json', bodyTemplate: '{"to":"{{phone}}","text":"{{message}}"}', staffRecipients: [] } },
      customerMessages: { 'payment-received': message('Received {{amount}} ({{receipt}}). Thank you, {{name}}.'), reconnected: message('You are back online until {{validUntil}}.') },
    });
    return subscriber;
  }

  /** Posts a signed M-Pesa C2B confirmation to the console's webhook, as Safaricom's relay would. */
  async function confirm(secret: string, receipt: string): Promise<{ status: number; body: unknown }> {
    const body = JSON.stringify({ TransactionType: 'Pay Bill', TransID: receipt, TransTime: `${localDateAt(Date.now(), KES.timeZone).replaceAll('-', '')}000500`, TransAmount: '1500.00', BusinessShortCode: '600638', BillRefNumber: 'otieno', MSISDN: '254712345678', FirstName: 'Otieno' });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${live.url}/hooks/payments/${live.a.id}/mpesa`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-noc-timestamp': timestamp, 'x-noc-signature': signWebhook(secret, timestamp, body) },
      body,
    });
    return { status: response.status, body: await response.json() };
  }

  const open = async (hash: string): Promise<Page> => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${live.url}/#/${hash}`);
    await signIn(page, admin.username, admin.password);
    return page;
  };

  it('a signed M-Pesa confirmation reconnects an expired PPPoE subscriber, tells staff and customer, and counts in Reports; a resend changes nothing', async () => {
    const subscriber = await seed();
    expect((await printOverApi(live.a.sim, '/ppp/secret')).find((s) => s.name === 'otieno')).toMatchObject({ disabled: 'true' });
    const { secret } = await invoke<{ secret: string }>(admin.session, 'payments.rotateWebhookSecret', {});

    const page = await open(`subscribers?subscriber=${subscriber.id}`);
    await page.locator('[data-testid="subscriber-detail-status"]', { hasText: 'Expired' }).waitFor();
    const unreadBefore = Number((await page.getByTestId('notifications-unread').textContent({ timeout: 1000 }).catch(() => '0')) || '0');

    const reconnected = onSubscribers('SubscriptionReconnected', (c) => c.subscriberId === subscriber.id);
    expect(await confirm(secret, 'QLM1E2E0A1')).toEqual({ status: 200, body: { ok: true, paymentId: 1, duplicate: false } });
    const change = await reconnected;

    // The router itself has the secret enabled on the plan's profile again.
    expect((await printOverApi(live.a.sim, '/ppp/secret')).find((s) => s.name === 'otieno')).toMatchObject({ disabled: 'false', profile: 'Fibre 10M' });
    // The subscriber page shows it active with the new end, live.
    await page.locator('[data-testid="subscriber-detail-status"]', { hasText: 'Active' }).waitFor();
    expect(Date.parse(change.validUntil!)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    // Staff: the notice in the centre.
    await page.locator('[data-testid="notifications-unread"]', { hasText: String(unreadBefore + 1) }).waitFor();
    await page.getByTestId('notifications-bell').click();
    await page.locator('.notification-title', { hasText: 'otieno is connected again' }).waitFor();
    // The customer: one SMS for the payment and one for the reconnection, at the local gateway.
    const delivered = () => invoke<{ deliveries: Array<{ message: string; status: string }> }>(admin.session, 'notifications.deliveries', { status: 'sent' });
    await gateway.nth(2);
    expect((await delivered()).deliveries.map((d) => d.message).sort()).toEqual(['payment-received', 'reconnected']);
    expect(sms().map((m) => [m.to, m.text]).sort()).toEqual([
      ['0712345678', expect.stringMatching(/^Received KES\s1,500\.00 \(QLM1E2E0A1\)\. Thank you, Otieno Ouma\.$/)],
      ['0712345678', expect.stringMatching(/^You are back online until .+\d{4}/)],
    ]);

    // Reports: today's revenue (the tenant's day) includes it.
    await page.goto(`${live.url}/#/reports`);
    await page.getByTestId('report-preset').selectOption('today');
    const today = localDateAt(Date.now(), KES.timeZone);
    await page.locator(`[data-testid="revenue-KES-total-${today}"]`, { hasText: kes(PRICE) }).waitFor();

    // Sent again (the provider retrying): answered 200 as a duplicate, and nothing changes.
    const ledgerBefore = await invoke<{ entries: unknown[]; balanceMinor: number }>(admin.session, 'payments.ledger', { subscriberId: subscriber.id });
    expect(await confirm(secret, 'QLM1E2E0A1')).toEqual({ status: 200, body: { ok: true, paymentId: 1, duplicate: true } });
    expect(await invoke(admin.session, 'payments.ledger', { subscriberId: subscriber.id })).toEqual(ledgerBefore);
    expect(ledgerBefore.entries).toHaveLength(2); // the payment and the plan's charge
    expect((await invoke<{ payments: unknown[] }>(admin.session, 'payments.list', {})).payments).toHaveLength(1);
    expect((await invoke<{ subscriber: SubscriberSummary }>(admin.session, 'subscribers.get', { id: subscriber.id })).subscriber.validUntil).toBe(change.validUntil);
    expect(gateway.received).toHaveLength(2);
  });
});
