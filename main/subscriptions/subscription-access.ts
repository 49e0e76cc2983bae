import { enqueueCustomerMessage } from '../notifications/enqueue-customer-message';
import { withRouterLock } from '../provisioning/router-lock';
import { RouterRefusedError, RouterUnavailableError } from '../provisioning/router-unavailable';
import { endSessionsOf } from '../provisioning/session-kick';
import type { AccessChange } from '../subscribers/contract';
import { syncSubscriberOnRouter } from '../subscribers/subscriber-sync';
import { raiseStaffNotification } from '../notifications/raise-staff-notification';
import { subscriberReconnected } from '../notifications/staff-notices';
import { publishAfterCommit, subscriptionChange } from './subscription-change';
import type { SubscriptionServices } from './subscription-services';

export interface AccessOutcome {
  /** The change brought in line on every router (null: there was none to make). */
  done: AccessChange | null;
  /** Routers that are down: the change finishes when they are back (provisioning listeners). */
  waiting: string[];
  /** Routers that refused, in their words (the subscriber page shows them; retried by hand). */
  refused: string[];
}

/**
 * One router: the account as the subscriber's status says (enabled on its plan's profile, or the
 * plan's expiry behaviour), then its live sessions ended so the router applies it now and not at
 * the customer's next login. Both steps are desired state: run twice, the second changes nothing
 * but ends a session again, which is why a crash between them is harmless.
 */
async function bringRouterInLine(services: SubscriptionServices, subscriberId: number, routerId: number, kind: 'hotspot' | 'pppoe', login: string): Promise<void> {
  await withRouterLock(routerId, async () => {
    await syncSubscriberOnRouter(services, subscriberId, routerId);
    await endSessionsOf(services, routerId, kind, login);
  });
}

/** Clears the change once every router has it, and says so (a reconnection tells the customer, once per valid-until). */
async function finish(services: SubscriptionServices, subscriberId: number, change: AccessChange): Promise<boolean> {
  return services.business.run(async (tx) => {
    const current = await tx.subscribers.get(null, subscriberId);
    // A newer change (a payment during an expiry) is the next run's to finish.
    if (!current || current.accessChange !== change) return false;
    const now = Date.now();
    await tx.subscribers.setAccessChange(subscriberId, null, now);
    const latest = (await tx.subscribers.get(null, subscriberId))!;
    if (change === 'reconnect') {
      const plan = await tx.plans.get(latest.tenantId, latest.planId);
      const tenant = await tx.tenants.settings(latest.tenantId);
      const currency = plan?.currency ?? tenant.currency;
      await tx.subscribers.addHistory(latest.tenantId, subscriberId, 'reconnected', 'enabled again on every router; the old session ended', null, now);
      const validUntil = latest.validUntil === null ? null : Date.parse(latest.validUntil);
      await enqueueCustomerMessage(tx, latest.tenantId, { subscriberId, message: 'reconnected', key: `reconnected:s${subscriberId}:${validUntil ?? 'open'}`, facts: { validUntil, ...(plan ? { planName: plan.name } : {}) } });
      // Staff see it in the notification centre (the `subscriber-reconnected` rule), once per valid-until.
      await raiseStaffNotification(
        tx,
        services.bus,
        subscriberReconnected({ tenantId: latest.tenantId, subscriberId, username: latest.username, planName: plan?.name ?? null, validUntil, occasion: String(validUntil ?? 'open') }, tenant),
        now,
      );
      const reconnected = await subscriptionChange(tx, latest, { reason: 'payment', paymentId: null, chargedMinor: 0 }, currency);
      await publishAfterCommit(tx, services.bus, latest, { event: 'SubscriptionReconnected', change: reconnected });
    } else {
      // SubscriptionExpired went out when the time ran out (the sweep); here only the row changes.
      await publishAfterCommit(tx, services.bus, latest);
    }
    return true;
  });
}

/**
 * Brings every router of the subscriber in line with its access change (`reconnect` after a
 * payment, `expire` when its time ran out). Routers that are down or refuse leave the change
 * open: the subscriber shows "waiting for router" (its provisioning state) and the change is
 * finished when the router is back. A change that arrives while this runs is run here too (a few
 * rounds at most: each round reads the subscriber afresh).
 */
export async function applyAccessChange(services: SubscriptionServices, subscriberId: number): Promise<AccessOutcome> {
  const outcome: AccessOutcome = { done: null, waiting: [], refused: [] };
  for (let round = 0; round < 4; round += 1) {
    const subscriber = await services.business.read((tx) => tx.subscribers.get(null, subscriberId));
    if (!subscriber?.accessChange) return outcome;
    outcome.waiting = [];
    outcome.refused = [];
    for (const routerId of subscriber.routerIds) {
      try {
        await bringRouterInLine(services, subscriberId, routerId, subscriber.kind, subscriber.username);
      } catch (error) {
        if (error instanceof RouterUnavailableError) outcome.waiting.push(error.routerName);
        else if (error instanceof RouterRefusedError) outcome.refused.push(error.message);
        else throw error;
      }
    }
    if (outcome.waiting.length > 0 || outcome.refused.length > 0) return outcome;
    // Finished, or overtaken by a newer change: either way the next round looks again, because
    // the enqueue of a change made while this ran joined this run (same key) instead of queueing.
    if (await finish(services, subscriberId, subscriber.accessChange)) outcome.done = subscriber.accessChange;
  }
  return outcome;
}
