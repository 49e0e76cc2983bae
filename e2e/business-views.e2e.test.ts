import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../main/auth/session';
import { dispatchInvoke } from '../main/core/dispatch';
import { waitForEvent } from '../main/events/wait-for-event';
import type { PlanSummary } from '../main/plans/contract';
import type { VoucherBatchSummary } from '../main/vouchers/contract';
import { readPdfText } from '../workers/voucher-sheet/read-pdf-text';
import { chromiumForBlock } from './fixtures/browser';
import { findClipped } from './fixtures/layout-check';
import { startLiveConsole, type LiveConsole } from './fixtures/live-console';
import { signIn } from './fixtures/sign-in';
import { tenantAccount, type TenantAccount } from './fixtures/tenant-account';

const LAPTOP = { width: 1280, height: 720 };
const DESKTOP = { width: 1440, height: 900 };
const PHONE = '0712345678';

/** A RouterOS rate as written in `rate-limit` ("1M", "512k", "1000000") in bits per second. */
const bitsPerSecond = (text: string) => Number(text.replace(/[kMG]$/, '')) * ({ k: 1e3, M: 1e6, G: 1e9 }[text.slice(-1)] ?? 1);

/**
 * Plans, Subscribers and Vouchers (issue 11) in Chromium against the headless host and a
 * simulated router: what the views show is checked against the router's own menus too.
 */
