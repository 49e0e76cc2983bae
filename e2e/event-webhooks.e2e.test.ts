import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../main/core/dispatch';
import { waitForEvent } from '../main/events/wait-for-event';
import type { PlanSummary } from '../main/plans/contract';
import type { SubscriberSummary } from '../main/subscribers/contract';
import { WebhookReceiver } from '../main/webhooks/testing/webhook-receiver';
import { seriousViolations } from './fixtures/axe';
import { chromiumForBlock } from './fixtures/browser';
import { findClipped } from './fixtures/layout-check';
import { startLiveConsole, type LiveConsole } from './fixtures/live-console';
import { signIn } from './fixtures/sign-in';
import { tenantAccount, type TenantAccount } from './fixtures/tenant-account';

/** Settings › Event webhooks (issue 12) in Chromium against the headless host and a receiver on 127.0.0.1. */
describe('event webhooks in Chromium', () => {
  const browser = chromiumForBlock();
  let live: LiveConsole;
  let context: BrowserContext;
  let receiver: WebhookReceiver;
  let admin: TenantAccount;
  let operator: TenantAccount;
  let jane: SubscriberSummary;

  const invoke = async <T>(account: TenantAccount, name: Parameters<typeof dispatchInvoke>[2], input: unknown): Promise<T> => {
    const result = await dispatchInvoke(live.services, account.session, name, input as never);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.data as T;
  };

  beforeEach(async () => {
    live = await startLiveConsole();
    receiver = await WebhookReceiver.start();
    admin = await tenantAccount(live, 'tenant_admin', 'alpha-hooks');
    operator = await tenantAccount(live, 'operator', 'alpha-cash');
    const applied = waitForEvent(live.services.bus, `tenant.${live.a.id}.plans`, (e) => (e.payload as PlanSummary).routers.some((r) => r.state === 'applied'), 30_000);
    const plan = await invoke<PlanSummary>(admin, 'plans.create', {
      kind: 'hotspot', name: '1 Day', priceMinor: 5000, validitySeconds: 86_400, uptimeLimitSeconds: null, dataLimitBytes: null,
      rateLimit: null, sharedUsers: 1, addressPool: null, localAddress: null, expiry: 'disable', expiredProfile: null, routerIds: [live.a.router.id],
    });
    await applied;
    jane = await invoke<SubscriberSummary>(admin, 'subscribers.create', {
      kind: 'hotspot', name: 'Jane Doe', phone: '0712345678', email: null, username: 'jane', password: 'jane-pw-1', planId: plan.id, macLock: null, routerIds: [live.a.router.id],
    });
    context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
  });
  afterEach(async () => {
    await context.close();
    await live.dispose();
    await receiver.close();
  });

  const open = async (): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${live.url}/#/settings`);
    await signIn(page, admin.username, admin.password);
    return page;
  };

  it('lets a tenant admin add a webhook, shows its secret once, and shows a payment’s delivery arrive as sent', async () => {
    const page = await open();
    await page.getByTestId('webhooks-empty').waitFor();
    await page.getByTestId('webhooks-add').click();
    await page.getByTestId('webhook-form').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('webhook-field-url');

    // Nothing chosen and a plain-http URL elsewhere: the events error at once, the URL's from the backend.
    await page.getByTestId('webhook-field-url').fill('http://hooks.example.com/noc');
    await page.getByTestId('webhook-form-submit').click();
    await page.getByTestId('webhook-field-events-error').waitFor();
    await page.getByTestId('webhook-event-PaymentReceived').check();
    await page.getByTestId('webhook-form-submit').click();
    expect(await page.getByTestId('webhook-field-url-error').textContent()).toMatch(/use https:\/\//);

    await page.getByTestId('webhook-field-url').fill(receiver.url);
    await page.getByTestId('webhook-field-description').fill('Billing system');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('webhook-form-submit').click();

    await page.getByTestId('webhook-secret').waitFor();
    const secret = await page.getByTestId('webhook-secret-value').inputValue();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('webhook-secret-done').click();
    await page.getByTestId('webhook-secret').waitFor({ state: 'detached' });
    const row = page.locator(`[data-testid^="webhook-row-"][data-url="${receiver.url}"]`);
    await row.waitFor();
    const id = Number((await row.getAttribute('data-testid'))!.replace('webhook-row-', ''));
    expect(await page.getByTestId(`webhook-state-${id}`).getAttribute('data-state')).toBe('active');
    // Shown once: nothing on the page holds it any more.
    expect(await page.content()).not.toContain(secret);

    await page.getByTestId(`webhook-deliveries-toggle-${id}`).click();
    await page.getByTestId('webhook-deliveries-empty').waitFor();
    await invoke(operator, 'payments.record', { subscriberId: jane.id, provider: 'mpesa', reference: 'QKHOOK1', amountMinor: 5000, payerPhone: '0712345678' });

    const request = await receiver.nth(1);
    expect(WebhookReceiver.verify(request, secret)).toBeNull();
    expect(JSON.parse(request.body)).toMatchObject({ event: 'PaymentReceived', tenantId: live.a.id, data: { reference: 'QKHOOK1', payerPhone: '0712***678' } });
    const delivered = page.locator('[data-testid^="webhook-delivery-"][data-event="PaymentReceived"][data-status="sent"]');
    await delivered.waitFor();
    expect(await delivered.locator('td.num').first().textContent()).toBe('1 of 8');
    // This section's own layout (the frame around it is checked by the layout tests).
    expect((await findClipped(page)).filter((problem) => problem.includes('webhook'))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a webhook paused by its failures as it happens, resumes it, and sends a test', async () => {
    receiver.status = 503;
    const { id } = await invoke<{ id: number }>(admin, 'webhooks.create', { url: receiver.url, events: ['PaymentReceived'], pauseAfter: 1 });
    const page = await open();
    await page.getByTestId(`webhook-state-${id}`).waitFor();
    await page.getByTestId(`webhook-deliveries-toggle-${id}`).click();
    await page.getByTestId('webhook-deliveries-empty').waitFor();

    await invoke(operator, 'payments.record', { subscriberId: jane.id, provider: 'cash', amountMinor: 5000 });
    await page.locator(`[data-testid="webhook-state-${id}"][data-state="paused"]`).waitFor();
    expect(await page.getByTestId(`webhook-failures-${id}`).textContent()).toMatch(/^1 of 1 failures in a row: the receiver answered 503/);
    await page.locator('[data-testid^="webhook-delivery-"][data-status="failed"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    receiver.status = 200;
    await page.getByTestId(`webhook-resume-${id}`).click();
    await page.locator(`[data-testid="webhook-state-${id}"][data-state="active"]`).waitFor();
    await page.getByTestId(`webhook-test-${id}`).click();
    await page.locator('[data-testid^="webhook-delivery-"][data-event="WebhookTest"][data-status="sent"]').waitFor();
    expect(receiver.received.map((r) => [r.headers['x-noc-event'], r.status])).toEqual([
      ['PaymentReceived', 503],
      ['WebhookTest', 200],
    ]);
  });
});
