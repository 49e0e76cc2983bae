import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../auth/session';
import { startTestCore, type TestCore } from '../core/test-core';
import type { BusEvent } from '../events/event-bus';
import { waitForEvent } from '../events/wait-for-event';
import { as, caller, seedPaymentTenants, type Call } from '../payments/payment-fixture';
import { UNKNOWN_STATUS } from '../routers/router-status-board';
import type { NotificationSummary } from './contract';
import type { StaffNotice } from './notification-repository';
import { raiseStaffNotificationNow } from './raise-staff-notification';
import { routerSettings } from '../routers/testing/store-router';

const user = (id: number, role: 'viewer' | 'operator' | 'tenant_admin' | 'system_admin', tenantId: number | null = 1): Session => ({ id: `s-${id}`, user: { id, username: `user-${id}`, role, tenantId } });
const notice = (n: number, tenantId = 1): StaffNotice => ({ tenantId, rule: 'payment-unmatched', key: `test:${tenantId}:${n}`, severity: 'info', title: `Payment R${n} received`, body: 'KES 10.00', subject: null });

describe('the staff notification centre: per-user read state, live, tenant-scoped, masked', () => {
  let core: TestCore;
  let call: Call;
  const frames: BusEvent[] = [];

  beforeEach(async () => {
    core = await startTestCore();
    call = caller(core.services);
    await seedPaymentTenants(core.services, []);
    frames.length = 0;
    for (const channel of ['tenant.1.notifications', 'tenant.1.notifications.deliveries', 'tenant.2.notifications']) core.services.bus.subscribe(channel, (e) => frames.push(e));
  });
  afterEach(() => core.dispose());

  it('lists newest first with each user’s own read state; marking read tells that user’s other desks', async () => {
    for (const n of [1, 2, 3, 4]) await raiseStaffNotificationNow(core.services, notice(n));
    await raiseStaffNotificationNow(core.services, notice(9, 2));
    expect(frames.filter((f) => f.name === 'NotificationRaised').map((f) => f.channel)).toEqual([...Array(4).fill('tenant.1.notifications'), 'tenant.2.notifications']);
    const anna = user(11, 'tenant_admin');
    const vera = user(12, 'viewer');
    const listed = await call('notifications.list', {}, anna);
    expect(listed.unread).toBe(4);
    expect(listed.notifications.map((n) => [n.title, n.read])).toEqual([['Payment R4 received', false], ['Payment R3 received', false], ['Payment R2 received', false], ['Payment R1 received', false]]);

    const read = waitForEvent(core.services.bus, 'tenant.1.notifications', (e) => e.name === 'NotificationsRead');
    const [r4, r3] = listed.notifications as [NotificationSummary, NotificationSummary];
    expect(await call('notifications.markRead', { ids: [r4.id, r3.id, 999_999] }, anna)).toEqual({ unread: 2 });
    expect((await read).payload).toEqual({ userId: 11, ids: [r4.id, r3.id], unread: 2 });
    expect((await call('notifications.list', { unreadOnly: true }, anna)).notifications.map((n) => n.title)).toEqual(['Payment R2 received', 'Payment R1 received']);
    // Vera has read nothing; another tenant's user sees none of these and cannot mark them.
    expect((await call('notifications.list', {}, vera)).unread).toBe(4);
    expect(await call('notifications.markRead', { ids: [r4.id] }, user(21, 'operator', 2))).toEqual({ unread: 1 });
    expect((await call('notifications.list', {}, user(21, 'operator', 2))).notifications.map((n) => n.title)).toEqual(['Payment R9 received']);

    expect(await call('notifications.markRead', { all: true }, vera)).toEqual({ unread: 0 });
    await raiseStaffNotificationNow(core.services, notice(5));
    expect((await call('notifications.list', {}, vera)).unread).toBe(1);
    expect((await call('notifications.list', { before: r3.id, limit: 1 }, vera)).notifications).toEqual([expect.objectContaining({ title: 'Payment R2 received', read: true })]);
    // A system admin reads every tenant (or one) with a read state of their own.
    const root = user(1, 'system_admin', null);
    expect((await call('notifications.list', {}, root)).unread).toBe(6);
    await call('notifications.markRead', { all: true, tenantId: 2 }, root);
    expect((await call('notifications.list', {}, root)).unread).toBe(5);
    expect(await call('notifications.markRead', { all: true }, root)).toEqual({ unread: 0 });
    // Raising the same key again stores and announces nothing new.
    await raiseStaffNotificationNow(core.services, notice(5));
    expect((await call('notifications.list', {}, vera)).notifications).toHaveLength(5);
    await expect(call('notifications.markRead', { ids: [] }, vera)).rejects.toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('keeps 90 days: the daily prune deletes older notifications and finished deliveries', async () => {
    const old = Date.now() - 91 * 86_400_000;
    await raiseStaffNotificationNow(core.services, notice(1), old);
    await raiseStaffNotificationNow(core.services, notice(2));
    const { jobId } = core.services.jobs.enqueue('notifications.prune', {});
    const done = await waitForEvent(core.services.bus, 'system.jobs', (e) => e.name === 'JobProcessed' && (e.payload as { items: Array<{ id: number }> }).items.some((j) => j.id === jobId));
    expect((done.payload as { items: Array<{ id: number; result?: unknown }> }).items.find((j) => j.id === jobId)!.result).toEqual({ notifications: 1, deliveries: 0 });
    expect((await call('notifications.list', {}, user(11, 'viewer'))).notifications.map((n) => n.title)).toEqual(['Payment R2 received']);
  });

  it('tells staff about a job that failed for good, with personal data masked', async () => {
    const raised = waitForEvent(core.services.bus, 'tenant.1.notifications', (e) => e.name === 'NotificationRaised');
    const { jobId } = core.services.jobs.enqueue('jobs.diagnostic', { action: 'permanent', message: 'mailbox jane@customers.example refused 0712345678' }, { tenantId: 1 });
    const payload = (await raised).payload as NotificationSummary;
    expect(payload).toMatchObject({ rule: 'job-failed', title: 'Job failed for good: jobs.diagnostic', subject: { type: 'job', id: jobId } });
    expect(payload.body).toContain('mailbox j***@customers.example refused 0712***678');
    expect(JSON.stringify(frames)).not.toMatch(/jane@customers\.example|0712345678/);
  });

  it('follows routers from their live status events: a refused login reaches the centre after the grouping window', async () => {
    await call('notifications.updateSettings', { groupSeconds: 5 }, as('tenant_admin'));
    const id = (await core.services.accounts.run((tx) => tx.routers.add(1, routerSettings({ name: 'hq-core' }), 'pw', new Date()))).id;
    const raised = waitForEvent(core.services.bus, 'tenant.1.notifications', (e) => e.name === 'NotificationRaised');
    core.services.bus.publish('RouterStatusChanged', { id, status: { ...UNKNOWN_STATUS, state: 'auth-failed', lastError: 'invalid user name or password (6)' } }, 1);
    expect((await raised).payload).toMatchObject({ rule: 'router-login-refused', title: 'Router hq-core refused the console’s login', desktop: true, subject: { type: 'router', id } });
  });
});
