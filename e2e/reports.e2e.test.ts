import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../main/auth/session';
import { dispatchInvoke } from '../main/core/dispatch';
import type { PaymentSummary } from '../main/payments/contract';
import type { PlanSummary } from '../main/plans/contract';
import { localDateAt } from '../main/reports/report-calendar-contract';
import type { SubscriberSummary } from '../main/subscribers/contract';
import type { TenantSettings } from '../main/tenants/tenant-settings-contract';
import { readPdfText } from '../workers/voucher-sheet/read-pdf-text';
import { seriousViolations } from './fixtures/axe';
import { chromiumForBlock } from './fixtures/browser';
import { findClipped } from './fixtures/layout-check';
import { startLiveConsole, type LiveConsole, type LiveTenant } from './fixtures/live-console';
import { signIn } from './fixtures/sign-in';
import { addSystemAdmin, SYSTEM_ADMIN } from './fixtures/system-admin';
import { tenantAccount, type TenantAccount } from './fixtures/tenant-account';
import { recordSentMessages } from './fixtures/ws-frames';

const LAPTOP = { width: 1280, height: 720 };
/** Tenant A sells in Kenyan shillings on Nairobi time: "today" and amounts are its own, not the browser's. */
const KES = { locale: 'en-KE', currency: 'KES', timeZone: 'Africa/Nairobi' };
const kes = (minor: number) => new Intl.NumberFormat(KES.locale, { style: 'currency', currency: 'KES' }).format(minor / 100);

