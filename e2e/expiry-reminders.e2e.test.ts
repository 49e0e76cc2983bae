import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoker } from '../main/core/test-invoke';
import { seriousViolations } from './fixtures/axe';
import { chromiumForBlock } from './fixtures/browser';
import { findClipped } from './fixtures/layout-check';
import { startLiveConsole, type LiveConsole } from './fixtures/live-console';
import { signIn } from './fixtures/sign-in';
import { tenantAccount, type TenantAccount } from './fixtures/tenant-account';

/** Settings › Expiry reminders (issue 12) in Chromium against the headless host. */
describe('expiry reminders in Chromium', () => {
  const browser = chromiumForBlock();
  let live: LiveConsole;
  let contexts: BrowserContext[];
  let admin: TenantAccount;

  beforeEach(async () => {
    live = await startLiveConsole();
    contexts = [];
    admin = await tenantAccount(live, 'tenant_admin', 'alpha-boss');
    // A zone that is not the browser's: the day note must name the tenant's.
    const invoke = invoker(live.services, admin.session);
    const settings = await invoke('tenants.settings', {});
    await invoke('tenants.updateSettings', { name: settings.name, logo: settings.logo, locale: 'en-KE', currency: 'KES', timeZone: 'Africa/Nairobi' });
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await live.dispose();
  });

  const openSettings = async (account: TenantAccount): Promise<Page> => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${live.url}/#/settings`);
    await signIn(page, account.username, account.password);
    await page.getByTestId('expiry-reminders').waitFor();
    return page;
  };
  /** Each row as "<number> <unit>", in the order shown. */
  const shown = async (page: Page): Promise<string[]> => {
    const rows: string[] = [];
    for (let i = 0; (await page.getByTestId(`expiry-reminder-${i}`).count()) > 0; i++) {
      rows.push(`${await page.getByTestId(`expiry-reminder-${i}-amount`).inputValue()} ${await page.getByTestId(`expiry-reminder-${i}-unit`).inputValue()}`);
    }
    return rows;
  };
  const saved = async () => (await invoker(live.services, admin.session)('subscriptions.settings', {})).reminderOffsets;

  it('lets an admin set 2 days and 1 hour, kept after a reload; refuses 10 minutes under its row; operators read them', async () => {
    const page = await openSettings(admin);
    expect(await shown(page)).toEqual(['3 days', '1 days', '1 hours']);
    expect(await page.getByTestId('expiry-reminders-day-note').textContent()).toMatch(/whole days go out at 09:00 on that day in Africa\/Nairobi.*from 15 minutes to 30 days/);

    // Remove "3 days" (focus moves to Add, not to the page), make "1 day" two days.
    await page.getByTestId('expiry-reminder-0-remove').click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('expiry-reminders-add');
    await page.getByTestId('expiry-reminder-0-amount').fill('2');
    await page.getByTestId('expiry-reminders-save').click();
    expect(await page.getByTestId('expiry-reminders-saved').textContent()).toBe('Saved: customers are reminded 2 days, 1 hour before their subscription ends.');
    expect(await saved()).toEqual([2 * 86_400, 3600]);

    await page.reload();
    await page.getByTestId('expiry-reminders').waitFor();
    expect(await shown(page)).toEqual(['2 days', '1 hours']);

    // 10 minutes: the backend's own bound, under the row that broke it; nothing saved.
    await page.getByTestId('expiry-reminders-add').click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('expiry-reminder-2-amount');
    await page.getByTestId('expiry-reminder-2-amount').fill('10');
    await page.getByTestId('expiry-reminder-2-unit').selectOption('minutes');
    await page.getByTestId('expiry-reminders-save').click();
    expect(await page.getByTestId('expiry-reminder-2-amount-error').textContent()).toBe('at least 15 minutes before expiry');
    expect(await page.getByTestId('expiry-reminder-2-amount').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('expiry-reminders-saved').count()).toBe(0);
    expect(await saved()).toEqual([2 * 86_400, 3600]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await findClipped(page)).toEqual([]);

    // Five at most: Add gives way to a note.
    await page.getByTestId('expiry-reminders-add').click();
    await page.getByTestId('expiry-reminders-add').click();
    expect(await page.getByTestId('expiry-reminders-add').count()).toBe(0);
    expect(await page.getByTestId('expiry-reminders-full').textContent()).toContain('At most 5 reminders');

    const operator = await tenantAccount(live, 'operator', 'alpha-tech');
    const theirs = await openSettings(operator);
    expect(await shown(theirs)).toEqual(['2 days', '1 hours']);
    expect(await theirs.getByTestId('expiry-reminder-0-amount').isDisabled()).toBe(true);
    expect(await theirs.getByTestId('expiry-reminder-0-unit').isDisabled()).toBe(true);
    expect(await theirs.getByTestId('expiry-reminders-save').count()).toBe(0);
    expect(await theirs.getByTestId('expiry-reminders-add').count()).toBe(0);
    expect(await theirs.getByTestId('expiry-reminder-0-remove').count()).toBe(0);
    expect(await seriousViolations(theirs)).toEqual([]);
  });
});
