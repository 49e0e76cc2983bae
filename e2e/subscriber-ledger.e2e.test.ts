import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoker } from '../main/core/test-invoke';
import { waitForEvent } from '../main/events/wait-for-event';
import type { PlanSummary } from '../main/plans/contract';
import type { SubscriberSummary } from '../main/subscribers/contract';
import { sweepSubscriptions } from '../main/subscriptions/expiry-sweep';
import { seriousViolations } from './fixtures/axe';
import { chromiumForBlock } from './fixtures/browser';
import { findClipped } from './fixtures/layout-check';
import { startLiveConsole, type LiveConsole } from './fixtures/live-console';
import { signIn } from './fixtures/sign-in';
import { tenantAccount, type TenantAccount } from './fixtures/tenant-account';

const LAPTOP = { width: 1280, height: 720 };
/** The tenant sells in Kenyan shillings: the balance must show in its currency, not the browser's. */
const KES = { locale: 'en-KE', currency: 'KES', timeZone: 'Africa/Nairobi' };
const kes = (minor: number) => new Intl.NumberFormat(KES.locale, { style: 'currency', currency: KES.currency }).format(minor / 100);
/** Dearer than any payment here: nothing extends the subscription, so no plan charge joins the ledger. */
const PLAN_PRICE = 150_000;

