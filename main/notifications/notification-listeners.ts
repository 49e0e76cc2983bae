import type { PaymentSummary } from '../payments/contract';
import type { NotificationServices } from './notification-services';
import { raiseStaffNotificationNow } from './raise-staff-notification';
import { RouterWatch } from './router-watch';
import { RuleCache } from './rule-cache';
import { jobFailedForGood, paymentNotice } from './staff-notices';
import type { StaffNotice } from './notification-repository';
import type { StaffRule } from './settings-contract';

/** Queues whose jobs put things on routers: a failure there is "provisioning failed". */
const PROVISIONING_QUEUES = new Set(['hotspot-provisioning', 'router-provisioning', 'subscription-reconnection']);

/**
 * Staff rules fed by other domains' events (registered in main/events/listeners.ts):
 * - RouterStatusChanged → router down (after N s), back, refused login, CPU high (router-watch.ts);
 * - JobFailed, last attempt → provisioning failed (router queues) or job failed for good. The
 *   notifications queue's own jobs are left out: a failed delivery is in the delivery log, and
 *   telling staff about it through the same channels could go round in circles;
 * - PaymentUnmatched, PaymentReceived → payment unmatched / received.
 * Rules fed from inside a transaction (subscriber reconnected, webhook paused) call
 * raiseStaffNotification from their own code instead.
 */
export function notificationListeners(services: NotificationServices): Array<() => void> {
  const { bus, log } = services;
  const rules = new RuleCache(services.business);
  const watch = new RouterWatch(services, rules);
  /** Raises what `make` builds when the tenant's rule is on (checked first, from the cache: events come by the thousand). */
  const raise = (tenantId: number, rule: StaffRule, make: () => Promise<StaffNotice> | StaffNotice) =>
    rules
      .rule(tenantId, rule)
      .then(async (settings) => (settings.enabled ? raiseStaffNotificationNow(services, await make()) : null))
      .catch((error: unknown) => log.error('could not raise a staff notification', { tenantId, rule, error: String(error) }));
  const payment = (rule: 'payment-unmatched' | 'payment-received') => (p: PaymentSummary, meta: { tenantId?: number }) => {
    if (meta.tenantId === undefined) return;
    void raise(p.tenantId, rule, async () => paymentNotice(p, rule, await services.business.read((tx) => tx.tenants.settings(p.tenantId))));
  };
  return [
    bus.on('RouterStatusChanged', ({ id, status }, meta) => {
      if (meta.tenantId === undefined) return;
      watch.observe(meta.tenantId, id, status).catch((error: unknown) => log.error('could not follow a router for staff notifications', { tenantId: meta.tenantId, routerId: id, error: String(error) }));
    }),
    bus.on('NotificationSettingsChanged', ({ tenantId }) => rules.forget(tenantId)),
    bus.on('JobFailed', ({ items }, meta) => {
      // Each batch is published per tenant and again on the all-tenants channel: the tenant's one counts.
      if (meta.tenantId === undefined) return;
      for (const job of items) {
        if (job.willRetry || job.queue === 'notifications') continue;
        const rule = PROVISIONING_QUEUES.has(job.queue) ? 'provisioning-failed' : 'job-failed';
        void raise(meta.tenantId, rule, () => jobFailedForGood(meta.tenantId!, job, rule));
      }
    }),
    bus.on('PaymentUnmatched', payment('payment-unmatched')),
    bus.on('PaymentReceived', payment('payment-received')),
  ];
}
