import type { BusinessTx } from '../business/business-tx';
import type { EventBus } from '../events/event-bus';
import { EXTERNAL_CHANNELS, type NotificationSummary } from './contract';
import { staffRecipients } from './channel-send';
import { deliverySummary } from './delivery-summary';
import type { StaffNotice } from './notification-repository';
import type { NotificationServices } from './notification-services';
import { groupedNotice } from './staff-notices';
import { enqueueDelivery } from './deliver-job';

/**
 * Raises a staff notification inside the caller's transaction (a business change and its notice
 * commit together): stored for the centre when the rule asks for in-app or desktop (published as
 * NotificationRaised after the commit), and one delivery per external channel and staff recipient
 * of the rule, each sent by its own `notifications.deliver` job. Staff messages are never held by
 * quiet hours. Idempotent by the notice's key: raising it again stores and sends nothing new.
 * Returns the notification, or null when the rule is off or asks for no in-app/desktop.
 *
 * Build `notice` with staff-notices.ts (its texts are masked there), e.g.
 * `await raiseStaffNotification(tx, services.bus, subscriberReconnected({...}, tenant))`.
 */
export async function raiseStaffNotification(tx: BusinessTx, bus: Pick<EventBus, 'publish'>, notice: StaffNotice, now = Date.now()): Promise<NotificationSummary | null> {
  const { settings } = await tx.notifications.settings.get(notice.tenantId);
  const rule = settings.rules[notice.rule];
  if (!rule.enabled) return null;
  let raised: NotificationSummary | null = null;
  if (rule.channels.includes('in-app') || rule.channels.includes('desktop')) {
    const { notification, created } = await tx.notifications.centre.insert({ ...notice, desktop: rule.channels.includes('desktop') }, now);
    raised = { ...notification, read: false };
    const event = raised;
    if (created) tx.afterCommit(() => bus.publish('NotificationRaised', event, notice.tenantId));
  }
  for (const channel of EXTERNAL_CHANNELS) {
    if (!rule.channels.includes(channel)) continue;
    for (const recipient of staffRecipients(channel, settings)) {
      const { delivery, created } = await tx.notifications.deliveries.insert(
        { tenantId: notice.tenantId, key: notice.key, channel, recipient, recipientName: null, audience: 'staff', message: notice.rule, subject: notice.title, body: `${notice.title}\n${notice.body}`, status: 'queued', nextAttemptAt: null },
        now,
      );
      if (!created) continue;
      await enqueueDelivery(tx, delivery);
      const event = deliverySummary(delivery);
      tx.afterCommit(() => bus.publish('NotificationDeliveryUpdated', event, notice.tenantId));
    }
  }
  return raised;
}

/** The same in a transaction of its own, for code that has none (event listeners). */
export function raiseStaffNotificationNow(services: Pick<NotificationServices, 'business' | 'bus'>, notice: StaffNotice, now = Date.now()): Promise<NotificationSummary | null> {
  return services.business.run((tx) => raiseStaffNotification(tx, services.bus, notice, now));
}

/**
 * Puts a router state change into its rule's open window (opening one, and the job that closes
 * it, when there is none), so that many routers dropping together become one notification.
 */
export async function addToWindow(tx: BusinessTx, notice: StaffNotice, now: number): Promise<void> {
  const { settings } = await tx.notifications.settings.get(notice.tenantId);
  if (!settings.rules[notice.rule].enabled) return;
  let group = await tx.notifications.alerts.openGroup(notice.tenantId, notice.rule);
  if (!group) {
    const flushAt = now + settings.groupSeconds * 1000;
    group = { id: await tx.notifications.alerts.createGroup(notice.tenantId, notice.rule, flushAt), flushAt };
    await tx.jobs.enqueue('notifications.flush-window', { groupId: group.id }, { tenantId: notice.tenantId, runAt: new Date(flushAt) });
  }
  await tx.notifications.alerts.addToGroup(group.id, notice);
}

/** Closes a window: its one notice as it is, several as one grouped notice. A closed window sends nothing. */
export function flushWindow(services: Pick<NotificationServices, 'business' | 'bus'>, groupId: number, now = Date.now()): Promise<NotificationSummary | null> {
  return services.business.run(async (tx) => {
    const closed = await tx.notifications.alerts.closeGroup(groupId);
    if (!closed || closed.notices.length === 0) return null;
    const notice = closed.notices.length === 1 ? closed.notices[0]! : groupedNotice(closed.notices);
    return raiseStaffNotification(tx, services.bus, notice, now);
  });
}