/** The Account panel of the subscriber page (issue 12) in Chromium against the headless host. */
describe('subscriber ledger in Chromium', () => {
  const browser = chromiumForBlock();
  let live: LiveConsole;
  let contexts: BrowserContext[];
  let admin: TenantAccount;
  let viewer: TenantAccount;
  let subscriberId: number;

  /** Tenant A in KES with a hotspot plan on its router and the subscriber "jane", through the real invokes. */
  const seedTenant = async () => {
    const call = invoker(live.services, admin.session);
    const settings = await call('tenants.settings', {});
    await call('tenants.updateSettings', { name: settings.name, logo: settings.logo, ...KES });
    const applied = waitForEvent(live.services.bus, `tenant.${live.a.id}.plans`, (e) => (e.payload as PlanSummary).routers.some((r) => r.state === 'applied'), 30_000);
    const plan = await call('plans.create', {
      kind: 'hotspot', name: '30 Days', priceMinor: PLAN_PRICE, validitySeconds: 30 * 86_400, uptimeLimitSeconds: null, dataLimitBytes: null,
      rateLimit: null, sharedUsers: 1, addressPool: null, localAddress: null, expiry: 'disable', expiredProfile: null, routerIds: [live.a.router.id],
    });
    await applied;
    // Active once the router has her: only an active subscription expires.
    const active = waitForEvent(live.services.bus, `tenant.${live.a.id}.subscribers`, (e) => (e.payload as SubscriberSummary).username === 'jane' && (e.payload as SubscriberSummary).status === 'active', 30_000);
    const jane = await call('subscribers.create', { kind: 'hotspot', name: 'Jane Doe', phone: null, email: null, username: 'jane', password: 'jane-pw-1', planId: plan.id, macLock: null, routerIds: [live.a.router.id] });
    subscriberId = jane.id;
    await active;
  };

  beforeEach(async () => {
    live = await startLiveConsole();
    contexts = [];
    admin = await tenantAccount(live, 'tenant_admin', 'alpha-boss');
    viewer = await tenantAccount(live, 'viewer', 'alpha-eyes');
    await seedTenant();
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await live.dispose();
  });

  const open = async (account: TenantAccount): Promise<Page> => {
    // A browser far from the tenant: dates must still show on Nairobi's clock.
    const context = await browser().newContext({ viewport: LAPTOP, timezoneId: 'America/Los_Angeles' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${live.url}/#/subscribers?subscriber=${subscriberId}`);
    await signIn(page, account.username, account.password);
    await page.getByTestId('subscriber-ledger').waitFor();
    return page;
  };
  const balance = (page: Page) => page.getByTestId('subscriber-balance');
  const row = (page: Page, kind: string) => page.locator(`[data-testid^="ledger-row-"][data-kind="${kind}"]`);

  it('shows a payment arrive live, and lets an admin adjust the balance through the dialog', async () => {
    const page = await open(admin);
    await page.getByTestId('subscriber-ledger-empty').waitFor();
    expect(await balance(page).textContent()).toBe(kes(0));

    // A cash payment taken elsewhere (another desk): the open page follows by its event, no reload.
    const cash = await invoker(live.services, admin.session)('payments.record', { subscriberId, provider: 'cash', reference: 'CASH-LEDGER-1', amountMinor: 20_000 });
    await row(page, 'payment').waitFor();
    await page.locator(`[data-testid="subscriber-balance"][data-minor="20000"]`).waitFor();
    expect(await balance(page).textContent()).toBe(kes(20_000));
    const paymentRow = row(page, 'payment');
    expect(await paymentRow.locator('[data-testid^="ledger-amount-"]').textContent()).toBe(`+${kes(20_000)}`);
    expect(await paymentRow.locator('[data-testid^="ledger-receipt-"]').textContent()).toBe(cash.reference);
    // The entry's own time (when it entered the ledger), on the tenant's clock: Nairobi, whatever the browser's zone.
    const [entry] = (await invoker(live.services, admin.session)('payments.ledger', { subscriberId })).entries;
    expect(await paymentRow.locator('time').getAttribute('datetime')).toBe(entry!.at);
    expect(await paymentRow.locator('time').textContent()).toBe(new Intl.DateTimeFormat(KES.locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: KES.timeZone }).format(Date.parse(entry!.at)));
    expect(await findClipped(page)).toEqual([]);

    await page.getByTestId('subscriber-adjust').click();
    await page.getByTestId('adjust-form').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('adjust-field-amount');
    // Both problems at once, before anything is sent.
    await page.getByTestId('adjust-form-review').click();
    await page.getByTestId('adjust-field-amount-error').waitFor();
    await page.getByTestId('adjust-field-note-error').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('adjust-direction-debit').check();
    await page.getByTestId('adjust-field-amount').fill('50');
    await page.getByTestId('adjust-field-note').fill('counted twice at the till');
    await page.getByTestId('adjust-form-review').click();
    await page.getByTestId('adjust-confirm').waitFor();
    expect(await page.getByTestId('adjust-confirm').textContent()).toContain(`Take ${kes(5_000)} from the balance of jane`);
    expect(await page.getByTestId('adjust-confirm-amount').getAttribute('data-minor')).toBe('-5000');
    expect(await page.getByTestId('adjust-confirm-balance').textContent()).toBe(kes(15_000));
    // The second look starts on Back: a stray Enter writes nothing.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('adjust-form-back');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('adjust-form-submit').click();
    await page.getByTestId('adjust-form').waitFor({ state: 'detached' });
    await page.locator('[data-testid="toast"]', { hasText: 'balance of jane adjusted' }).waitFor();

    const adjustment = row(page, 'adjustment');
    await adjustment.waitFor();
    expect(await adjustment.locator('[data-testid^="ledger-amount-"]').textContent()).toBe(kes(-5_000));
    expect(await adjustment.locator('.ledger-note').textContent()).toBe('counted twice at the till');
    await page.locator(`[data-testid="subscriber-balance"][data-minor="15000"]`).waitFor();
    // Focus goes back to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('subscriber-adjust');
    const stored = await invoker(live.services, admin.session)('payments.ledger', { subscriberId });
    expect(stored.entries.map((e) => [e.kind, e.amountMinor, e.by])).toEqual([['payment', 20_000, 'alpha-boss'], ['adjustment', -5_000, 'alpha-boss']]);
    expect(stored.balanceMinor).toBe(15_000);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await findClipped(page)).toEqual([]);
  });

  it('shows the reconnection after a payment waiting for a router that is down, the plan charged, and clears when the router is back', async () => {
    const call = invoker(live.services, admin.session);
    const onSubscriber = (match: (s: SubscriberSummary) => boolean) =>
      waitForEvent(live.services.bus, `tenant.${live.a.id}.subscribers`, (e) => e.name === 'SubscriberUpdated' && (e.payload as SubscriberSummary).id === subscriberId && match(e.payload as SubscriberSummary), 30_000);
    // Jane's time ran out: the sweep expires her on the router.
    const expired = onSubscriber((s) => s.status === 'expired' && s.accessChange === null);
    await call('subscribers.update', { id: subscriberId, validUntil: new Date(Date.now() - 1000).toISOString() });
    await sweepSubscriptions(live.services);
    await expired;
    const page = await open(admin);
    await page.locator('[data-testid="subscriber-detail-status"]', { hasText: 'Expired' }).waitFor();
    expect(await page.getByTestId('subscriber-access-change').count()).toBe(0);

    await live.a.sim.stop();
    await call('payments.record', { subscriberId, provider: 'cash', reference: 'CASH-LEDGER-3', amountMinor: PLAN_PRICE });
    const banner = page.getByTestId('subscriber-access-change');
    await banner.waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="subscriber-access-change"]', { hasText: `Reconnecting after payment — waiting for router ${live.a.router.name}` }).waitFor({ timeout: 30_000 });
    // The payment and the plan it bought, live; the balance is spent.
    await row(page, 'charge').waitFor();
    expect(await row(page, 'charge').locator('[data-testid^="ledger-amount-"]').textContent()).toBe(kes(-PLAN_PRICE));
    expect(await row(page, 'payment').locator('[data-testid^="ledger-receipt-"]').textContent()).toBe('CASH-LEDGER-3');
    await page.locator(`[data-testid="subscriber-balance"][data-minor="0"]`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await live.a.sim.start();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.getByTestId('subscriber-detail-status').textContent()).toBe('Active');
    expect((await call('payments.ledger', { subscriberId })).entries.map((e) => [e.kind, e.amountMinor])).toEqual([['payment', PLAN_PRICE], ['charge', -PLAN_PRICE]]);
  });

  it('shows a viewer the account without an Adjust button', async () => {
    await invoker(live.services, admin.session)('payments.record', { subscriberId, provider: 'cash', reference: 'CASH-LEDGER-2', amountMinor: 7_500 });
    const page = await open(viewer);
    await row(page, 'payment').waitFor();
    expect(await balance(page).textContent()).toBe(kes(7_500));
    expect(await page.getByTestId('subscriber-adjust').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
