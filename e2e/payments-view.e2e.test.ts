import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../main/auth/session';
import { dispatchInvoke } from '../main/core/dispatch';
import { waitForEvent } from '../main/events/wait-for-event';
import type { PaymentSummary } from '../main/payments/contract';
import type { PlanSummary } from '../main/plans/contract';
import type { TenantSettings } from '../main/tenants/tenant-settings-contract';
import { seriousViolations } from './fixtures/axe';
import { chromiumForBlock } from './fixtures/browser';
import { findClipped } from './fixtures/layout-check';
import { startLiveConsole, type LiveConsole } from './fixtures/live-console';
import { signIn } from './fixtures/sign-in';
import { tenantAccount, type TenantAccount } from './fixtures/tenant-account';

const LAPTOP = { width: 1280, height: 720 };
const DESKTOP = { width: 1440, height: 900 };
/** The tenant sells in Kenyan shillings: amounts must show in its currency, not the browser's. */
const KES = { locale: 'en-KE', currency: 'KES', timeZone: 'Africa/Nairobi' };
const kes = (minor: number) => new Intl.NumberFormat(KES.locale, { style: 'currency', currency: KES.currency }).format(minor / 100);

const HEADER = 'Receipt No.,Completion Time,Details,Paid In,Phone,TenantAccount';
const statement = (...rows: string[]) => [HEADER, ...rows].join('\n');

