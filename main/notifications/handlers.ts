import { readScope, writeTenant } from '../auth/tenant-scope';
import type { Session } from '../auth/session';
import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import type { notificationInvokes } from './contract';
import { deliverySummary } from './delivery-summary';
import type { NotificationServices } from './notification-services';
import { applySettingsUpdate } from './settings-update';
import { settingsView } from './settings-view';
import { sendTest } from './test-send';

const userOf = (session: Session) => {
  if (!session.user) throw new DomainError('unauthenticated', 'sign in first');
  return session.user;
};
const isAdmin = (session: Session) => session.user?.role === 'system_admin' || session.user?.role === 'tenant_admin';
/** The tenant a list reads: the user's own, or the one a system admin names (null: all). */
const listScope = (session: Session, tenantId: number | undefined) => readScope(session) ?? tenantId ?? null;

export const notificationHandlers: DomainHandlers<keyof typeof notificationInvokes, Pick<NotificationServices, 'business' | 'bus'>> = {
  'notifications.list': ({ tenantId, unreadOnly, before, limit }, { services, session }) => {
    const user = userOf(session);
    const scope = listScope(session, tenantId);
    return services.business.read(async (tx) => ({
      notifications: await tx.notifications.centre.list(scope, user.id, { unreadOnly, before, limit }),
      unread: await tx.notifications.centre.unread(scope, user.id),
    }));
  },

  'notifications.markRead': (input, { services, session }) => {
    const user = userOf(session);
    const scope = listScope(session, input.tenantId);
    return services.business.run(async (tx) => {
      let ids: number[] | 'all' = 'all';
      if ('all' in input) await tx.notifications.centre.markAllRead(scope, user.id);
      else ids = await tx.notifications.centre.markRead(scope, user.id, input.ids);
      const unread = await tx.notifications.centre.unread(scope, user.id);
      // The user's other desks follow (others on the channel ignore another user's reads).
      if (ids === 'all' || ids.length > 0) tx.afterCommit(() => services.bus.publish('NotificationsRead', { userId: user.id, ids, unread }, scope ?? undefined));
      return { unread };
    });
  },

  'notifications.settings': ({ tenantId }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    return services.business.read(async (tx) => {
      await tx.tenants.settings(tenant);
      const { settings, updatedAt } = await tx.notifications.settings.get(tenant);
      return settingsView(tenant, settings, updatedAt, isAdmin(session));
    });
  },

  'notifications.updateSettings': (input, { services, session }) => {
    const tenant = writeTenant(session, input.tenantId);
    return services.business.run(async (tx) => {
      await tx.tenants.settings(tenant);
      const current = await tx.notifications.settings.get(tenant);
      const next = applySettingsUpdate(current.settings, await tx.notifications.settings.secrets(tenant), input);
      const now = Date.now();
      await tx.notifications.settings.save(tenant, next.settings, next.secrets, now);
      const configured = Object.entries(next.settings.channels).filter(([, c]) => c !== null).map(([name]) => name);
      // What changed, never a secret or a recipient.
      await tx.audit.record({ at: now, tenantId: tenant, actor: session.user, action: 'settings.updated', target: { type: 'settings', id: tenant, label: 'notifications' }, details: { sections: next.sections, channels: configured } });
      const updatedAt = new Date(now).toISOString();
      tx.afterCommit(() => services.bus.publish('NotificationSettingsChanged', { tenantId: tenant, updatedAt }, tenant));
      return settingsView(tenant, next.settings, now, true);
    });
  },

  'notifications.test': ({ tenantId, channel, to }, { services, session }) => sendTest(services, writeTenant(session, tenantId), channel, to),

  'notifications.deliveries': ({ tenantId, status, channel, message, limit }, { services, session }) =>
    services.business.read(async (tx) => ({ deliveries: (await tx.notifications.deliveries.list(listScope(session, tenantId), { status, channel, message, limit })).map(deliverySummary) })),
};
