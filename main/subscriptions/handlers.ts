import type { SessionUser } from '../auth/session';
import { readScope, writeTenant } from '../auth/tenant-scope';
import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import { DEFAULT_REMINDER_OFFSETS, type subscriptionInvokes } from './contract';
import type { SubscriptionServices } from './subscription-services';

const actor = (user: SessionUser | null) => (user ? { id: user.id, username: user.username } : null);

export const subscriptionHandlers: DomainHandlers<keyof typeof subscriptionInvokes, Pick<SubscriptionServices, 'business'>> = {
  'subscriptions.settings': ({ tenantId }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    return services.business.read(async (tx) => {
      await tx.tenants.settings(tenant);
      return { tenantId: tenant, reminderOffsets: (await tx.subscriptionSettings.reminderOffsets(tenant)) ?? DEFAULT_REMINDER_OFFSETS };
    });
  },

  'subscriptions.updateSettings': ({ tenantId, reminderOffsets }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    const offsets = [...reminderOffsets].sort((a, b) => b - a);
    return services.business.run(async (tx) => {
      await tx.tenants.settings(tenant);
      await tx.subscriptionSettings.setReminderOffsets(tenant, offsets);
      await tx.audit.record({ at: Date.now(), tenantId: tenant, actor: actor(session.user), action: 'subscriptions.reminders_changed', details: { reminderOffsets: offsets } });
      return { tenantId: tenant, reminderOffsets: offsets };
    });
  },

  'subscriptions.reconnect': ({ subscriberId }, { services, session }) =>
    services.business.run(async (tx) => {
      const subscriber = await tx.subscribers.get(readScope(session), subscriberId);
      if (!subscriber) throw new DomainError('not_found', `Subscriber ${subscriberId} does not exist in your tenant.`);
      // Whatever its status now: active is enabled again, expired gets the plan's expiry behaviour.
      if (subscriber.accessChange === null) await tx.subscribers.setAccessChange(subscriberId, subscriber.status === 'expired' ? 'expire' : 'reconnect', Date.now());
      const { jobId } = await tx.jobs.enqueue('subscriptions.apply-access', { subscriberId }, { tenantId: subscriber.tenantId, uniqueKey: `subscriptions.apply-access:${subscriberId}` });
      return { jobId };
    }),
};