/** The Payments view (issue 12) in Chromium against the headless host: seeded through the real invokes. */
describe('payments view in Chromium', () => {
  const browser = chromiumForBlock();
  let live: LiveConsole;
  let contexts: BrowserContext[];
  let admin: TenantAccount;
  let operator: TenantAccount;

  const addAccount = (role: Role, username: string) => tenantAccount(live, role, username);

  const invoke = async <T>(account: TenantAccount, name: Parameters<typeof dispatchInvoke>[2], input: unknown): Promise<T> => {
    const result = await dispatchInvoke(live.services, account.session, name, input as never);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.data as T;
  };

  /** Tenant A in KES with a hotspot plan on its router and the subscriber "jane". */
  const seedTenant = async () => {
    const settings = await invoke<TenantSettings>(admin, 'tenants.settings', {});
    await invoke(admin, 'tenants.updateSettings', { name: settings.name, logo: settings.logo, ...KES });
    const applied = waitForEvent(live.services.bus, `tenant.${live.a.id}.plans`, (e) => (e.payload as PlanSummary).routers.some((r) => r.state === 'applied'), 30_000);
    const plan = await invoke<PlanSummary>(admin, 'plans.create', {
      kind: 'hotspot', name: '1 Day', priceMinor: 5000, validitySeconds: 86_400, uptimeLimitSeconds: null, dataLimitBytes: null,
      rateLimit: { uploadBps: 1_000_000, downloadBps: 2_000_000 }, sharedUsers: 1, addressPool: null, localAddress: null,
      expiry: 'disable', expiredProfile: null, routerIds: [live.a.router.id],
    });
    await applied;
    await invoke(admin, 'subscribers.create', { kind: 'hotspot', name: 'Jane Doe', phone: null, email: null, username: 'jane', password: 'jane-pw-1', planId: plan.id, macLock: null, routerIds: [live.a.router.id] });
  };

  beforeEach(async () => {
    live = await startLiveConsole();
    contexts = [];
    admin = await addAccount('tenant_admin', 'alpha-boss');
    operator = await addAccount('operator', 'alpha-tech');
    await seedTenant();
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await live.dispose();
  });

  const open = async (account: TenantAccount, viewport = DESKTOP): Promise<Page> => {
    const context = await browser().newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${live.url}/#/payments`);
    await signIn(page, account.username, account.password);
    return page;
  };
  const toast = (page: Page, text: string | RegExp) => page.locator('[data-testid="toast"]', { hasText: text });
  const payments = () => invoke<{ payments: PaymentSummary[] }>(admin, 'payments.list', {}).then((r) => r.payments);

  it('lets an operator record a cash payment for a subscriber and shows it in the list in the tenant’s currency', async () => {
    const page = await open(operator, LAPTOP);
    await page.getByTestId('payments-empty').waitFor();
    expect(await findClipped(page)).toEqual([]);

    await page.getByTestId('payments-record').click();
    await page.getByTestId('record-form').waitFor();
    await page.getByTestId('record-form-submit').click();
    // Subscriber and amount are both reported at once, before anything is sent.
    await page.getByTestId('record-field-subscriber-error').waitFor();
    await page.getByTestId('record-field-amount-error').waitFor();

    await page.getByTestId('record-field-subscriber').fill('jane');
    await page.locator('[data-testid="record-field-subscriber-pick"] option', { hasText: 'Jane Doe' }).waitFor({ state: 'attached' });
    await page.getByTestId('record-field-subscriber-pick').selectOption({ label: 'jane — Jane Doe' });
    await page.getByTestId('record-field-amount').fill('150');
    await page.getByTestId('record-field-method').selectOption('cash');
    await page.getByTestId('record-field-receipt').fill('CASH-0001');
    expect(await findClipped(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('record-form-submit').click();
    await page.getByTestId('record-form').waitFor({ state: 'detached' });
    await toast(page, 'payment CASH-0001 recorded for jane').waitFor();

    const row = page.locator('[data-testid^="payments-row-"][data-reference="CASH-0001"]');
    await row.waitFor();
    expect(await row.locator('[data-testid^="payments-amount-"]').textContent()).toBe(kes(15_000));
    expect(await row.locator('[data-testid^="payments-subscriber-"]').textContent()).toBe('jane');
    expect(await row.getAttribute('data-state')).toBe('matched');
    const [stored] = await payments();
    expect(stored).toMatchObject({ reference: 'CASH-0001', amountMinor: 15_000, currency: 'KES', provider: 'cash', subscriberUsername: 'jane' });
    expect(await findClipped(page)).toEqual([]);
  });

  it('imports nothing from a statement with a malformed row and names it, imports the fixed file, and lets staff assign its unknown account', async () => {
    const page = await open(operator, LAPTOP);
    await page.getByTestId('unmatched-empty').waitFor();
    await page.getByTestId('payments-import').click();
    await page.getByTestId('import-form').waitFor();

    const good = ['QK1001,2026-01-15 14:23:05,Pay Bill,"1,200.00",254712345678,jane', 'QK1002,2026-01-15 15:00,Pay Bill,300,254733000111,nobody'];
    await page.getByTestId('import-field-csv').fill(statement(...good, 'QK1003,yesterday,Pay Bill,50,,jane'));
    // The first import of the tenant maps the columns; the mapping is saved with it.
    const mapping = { receipt: 'Receipt No.', time: 'Completion Time', amount: 'Paid In', phone: 'Phone', account: 'TenantAccount' };
    for (const [field, column] of Object.entries(mapping)) await page.getByTestId(`import-map-${field}`).selectOption(column);
    await page.getByTestId('import-preview-run').click();
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-row-4').getAttribute('data-state')).toBe('invalid');
    expect(await page.getByTestId('import-row-4-message').textContent()).toMatch(/yesterday/);
    expect(await page.getByTestId('import-row-2').getAttribute('data-state')).toBe('new');
    expect(await findClipped(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('import-submit').click();
    expect(await page.getByTestId('import-form-error').textContent()).toMatch(/line 4.*nothing was imported/);
    expect(await payments()).toEqual([]);

    await page.getByTestId('import-field-csv').fill(statement(...good, 'QK1003,2026-01-15 16:00,Pay Bill,50,,jane'));
    await page.getByTestId('import-preview-run').click();
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-counts').textContent()).toMatch(/^3 new, 0 already recorded, 0 invalid/);
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-form').waitFor({ state: 'detached' });
    await toast(page, 'statement imported: 3 payments').waitFor();
    expect((await payments()).map((p) => p.reference).sort()).toEqual(['QK1001', 'QK1002', 'QK1003']);

    // The payment for the unknown account waits under Unmatched; staff assign it to jane.
    const waiting = page.locator('[data-testid^="unmatched-row-"][data-reference="QK1002"]');
    await waiting.waitFor();
    expect(await waiting.locator('[data-testid^="unmatched-amount-"]').textContent()).toBe(kes(30_000));
    const id = Number((await waiting.getAttribute('data-testid'))!.replace('unmatched-row-', ''));
    await page.getByTestId(`payment-assign-${id}`).click();
    await page.getByTestId('assign-form').waitFor();
    await page.getByTestId('assign-field-subscriber').fill('jane');
    await page.locator('[data-testid="assign-field-subscriber-pick"] option', { hasText: 'Jane Doe' }).waitFor({ state: 'attached' });
    await page.getByTestId('assign-field-subscriber-pick').selectOption({ label: 'jane — Jane Doe' });
    await page.getByTestId('assign-form-submit').click();
    await page.getByTestId('assign-form').waitFor({ state: 'detached' });
    await toast(page, 'payment QK1002 assigned to jane').waitFor();
    await page.getByTestId('unmatched-empty').waitFor();
    await page.locator(`[data-testid="payments-row-${id}"][data-state="matched"]`).waitFor();
    expect(await page.getByTestId(`payments-subscriber-${id}`).textContent()).toBe('jane');

    // The next statement needs no mapping: the saved one comes back with the dry run.
    await page.getByTestId('payments-import').click();
    await page.getByTestId('import-field-csv').fill(statement('QK1004,2026-01-16 09:00,Pay Bill,100,,jane'));
    await page.getByTestId('import-preview-run').click();
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-map-receipt').inputValue()).toBe('Receipt No.');
    expect(await page.getByTestId('import-map-account').inputValue()).toBe('TenantAccount');
    await page.setViewportSize(DESKTOP);
    expect(await findClipped(page)).toEqual([]);
  });

  it('lets a tenant admin reverse a payment with a reason', async () => {
    const recorded = await invoke<PaymentSummary>(operator, 'payments.record', { subscriberId: (await invoke<{ subscribers: { id: number }[] }>(admin, 'subscribers.list', { search: 'jane' })).subscribers[0]!.id, provider: 'cash', reference: 'CASH-9', amountMinor: 5000 });
    const page = await open(admin, DESKTOP);
    await page.getByTestId(`payment-reverse-${recorded.id}`).click();
    await page.getByTestId('reverse-confirm').waitFor();
    await page.getByTestId('reverse-confirm-confirm').click();
    await page.getByTestId('reverse-reason-error').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('reverse-reason').fill('counted twice');
    await page.getByTestId('reverse-confirm-confirm').click();
    await page.getByTestId('reverse-confirm').waitFor({ state: 'detached' });
    await page.locator(`[data-testid="payments-row-${recorded.id}"][data-state="reversed"]`).waitFor();
  });
});
