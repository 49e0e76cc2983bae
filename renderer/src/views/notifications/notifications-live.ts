import type { Result } from '../../../../main/contract/errors';
import type { NotificationSummary } from '../../../../main/notifications/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { toast } from '../../components/toast-store';
import { useAlertPreferences } from '../dashboard/alert-preferences';
import { showDesktopNotice } from './desktop-notice';
import { notificationHref, noticeTag } from './notification-links';
import { notificationsActions, resetNotificationsStore, useNotificationsStore, type ReadEvent } from './notifications-store';

/** The newest notifications the centre lists; the count covers older unread ones too. */
export const RECENT_NOTIFICATIONS = 100;

export interface NotificationsScope {
  tenantId: number;
  userId: number;
  /** System admins name the tenant in their invokes. */
  asSystemAdmin: boolean;
  /** Called with each notification new to this desk (the bell announces it). */
  onNew?: (notification: NotificationSummary) => void;
}

/**
 * The centre of the tenant on screen: one `notifications.list`, then NotificationRaised and
 * NotificationsRead on `tenant.{id}.notifications`; a gap or a reconnect refetches the list (so
 * the count is right again after it). A new notice whose rule asks for the desktop shows one,
 * when this computer has desktop notifications on. Returns the detach.
 */
export function attachNotifications({ tenantId, userId, asSystemAdmin, onNew }: NotificationsScope): () => void {
  resetNotificationsStore();
  const scope = asSystemAdmin ? { tenantId } : {};
  return attachLiveChannel({
    channel: `tenant.${tenantId}.notifications`,
    fetchSnapshot: () => api.invoke('notifications.list', { ...scope, limit: RECENT_NOTIFICATIONS }),
    onSnapshot: (data) => notificationsActions.snapshot(userId, data),
    onEvent: (name, payload) => {
      if (name === 'NotificationsRead') return notificationsActions.read(payload as ReadEvent);
      if (name !== 'NotificationRaised') return;
      const notification = payload as NotificationSummary;
      if (!notificationsActions.raised(notification)) return;
      onNew?.(notification);
      if (notification.desktop && useAlertPreferences.getState().desktop) {
        const href = notificationHref(notification, asSystemAdmin ? tenantId : null);
        showDesktopNotice({ title: notification.title, body: notification.body, tag: noticeTag(notification) }, () => {
          if (href) window.location.hash = href;
        });
      }
    },
    onError: notificationsActions.failed,
  });
}

/**
 * Marks read for this user; the answer's count is the backend's, and NotificationsRead repeats
 * it (harmlessly) here and tells the user's other desks.
 */
export async function markRead(tenantId: number, asSystemAdmin: boolean, which: { ids: number[] } | { all: true }): Promise<Result<{ unread: number }>> {
  const since = useNotificationsStore.getState().version;
  const result = await api.invoke('notifications.markRead', { ...(asSystemAdmin ? { tenantId } : {}), ...which });
  if (result.ok) notificationsActions.markedHere('ids' in which ? which.ids : 'all', result.data.unread, since);
  else toast('bad', `could not mark ${'ids' in which ? 'the notification' : 'the notifications'} read: ${result.error.message}`);
  return result;
}