/** The Reports view (issue 12) in Chromium against the headless host, money recorded through the real invokes. */
describe('reports view in Chromium', () => {
  const browser = chromiumForBlock();
  let live: LiveConsole;
  let contexts: BrowserContext[];
  let operator: TenantAccount;
  let boss: TenantAccount;

  const invoke = async <T>(session: Session, name: Parameters<typeof dispatchInvoke>[2], input: unknown): Promise<T> => {
    const result = await dispatchInvoke(live.services, session, name, input as never);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.data as T;
  };

  /** A plan on the tenant's router and the subscriber "jane"; the tenant's settings first. A system admin names the tenant. */
  const seedTenant = async (admin: Session, tenant: LiveTenant, settings: Partial<TenantSettings>): Promise<SubscriberSummary> => {
    const scope = admin.user?.role === 'system_admin' ? { tenantId: tenant.id } : {};
    const current = await invoke<TenantSettings>(admin, 'tenants.settings', scope);
    await invoke(admin, 'tenants.updateSettings', { ...scope, name: current.name, logo: current.logo, timeZone: current.timeZone, locale: current.locale, currency: current.currency, ...settings });
    const plan = await invoke<PlanSummary>(admin, 'plans.create', {
      ...scope,
      kind: 'pppoe', name: 'Fibre 10M', priceMinor: 150_000, validitySeconds: 30 * 86_400, uptimeLimitSeconds: null, dataLimitBytes: null,
      rateLimit: null, sharedUsers: null, addressPool: null, localAddress: null, expiry: 'disable', expiredProfile: null, routerIds: [tenant.router.id],
    });
    return invoke<SubscriberSummary>(admin, 'subscribers.create', { ...scope, kind: 'pppoe', name: 'Jane Doe', phone: null, email: null, username: 'jane', password: 'jane-pw-1', planId: plan.id, macLock: null, routerIds: [tenant.router.id] });
  };

  const pay = (session: Session, subscriberId: number, amountMinor: number, tenantId?: number) =>
    invoke<PaymentSummary>(session, 'payments.record', { tenantId, subscriberId, provider: 'cash', amountMinor });

  beforeEach(async () => {
    live = await startLiveConsole();
    contexts = [];
    operator = await tenantAccount(live, 'operator', 'alpha-cashier');
    boss = await tenantAccount(live, 'tenant_admin', 'alpha-boss');
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await live.dispose();
  });

  /** Signed in on Reports; `sent` records what the page sends over its WebSocket from the start. */
  const open = async (username: string, password: string): Promise<{ page: Page; sent: ReturnType<typeof recordSentMessages> }> => {
    const context = await browser().newContext({ viewport: LAPTOP, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    const sent = recordSentMessages(page);
    await page.goto(`${live.url}/#/reports`);
    await signIn(page, username, password);
    return { page, sent };
  };
  const download = async (page: Page, testId: string) => {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(testId).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
  };

  it('shows today’s revenue in the tenant’s zone and currency, follows a new payment live, and exports it as CSV and PDF', async () => {
    const jane = await seedTenant(boss.session, live.a, KES);
    await pay(operator.session, jane.id, 150_000);
    const today = localDateAt(Date.now(), KES.timeZone);

    const { page, sent } = await open(operator.username, operator.password);
    await page.getByTestId('report-preset').selectOption('today');
    const total = page.getByTestId('report-KES-total');
    await page.locator('[data-testid="report-KES-total"]', { hasText: kes(150_000) }).waitFor();
    expect(await page.getByTestId(`revenue-KES-total-${today}`).textContent()).toBe(kes(150_000));
    expect(await page.getByTestId('report-KES-received').textContent()).toBe(kes(150_000));
    expect(await seriousViolations(page)).toEqual([]);

    // A second payment arrives: the figures follow without a reload.
    await pay(operator.session, jane.id, 20_000);
    await page.locator('[data-testid="report-KES-total"]', { hasText: kes(170_000) }).waitFor();
    expect(await total.textContent()).toBe(kes(170_000));
    expect(await page.getByTestId(`revenue-KES-total-${today}`).textContent()).toBe(kes(170_000));
    // Live by subscription, not by asking again and again.
    expect(sent.filter((m) => m.type === 'subscribe').map((m) => m.channel)).toEqual(expect.arrayContaining([`tenant.${live.a.id}.payments`, `tenant.${live.a.id}.vouchers`]));

    const csv = await download(page, 'revenue-export');
    expect(csv.name).toMatch(new RegExp(`^revenue-alpha-net-${today}-to-${today}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const lines = csv.bytes.toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Tenant,Period,From,To,Group,Currency,Payments,Received,Reversed,Net payments,Vouchers activated,Voucher value,Total');
    expect(lines.slice(1)).toEqual([expect.stringMatching(new RegExp(`^Alpha Net,[^,]+,${today},${today},Total,KES,2,1700\\.00,0\\.00,1700\\.00,0,0\\.00,1700\\.00$`)), '']);

    const pdf = await download(page, 'report-pdf');
    expect(pdf.name).toBe(`report-alpha-net-${today}-to-${today}.pdf`);
    const text = (await readPdfText(pdf.bytes)).join('\n');
    expect(text).toContain('Alpha Net: revenue and activity');
    expect(text).toContain('KES 1,700.00');
    expect(await findClipped(page)).toEqual([]);
  });

  it('splits by operator and refuses a custom range past its bound with what to do, fetching nothing for it', async () => {
    const jane = await seedTenant(boss.session, live.a, KES);
    await pay(operator.session, jane.id, 5_000);
    const { page, sent } = await open(operator.username, operator.password);
    await page.getByTestId('report-group').selectOption('operator');
    const row = page.locator('[data-testid="revenue-groups-KES-row"][data-key="operator:alpha-cashier"]');
    await row.waitFor();
    expect(await row.locator('th').textContent()).toBe('alpha-cashier');

    const before = sent.length;
    await page.getByTestId('report-from').fill('2024-01-01');
    expect(await page.getByTestId('report-range-error').textContent()).toMatch(/at most 400 days: choose weeks or months/);
    expect(await page.getByTestId('report-from').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('report-granularity').selectOption('month');
    await page.getByTestId('report-range-error').waitFor({ state: 'detached' });
    await page.locator('[data-testid^="revenue-KES-row-2024-01"]').waitFor();
    // The refused range asked the backend nothing; the monthly one once.
    expect(sent.slice(before).filter((m) => m.type === 'invoke' && m.name === 'reports.revenue')).toHaveLength(1);
    // Both themes, with figures, groups and the chart on screen.
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('theme-toggle').click();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a system admin every tenant with one sum per currency, never KES and USD added together', async () => {
    const admin = await addSystemAdmin(live);
    const alpha = await seedTenant(boss.session, live.a, KES);
    const bravo = await seedTenant(admin, live.b, { currency: 'USD', locale: 'en-US', timeZone: 'America/New_York' });
    await pay(operator.session, alpha.id, 150_000);
    await pay(admin, bravo.id, 2_500, live.b.id);

    const { page } = await open(SYSTEM_ADMIN.username, SYSTEM_ADMIN.password);
    await page.getByTestId('report-preset').selectOption('30d');
    await page.getByTestId('report-KES').waitFor();
    await page.getByTestId('report-USD').waitFor();
    expect(await page.getByTestId('revenue-section').textContent()).toContain('never added together');
    expect((await page.getByTestId('report-USD-total').textContent())?.replace(/\s/g, ' ')).toMatch(/25\.00/);
    expect(await page.locator('[data-testid="revenue-tenants-row"]').count()).toBe(2);
    expect(await findClipped(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
