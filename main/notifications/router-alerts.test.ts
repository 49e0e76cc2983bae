import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import type { BusEvent } from '../events/event-bus';
import { as, caller, seedPaymentTenants, type Call } from '../payments/payment-fixture';
import type { RouterLiveStatus } from '../routers/contract';
import { UNKNOWN_STATUS } from '../routers/router-status-board';
import { WebhookReceiver } from '../webhooks/testing/webhook-receiver';
import type { NotificationSummary } from './contract';
import { flushWindow } from './raise-staff-notification';
import { checkRouterDown, RouterWatch } from './router-watch';
import { routerSettings } from '../routers/testing/store-router';

/** A future clock: jobs enqueued for it are left to the test, not run by the engine. */
const T = Date.parse('2030-06-01T10:00:00+03:00');
const status = (state: RouterLiveStatus['state'], extra: Partial<RouterLiveStatus> = {}): RouterLiveStatus => ({ ...UNKNOWN_STATUS, state, ...extra });

describe('router alerts: down after N s, back, refused login, CPU, and one message when many drop together', () => {
  let core: TestCore;
  let call: Call;
  let watch: RouterWatch;
  let receiver: WebhookReceiver;
  let routers: number[];
  const raised: NotificationSummary[] = [];

  beforeEach(async () => {
    core = await startTestCore();
    call = caller(core.services);
    watch = new RouterWatch(core.services);
    receiver = await WebhookReceiver.start();
    await seedPaymentTenants(core.services, []);
    routers = await core.services.accounts.run(async (tx) => {
      const added = [];
      for (let i = 1; i <= 10; i++) added.push((await tx.routers.add(1, routerSettings({ name: `edge-${i}` }), 'pw', new Date())).id);
      return added;
    });
    await call(
      'notifications.updateSettings',
      {
        channels: { sms: { preset: 'webhook', url: receiver.url, bodyTemplate: '{"to":"{{phone}}","text":"{{message}}"}', staffRecipients: ['+254700111222'] } },
        rules: { 'router-down': { enabled: true, channels: ['in-app', 'desktop', 'sms'], afterSeconds: 60 } },
      },
      as('tenant_admin'),
    );
    raised.length = 0;
    core.services.bus.subscribe('tenant.1.notifications', (e: BusEvent) => {
      if (e.name === 'NotificationRaised') raised.push(e.payload as NotificationSummary);
    });
  });
  afterEach(async () => {
    await receiver.close();
    await core.dispose();
  });

  const openWindow = (rule: 'router-down' | 'router-back' | 'router-login-refused') => core.services.business.read((tx) => tx.notifications.alerts.openGroup(1, rule));
  const smsDeliveries = () => core.services.business.read(async (tx) => (await tx.notifications.deliveries.list(1, { limit: 100 })).filter((d) => d.channel === 'sms'));

  it('tells staff once when ten routers drop together, and once when they are back', async () => {
    for (const id of routers) await watch.observe(1, id, status('online'), T - 600_000);
    for (const id of routers) await watch.observe(1, id, status('offline', { lastError: 'connection refused' }), T);
    // Each outage has its check due after the rule's 60 s.
    const checks = core.db.prepare("SELECT run_at AS runAt FROM jobs WHERE name = 'notifications.router-down-check'").all() as Array<{ runAt: number }>;
    expect(checks.map((c) => c.runAt)).toEqual(routers.map(() => T + 60_000));
    for (const [i, id] of routers.entries()) expect(await checkRouterDown(core.services, id, T, T + 60_000 + i * 100)).toBe(true);
    expect(raised).toEqual([]); // the window is open for 30 s
    const window = (await openWindow('router-down'))!;
    expect(window.flushAt).toBe(T + 60_000 + 30_000);
    const notice = (await flushWindow(core.services, window.id, window.flushAt))!;
    expect(notice).toMatchObject({ rule: 'router-down', title: '10 routers are down', count: 10, subject: null, desktop: true, severity: 'critical' });
    expect(notice.body).toBe('edge-1, edge-2, edge-3, edge-4, edge-5, edge-6, edge-7, edge-8, edge-9, edge-10.');
    expect(raised).toHaveLength(1);
    expect(await smsDeliveries()).toHaveLength(1);
    // Replays of a check or of the flush change nothing.
    expect(await checkRouterDown(core.services, routers[0]!, T, T + 61_000)).toBe(false);
    expect(await flushWindow(core.services, window.id, window.flushAt)).toBeNull();

    for (const id of routers) await watch.observe(1, id, status('online'), T + 300_000);
    const back = (await openWindow('router-back'))!;
    expect(await flushWindow(core.services, back.id, back.flushAt)).toMatchObject({ title: '10 routers are back', count: 10 });
    expect(raised.map((n) => n.rule)).toEqual(['router-down', 'router-back']);
  });

  it('says nothing about a blip shorter than N s; a single outage names its router', async () => {
    const [hq, edge] = routers as [number, number];
    await watch.observe(1, hq, status('online'), T - 1_000);
    await watch.observe(1, hq, status('offline'), T);
    await watch.observe(1, hq, status('connecting'), T + 5_000); // reconnect attempts change nothing
    await watch.observe(1, hq, status('online'), T + 30_000);
    expect(await checkRouterDown(core.services, hq, T, T + 60_000)).toBe(false);
    expect(await openWindow('router-back')).toBeNull();

    await watch.observe(1, edge, status('offline', { lastError: "router 'edge-2' did not answer" }), T);
    // Resource polls of a router that stays down are not news.
    await watch.observe(1, edge, status('offline', { lastError: 'timeout' }), T + 10_000);
    expect(await checkRouterDown(core.services, edge, T, T + 60_000)).toBe(true);
    const window = (await openWindow('router-down'))!;
    const notice = (await flushWindow(core.services, window.id, window.flushAt))!;
    expect(notice).toMatchObject({ title: 'Router edge-2 is down', count: 1, subject: { type: 'router', id: edge, label: 'edge-2' } });
    expect(notice.body).toBe('Not reachable since 1 Jun 2030, 10:00.');
    expect(raised).toHaveLength(1);
  });

  it('tells a refused login at once (through the window), and CPU over the rule for its minutes once per stretch', async () => {
    const [hq] = routers as [number];
    await watch.observe(1, hq, status('online', { cpuLoad: 20 }), T);
    await watch.observe(1, hq, status('auth-failed', { lastError: 'invalid user name or password (6)' }), T + 1_000);
    const refused = (await openWindow('router-login-refused'))!;
    expect(await flushWindow(core.services, refused.id, refused.flushAt)).toMatchObject({ title: 'Router edge-1 refused the console’s login', severity: 'critical' });
    // The refusal stands for the outage: no "down" on top; "back" when the login works again.
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE name = 'notifications.router-down-check'").get()).toEqual({ n: 0 });

    await watch.observe(1, hq, status('online', { cpuLoad: 95 }), T + 120_000);
    await watch.observe(1, hq, status('online', { cpuLoad: 97 }), T + 120_000 + 4 * 60_000);
    expect(raised.map((n) => n.rule)).toEqual(['router-login-refused']);
    await watch.observe(1, hq, status('online', { cpuLoad: 96 }), T + 120_000 + 5 * 60_000);
    await watch.observe(1, hq, status('online', { cpuLoad: 99 }), T + 120_000 + 9 * 60_000);
    expect(raised.map((n) => n.rule)).toEqual(['router-login-refused', 'router-cpu-high']);
    expect(raised[1]).toMatchObject({ title: 'Router edge-1: CPU at 96 %', body: 'Its CPU has been over 90 % for 5 min.', severity: 'warning', desktop: false });
    // Below the line ends the stretch; a new one is told again after its own five minutes.
    await watch.observe(1, hq, status('online', { cpuLoad: 40 }), T + 20 * 60_000);
    await watch.observe(1, hq, status('online', { cpuLoad: 93 }), T + 21 * 60_000);
    await watch.observe(1, hq, status('online', { cpuLoad: 93 }), T + 26 * 60_000);
    expect(raised.map((n) => n.rule)).toEqual(['router-login-refused', 'router-cpu-high', 'router-cpu-high']);
  });

  it('keeps a rule that is off quiet', async () => {
    await call('notifications.updateSettings', { rules: { 'router-down': { enabled: false, channels: ['in-app'] } } }, as('tenant_admin'));
    const [hq] = routers as [number];
    await watch.observe(1, hq, status('offline'), T);
    await checkRouterDown(core.services, hq, T, T + 120_000);
    expect(await openWindow('router-down')).toBeNull();
    expect(await smsDeliveries()).toEqual([]);
  });
});
