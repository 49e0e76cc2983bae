import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoker } from '../main/core/test-invoke';
import { waitForEvent } from '../main/events/wait-for-event';
import type { NotificationSummary } from '../main/notifications/contract';
import { signWebhook } from '../main/payments/webhook-signature';
import { WebhookReceiver } from '../main/webhooks/testing/webhook-receiver';
import { seriousViolations } from './fixtures/axe';
import { chromiumForBlock } from './fixtures/browser';
import { findClipped } from './fixtures/layout-check';
import { startLiveConsole, type LiveConsole } from './fixtures/live-console';
import { signIn } from './fixtures/sign-in';
import { tenantAccount, type TenantAccount } from './fixtures/tenant-account';

/** The tenant's zone and locale: the centre must show times in them, not the browser's. */
const KES = { locale: 'en-KE', currency: 'KES', timeZone: 'Africa/Nairobi' };
const SECRET_HEADER_VALUE = 'Bearer e2e-sms-gateway-token-7731';

/** The notification centre and the notification settings (issue 12) in Chromium against the headless host. */
describe('notifications in Chromium', () => {
  const browser = chromiumForBlock();
  let live: LiveConsole;
  let contexts: BrowserContext[];
  let admin: TenantAccount;
  let webhookSecret: string;

  beforeEach(async () => {
    live = await startLiveConsole();
    contexts = [];
    admin = await tenantAccount(live, 'tenant_admin', 'alpha-boss');
    const invoke = invoker(live.services, admin.session);
    const settings = await invoke('tenants.settings', {});
    await invoke('tenants.updateSettings', { name: settings.name, logo: settings.logo, ...KES });
    ({ secret: webhookSecret } = await invoke('payments.rotateWebhookSecret', {}));
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await live.dispose();
  });

  const open = async (account: TenantAccount, view: string): Promise<Page> => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${live.url}/#/${view}`);
    await signIn(page, account.username, account.password);
    return page;
  };
  /** A payment provider's signed webhook for an account nobody has: the payment waits unmatched. */
  const unmatchedPayment = async (reference: string) => {
    const body = JSON.stringify({ reference, amount: '500.00', currency: 'KES', phone: '254712345678', account: 'nobody', time: new Date().toISOString() });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${live.url}/hooks/payments/${live.a.id}/generic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-noc-timestamp': timestamp, 'x-noc-signature': signWebhook(webhookSecret, timestamp, body) },
      body,
    });
    expect(response.status).toBe(200);
  };
  const bell = (page: Page, unread: number) => page.locator(`[data-testid="notifications-bell"][data-unread="${unread}"]`);
  const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

  it('raises the bell live on both desks of one user, lists the notice in the tenant’s time, and a read on one desk lowers the other', async () => {
    const desk = await open(admin, 'dashboard');
    const other = await open(admin, 'payments');
    await bell(desk, 0).waitFor();
    await bell(other, 0).waitFor();

    await unmatchedPayment('RX9001');
    await bell(desk, 1).waitFor();
    await bell(other, 1).waitFor();
    expect(await desk.getByTestId('notifications-bell').getAttribute('aria-label')).toBe('Notifications, 1 unread');
    expect(await desk.getByTestId('notifications-announce').textContent()).toContain('New notification: Payment RX9001 matched no subscriber');

    // Keyboard: the bell opens the panel with focus on its heading; Escape gives focus back to the bell.
    await desk.getByTestId('notifications-bell').focus();
    await desk.keyboard.press('Enter');
    const panel = desk.getByTestId('notifications-panel');
    await panel.waitFor();
    expect(await desk.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    const [notice] = (await invoker(live.services, admin.session)('notifications.list', {})).notifications;
    expect(notice).toMatchObject({ rule: 'payment-unmatched', read: false, subject: { type: 'payment', label: 'RX9001' } });
    const item = desk.getByTestId(`notification-${notice!.id}`);
    expect(await item.getAttribute('data-read')).toBe('false');
    expect(await desk.getByTestId(`notification-title-${notice!.id}`).textContent()).toBe('Payment RX9001 matched no subscriber');
    const inNairobi = new Intl.DateTimeFormat(KES.locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: KES.timeZone }).format(Date.parse(notice!.createdAt));
    expect(await desk.getByTestId(`notification-time-${notice!.id}`).textContent()).toBe(inNairobi);
    expect(await seriousViolations(desk)).toEqual([]);
    expect(await findClipped(desk)).toEqual([]);
    await desk.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await focusedTestId(desk)).toBe('notifications-bell');
    // Tabbing out of the open panel closes it, like a menu.
    await desk.keyboard.press('Enter');
    await panel.waitFor();
    for (let i = 0; i < 8 && (await panel.count()) > 0; i++) await desk.keyboard.press('Tab');
    await panel.waitFor({ state: 'detached' });
    expect(await desk.evaluate(() => document.activeElement?.closest('.notification-centre') ?? null)).toBeNull();

    await desk.getByTestId('notifications-bell').click();
    await desk.getByTestId(`notification-read-${notice!.id}`).click();
    await bell(desk, 0).waitFor();
    await desk.locator(`[data-testid="notification-${notice!.id}"][data-read="true"]`).waitFor();
    // The other desk of the same user hears NotificationsRead: no reload, no polling.
    await bell(other, 0).waitFor();

    // Two more, then "Mark all read" on the other desk clears both desks.
    await unmatchedPayment('RX9002');
    await unmatchedPayment('RX9003');
    await bell(desk, 2).waitFor();
    await bell(other, 2).waitFor();
    await other.getByTestId('notifications-bell').click();
    await other.getByTestId('notifications-mark-all').click();
    await bell(other, 0).waitFor();
    await bell(desk, 0).waitFor();
    expect(await desk.locator('[data-testid^="notification-"][data-read="true"]').count()).toBe(3);
  });

  it('has the count right after the connection comes back, with what was raised while it heard nothing', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    // The page's WebSocket goes through the test: it can stop passing the backend's messages on, then drop the connection.
    const deaf = { now: false };
    const routes: Array<{ close: () => Promise<void> }> = [];
    await page.routeWebSocket(/\/ws$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        if (!deaf.now) ws.send(message);
      });
      routes.push({ close: async () => (await Promise.all([ws.close(), server.close()]), undefined) });
    });
    await page.goto(`${live.url}/#/dashboard`);
    await signIn(page, admin.username, admin.password);
    await bell(page, 0).waitFor();

    deaf.now = true;
    const raised = ['RX9101', 'RX9102'].map((reference) =>
      waitForEvent(live.services.bus, `tenant.${live.a.id}.notifications`, (e) => e.name === 'NotificationRaised' && (e.payload as NotificationSummary).subject?.label === reference),
    );
    await unmatchedPayment('RX9101');
    await unmatchedPayment('RX9102');
    await Promise.all(raised);
    expect(await page.getByTestId('notifications-bell').getAttribute('data-unread')).toBe('0');

    deaf.now = false;
    await routes.at(-1)!.close();
    // The bridge reconnects and the channel resyncs: the list is fetched again and counts both.
    await bell(page, 2).waitFor({ timeout: 15_000 });
    expect(routes.length).toBeGreaterThan(1);
    await page.getByTestId('notifications-bell').click();
    expect(await page.locator('[data-testid^="notification-title-"]').allTextContents()).toEqual(['Payment RX9102 matched no subscriber', 'Payment RX9101 matched no subscriber']);
  });

  it('lets an admin set up the SMS channel with a sealed header, shows backend refusals on their fields, keeps the secret out of the page after a reload, and sends a test', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      const page = await open(admin, 'settings');
      const frames: string[] = [];
      page.on('websocket', (ws) => ws.on('framereceived', (frame) => frames.push(String(frame.payload))));
      const sms = page.getByTestId('notify-channel-sms');
      await sms.waitFor();
      expect(await page.getByTestId('notify-channel-sms-state').textContent()).toContain('not set up');

      // Plain http to another machine: the backend refuses it, under the URL field.
      await page.getByTestId('notify-sms-url').fill('http://sms.example.com/send');
      await page.getByTestId('notify-sms-header-add').click();
      await page.getByTestId('notify-sms-header-0-name').fill('Authorization');
      await page.getByTestId('notify-sms-header-0-value').fill(SECRET_HEADER_VALUE);
      await page.getByTestId('notify-sms-staff').fill('+254712000111');
      await page.getByTestId('notify-channel-sms-save').click();
      expect(await page.getByTestId('notify-sms-url-error').textContent()).toMatch(/https:\/\//);

      await page.getByTestId('notify-sms-url').fill(receiver.url);
      await page.getByTestId('notify-channel-sms-save').click();
      await page.getByTestId('notify-channel-sms-saved').waitFor();
      expect(await page.getByTestId('notify-sms-header-0-value').inputValue()).toBe('');
      expect(await page.getByTestId('notify-sms-header-0-value-state').textContent()).toMatch(/^set/);
      expect(await seriousViolations(page)).toEqual([]);

      await page.reload();
      await page.getByTestId('notify-channel-sms').waitFor();
      expect(await page.getByTestId('notify-channel-sms-state').textContent()).toContain('set up');
      expect(await page.getByTestId('notify-sms-url').inputValue()).toBe(receiver.url);
      expect(await page.getByTestId('notify-sms-header-0-name').inputValue()).toBe('Authorization');
      expect(await page.getByTestId('notify-sms-header-0-value').inputValue()).toBe('');
      expect(await page.getByTestId('notify-sms-header-0-value-state').textContent()).toMatch(/^set/);
      // The secret never came back: not in the page, not in anything the backend sent it.
      expect(await page.content()).not.toContain(SECRET_HEADER_VALUE);
      expect(frames.some((f) => f.includes(SECRET_HEADER_VALUE))).toBe(false);

      // Send test: the real receiver gets the sealed header; the outcome and the delivery log say so.
      await page.getByTestId('notify-test-sms').click();
      await page.locator('[data-testid="notify-test-sms-outcome"][data-ok="true"]').waitFor();
      expect(await page.getByTestId('notify-test-sms-outcome').textContent()).toMatch(/^Sent to .*\(the receiver answered 200\)/);
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.headers.authorization).toBe(SECRET_HEADER_VALUE);
      const row = page.locator('[data-testid^="notify-delivery-"][data-status="sent"]');
      await row.waitFor();
      expect(await row.textContent()).toContain('Test message');
      expect(await row.textContent()).not.toContain('254712000111');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await findClipped(page)).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('saves staff alert rules and customer messages with their checks, a live preview in the tenant’s currency, and shows others the settings read-only', async () => {
    const page = await open(admin, 'settings');
    await page.getByTestId('notify-rules').waitFor();

    await page.getByTestId('notify-rule-router-down-afterSeconds').fill('5');
    await page.getByTestId('notify-rules-save').click();
    expect(await page.getByTestId('notify-rule-router-down-afterSeconds-error').textContent()).toBe('at least 10 seconds');
    await page.getByTestId('notify-rule-router-down-afterSeconds').fill('300');
    // Off for a new tenant (payments show live in their view): this admin wants them anyway.
    expect(await page.getByTestId('notify-rule-payment-received-enabled').isChecked()).toBe(false);
    await page.getByTestId('notify-rule-payment-received-enabled').check();
    await page.getByTestId('notify-rule-job-failed-channels-desktop').check();
    await page.getByTestId('notify-rules-save').click();
    await page.getByTestId('notify-rules-saved').waitFor();

    const template = page.getByTestId('notify-message-payment-received-template');
    await template.fill('Hi {{name}}, {{company}} got {{amount}} ({{receipt}}). {{nmae}}');
    const preview = await page.getByTestId('notify-message-payment-received-preview').textContent();
    // Money as the sent message words it: the ISO code, in the tenant's locale.
    expect(preview).toMatch(/^Hi Jane Doe, Alpha Net got KES\s500\.00 \(QK71ABC2XY\)\. \{\{nmae\}\}$/);
    await page.getByTestId('notify-messages-save').click();
    expect(await page.getByTestId('notify-message-payment-received-template-error').textContent()).toMatch(/unknown placeholder \{\{nmae\}\}/);
    await template.fill('Hi {{name}}, {{company}} got {{amount}} ({{receipt}}).');
    await page.getByTestId('notify-quiet-enabled').check();
    await page.getByTestId('notify-quiet-start').fill('22:00');
    await page.getByTestId('notify-messages-save').click();
    await page.getByTestId('notify-messages-saved').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    await page.getByTestId('notify-rules').waitFor();
    expect(await page.getByTestId('notify-rule-router-down-afterSeconds').inputValue()).toBe('300');
    expect(await page.getByTestId('notify-rule-payment-received-enabled').isChecked()).toBe(true);
    expect(await page.getByTestId('notify-rule-job-failed-channels-desktop').isChecked()).toBe(true);
    expect(await template.inputValue()).toBe('Hi {{name}}, {{company}} got {{amount}} ({{receipt}}).');
    expect(await page.getByTestId('notify-quiet-start').inputValue()).toBe('22:00');

    // An operator reads the same settings, cannot change them, and has no delivery log.
    const operator = await tenantAccount(live, 'operator', 'alpha-tech');
    const theirs = await open(operator, 'settings');
    await theirs.getByTestId('notify-rules').waitFor();
    expect(await theirs.getByTestId('notify-rule-router-down-afterSeconds').isDisabled()).toBe(true);
    expect(await theirs.getByTestId('notify-rules-save').count()).toBe(0);
    expect(await theirs.getByTestId('settings-delivery-log').count()).toBe(0);
    expect(await seriousViolations(theirs)).toEqual([]);
  });
});