describe('plans, subscribers and vouchers in Chromium, against simulated routers', () => {
  const browser = chromiumForBlock();
  let live: LiveConsole;
  let contexts: BrowserContext[];
  let accounts: Record<'admin' | 'operator' | 'viewer', TenantAccount>;

  const addAccount = (role: Role, username: string) => tenantAccount(live, role, username);

  beforeEach(async () => {
    live = await startLiveConsole();
    contexts = [];
    accounts = { admin: await addAccount('tenant_admin', 'alpha-boss'), operator: await addAccount('operator', 'alpha-tech'), viewer: await addAccount('viewer', 'alpha-desk') };
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await live.dispose();
  });

  const open = async (account: TenantAccount, view: string, viewport = DESKTOP): Promise<Page> => {
    const context = await browser().newContext({ viewport, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${live.url}/#/${view}`);
    await signIn(page, account.username, account.password);
    return page;
  };
  const toast = (page: Page, text: string | RegExp) => page.locator('[data-testid="toast"]', { hasText: text });
  const routerRows = (path: string) => live.a.sim.model.print(path);

  /** A hotspot plan on tenant A's router, created through `plans.create`, once the router has its profile. */
  const seedPlan = async (name: string): Promise<PlanSummary> => {
    const applied = waitForEvent(live.services.bus, `tenant.${live.a.id}.plans`, (e) => {
      const plan = e.payload as PlanSummary;
      return plan.name === name && plan.routers.some((r) => r.state === 'applied');
    }, 30_000);
    const created = await dispatchInvoke(live.services, accounts.admin.session, 'plans.create', {
      kind: 'hotspot', name, priceMinor: 5000, validitySeconds: 86_400, uptimeLimitSeconds: null, dataLimitBytes: null,
      rateLimit: { uploadBps: 1_000_000, downloadBps: 2_000_000 }, sharedUsers: 1, addressPool: null, localAddress: null,
      expiry: 'disable', expiredProfile: null, routerIds: [live.a.router.id],
    });
    if (!created.ok) throw new Error(created.error.message);
    await applied;
    return created.data as PlanSummary;
  };

  it('lets a tenant admin create a hotspot plan, every field’s error at once, shows it reach applied on the router, and adopts the profile as changed on the router', async () => {
    const page = await open(accounts.admin, 'plans', LAPTOP);
    await page.getByTestId('plans-empty').waitFor();
    await page.getByTestId('plans-add').click();
    const form = page.getByTestId('plan-form');
    await form.waitFor();
    await page.getByTestId('plan-field-price').fill('12.345');
    await page.getByTestId('plan-field-validity').fill('30');
    await page.getByTestId('plan-form-submit').click();
    // Name, price and validity are all reported in one go.
    for (const field of ['name', 'price', 'validity']) await page.getByTestId(`plan-field-${field}-error`).waitFor();
    expect(await page.getByTestId('plan-field-price-error').textContent()).toMatch(/decimals/);

    await page.getByTestId('plan-field-name').fill('1 Day');
    await page.getByTestId('plan-field-price').fill('50');
    await page.getByTestId('plan-field-validity').fill('1d');
    await page.getByTestId('plan-field-uploadRate').fill('1M');
    await page.getByTestId('plan-field-downloadRate').fill('2M');
    expect(await page.getByTestId(`plan-field-routers-${live.a.router.id}`).isChecked()).toBe(true);
    await page.getByTestId('plan-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await toast(page, 'plan 1 Day created').waitFor();

    const row = page.locator('[data-testid^="plan-row-"]', { hasText: '1 Day' });
    await row.waitFor();
    const planId = Number((await row.getAttribute('data-testid'))!.replace('plan-row-', ''));
    await page.locator(`[data-testid="plan-state-${planId}-${live.a.router.id}"][data-state="applied"]`).waitFor({ timeout: 30_000 });
    // The router's own menu has the profile with the plan's rate: RouterOS's rx/tx is the customer's upload/download.
    const profile = routerRows('/ip/hotspot/user/profile').find((p) => p.name === '1 Day');
    expect(profile).toBeDefined();
    expect(profile!['rate-limit']!.split(' ')[0]!.split('/').map(bitsPerSecond)).toEqual([1_000_000, 2_000_000]);
    expect(profile!['shared-users']).toBe('1');

    await page.getByTestId(`plan-details-${planId}`).click();
    await page.getByTestId(`plan-detail-${planId}`).waitFor();
    expect(await findClipped(page)).toEqual([]);

    // Someone doubles the download on the router by hand: a check shows the drift, field by field; the admin adopts the router's.
    const key = `${planId}-${live.a.router.id}`;
    live.a.sim.model.set('/ip/hotspot/user/profile', '1 Day', { 'rate-limit': '1M/4M' });
    await page.getByTestId(`plan-check-${planId}`).click();
    await page.locator(`[data-testid="plan-state-${key}"][data-state="drift"]`).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId(`plan-drift-${key}`).textContent()).toContain('rate-limit');
    expect(await findClipped(page)).toEqual([]);
    await page.getByTestId(`plan-adopt-${key}`).click();
    await toast(page, `plan 1 Day adopted from ${live.a.sim.name}`).waitFor();
    await page.locator(`[data-testid="plan-state-${key}"][data-state="applied"]`).waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('4.00 Mbps');
  });

  it('lets an operator create a subscriber, shows the viewer a masked phone, and lights its dot while it has a session on its router', async () => {
    const plan = await seedPlan('1 Day');
    const page = await open(accounts.operator, 'subscribers', LAPTOP);
    await page.getByTestId('subscribers-add').click();
    await page.getByTestId('subscriber-form').waitFor();
    await page.getByTestId('subscriber-field-name').fill('Jane Wanjiku');
    await page.getByTestId('subscriber-field-phone').fill(PHONE);
    await page.getByTestId('subscriber-field-username').fill('jane.w');
    await page.getByTestId('subscriber-password-generate').click();
    const password = await page.getByTestId('subscriber-field-password').inputValue();
    expect(password).toHaveLength(10);
    await page.getByTestId('subscriber-field-planId').selectOption(String(plan.id));
    // The routers follow the plan's.
    expect(await page.getByTestId(`subscriber-field-routers-${live.a.router.id}`).isChecked()).toBe(true);
    await page.getByTestId('subscriber-form-submit').click();
    await page.getByTestId('subscriber-form').waitFor({ state: 'detached' });
    await toast(page, 'subscriber jane.w created').waitFor();

    const row = page.locator('[data-testid^="subscriber-row-"]', { hasText: 'Jane Wanjiku' });
    await row.waitFor();
    const id = Number((await row.getAttribute('data-testid'))!.replace('subscriber-row-', ''));
    expect(await findClipped(page)).toEqual([]);

    // The list searches on the server, by the full phone too (the rows carry it masked), kept in the URL.
    const search = async (text: string) => {
      await page.getByTestId('subscribers-search').fill(text);
      await page.getByTestId('subscribers-searching').waitFor({ state: 'detached' });
    };
    await search('0712345');
    expect(await page.evaluate(() => location.hash)).toContain('q=0712345');
    expect(await page.locator('[data-testid^="subscriber-row-"]').count()).toBe(1);
    await search('nobody-like-this');
    expect(await page.locator('[data-testid^="subscriber-row-"]').count()).toBe(0);
    await search('');
    await row.waitFor();

    // The operator's page: where it stands on the router (the router's own menu agrees), the full phone, the password on request.
    await page.getByTestId(`subscriber-open-${id}`).click();
    await page.getByTestId('subscriber-detail').waitFor();
    await page.locator(`[data-testid="subscriber-detail-state-${live.a.router.id}"][data-state="applied"]`).waitFor({ timeout: 30_000 });
    expect(routerRows('/ip/hotspot/user').find((u) => u.name === 'jane.w')).toMatchObject({ password, profile: '1 Day' });
    await page.locator('[data-testid="subscriber-detail-phone"]', { hasText: PHONE }).waitFor();
    await page.getByTestId('subscriber-show-password').click();
    await page.locator('[data-testid="subscriber-detail-password"]', { hasText: password }).waitFor();
    await page.getByTestId('subscriber-history').waitFor();
    expect(await findClipped(page)).toEqual([]);

    // Online when a session on its router has its login: live from the session tables, no reload.
    await page.locator('[data-testid="subscriber-detail-online"][data-online="false"]').waitFor();
    live.a.sim.model.addHotspotSession({ user: 'jane.w', address: '10.5.50.61' });
    await page.locator('[data-testid="subscriber-detail-online"][data-online="true"]').waitFor({ timeout: 20_000 });
    await page.getByTestId('subscriber-back').click();
    await page.locator(`[data-testid="subscriber-online-${id}"][data-online="true"]`).waitFor();

    // A viewer reads the list and the page with the phone masked, and has no password button.
    const viewer = await open(accounts.viewer, 'subscribers', LAPTOP);
    const masked = viewer.getByTestId(`subscriber-phone-${id}`);
    await masked.waitFor();
    expect(await masked.textContent()).toMatch(/\*\*\*/);
    expect(await masked.textContent()).not.toContain(PHONE);
    expect(await viewer.getByTestId('subscribers-add').count()).toBe(0);
    await viewer.getByTestId(`subscriber-open-${id}`).click();
    const viewerPhone = viewer.getByTestId('subscriber-detail-phone');
    await viewerPhone.waitFor();
    expect(await viewerPhone.textContent()).not.toContain(PHONE);
    expect(await viewer.getByTestId('subscriber-show-password').count()).toBe(0);
  });

  it('generates a batch of 20 that reaches the router, previews and prints its 20 codes, and counts a voucher active when a client logs in with it', async () => {
    const plan = await seedPlan('2 Hours');
    const page = await open(accounts.operator, 'vouchers', LAPTOP);
    await page.getByTestId('vouchers-generate').click();
    await page.getByTestId('generate-form').waitFor();
    await page.getByTestId('generate-field-planId').selectOption(String(plan.id));
    await page.getByTestId('generate-field-count').fill('20');
    await page.getByTestId('generate-field-comment').fill('e2e shop');
    await page.getByTestId('generate-form-submit').click();
    await page.getByTestId('generate-form').waitFor({ state: 'detached' });
    await toast(page, /20 2 Hours vouchers generated/).waitFor();

    // The new batch's page: 20 unused, all 20 pushed to the router, all 20 listed.
    await page.getByTestId('batch-page').waitFor();
    const batchId = Number(new URL(page.url()).hash.match(/batch=(\d+)/)![1]);
    await page.locator(`[data-testid="batch-count-${batchId}-unused"][data-count="20"]`).waitFor();
    await page.locator(`[data-testid="batch-page-push-${live.a.router.id}"]`, { hasText: '20 of 20' }).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid^="voucher-row-"]').first().waitFor();
    const listed = await dispatchInvoke(live.services, accounts.operator.session, 'vouchers.list', { batchId });
    if (!listed.ok) throw new Error(listed.error.message);
    const codes = (listed.data as { vouchers: Array<{ code: string }> }).vouchers.map((v) => v.code);
    expect(codes).toHaveLength(20);
    const onRouter = new Set(routerRows('/ip/hotspot/user').map((u) => u.name));
    expect(codes.filter((c) => !onRouter.has(c))).toEqual([]);
    expect(await findClipped(page)).toEqual([]);

    // Print: the preview draws the first page's cards (the 20 fit one page of 21), then the PDF holds the 20 codes.
    await page.getByTestId('batch-page-print').click();
    await page.getByTestId('print-dialog').waitFor();
    await page.getByTestId('print-cards-per-page').selectOption('21');
    await page.getByTestId('print-login-url').fill('http://login.alpha.net');
    const cards = page.locator('[data-testid="print-preview"] .voucher-card');
    await cards.nth(19).waitFor();
    expect(await cards.count()).toBe(20);
    const previewed = await page.locator('[data-testid="print-preview"] [data-testid="print-card-code"]').allTextContents();
    expect(previewed.sort()).toEqual([...codes].sort());
    // Each card's QR code is drawn in the page.
    await page.locator('[data-testid="print-preview"] img.card-qr').nth(19).waitFor();
    expect(await findClipped(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('print-submit').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const text = (await readPdfText(readFileSync((await download.path())!))).join('\n');
    for (const code of codes) expect(text).toContain(code);
    await toast(page, new RegExp(`voucher sheet of batch #${batchId}`)).waitFor();
    await page.getByTestId('print-dialog').waitFor({ state: 'detached' });

    // A simulated client logs in with the first code: the voucher turns active with its valid-until, the batch counts it.
    const first = codes[0]!;
    const login = live.a.sim.model.loginHotspot({ user: first, password: first });
    expect(login.ok).toBe(true);
    await page.locator(`[data-testid="voucher-state-${first}"]`, { hasText: 'active' }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId(`voucher-valid-${first}`).textContent()).not.toBe('—');
    await page.locator(`[data-testid="batch-count-${batchId}-active"][data-count="1"]`).waitFor({ timeout: 20_000 });

    // The batches table with live counts and push progress fits both screens.
    await page.getByTestId('batch-back').click();
    const push = page.getByTestId(`batch-push-${batchId}-${live.a.router.id}`);
    await push.waitFor();
    expect(await push.textContent()).toContain('20 of 20');
    expect(await page.getByTestId(`batch-count-${batchId}-active`).getAttribute('data-count')).toBe('1');
    expect(await findClipped(page)).toEqual([]);
    await page.setViewportSize(DESKTOP);
    expect(await findClipped(page)).toEqual([]);
  });

  it('exports a batch as CSV with its codes, and keeps its plan from being deleted', async () => {
    const plan = await seedPlan('1 Hour');
    const generated = await dispatchInvoke(live.services, accounts.operator.session, 'vouchers.generate', { planId: plan.id, count: 5, codeLength: 6, charset: 'digits' });
    if (!generated.ok) throw new Error(generated.error.message);
    const batch = generated.data as VoucherBatchSummary;
    const page = await open(accounts.operator, 'vouchers');
    await page.getByTestId(`batch-row-${batch.id}`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`batch-export-${batch.id}`).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const listed = await dispatchInvoke(live.services, accounts.operator.session, 'vouchers.list', { batchId: batch.id });
    if (!listed.ok) throw new Error(listed.error.message);
    for (const { code } of (listed.data as { vouchers: Array<{ code: string }> }).vouchers) expect(csv).toContain(code);
    await toast(page, new RegExp(`batch #${batch.id} \\(1 Hour\\) exported`)).waitFor();

    // A plan its vouchers still use cannot be deleted: the admin is told by what, and the plan stays.
    const admin = await open(accounts.admin, 'plans');
    await admin.getByTestId(`plan-delete-${plan.id}`).click();
    await admin.getByTestId('plan-delete-confirm-confirm').click();
    expect(await admin.getByTestId('plan-delete-error').textContent()).toMatch(/in use by .*5 voucher/);
    await toast(admin, 'could not delete plan 1 Hour').waitFor();
    await admin.getByTestId('plan-delete-confirm-cancel').click();
    await admin.getByTestId(`plan-row-${plan.id}`).waitFor();
  });
});
