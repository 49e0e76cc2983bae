import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { BusinessTx } from '../business/business-tx';
import { enqueueCustomerMessage } from '../notifications/enqueue-customer-message';
import type { EventBus } from '../events/event-bus';
import type { PlanRecord } from '../plans/plan-repository';
import type { DueCursor, DueSubscriber } from '../subscribers/subscriber-repository';
import { DEFAULT_REMINDER_OFFSETS } from './contract';
import { reminderToSend } from './reminder-schedule';
import { publishAfterCommit, subscriptionChange } from './subscription-change';
import { extendSubscription, renewable } from './subscription-extension';
import type { SubscriptionServices } from './subscription-services';

type Services = Pick<SubscriptionServices, 'business' | 'bus'>;

/** Subscribers handled per unit of work: small enough that the main thread's loop lag stays low, large enough to be quick. */
const CHUNK = 50;
/** A day reminder can be due up to a day earlier than its offset (09:00 on the calendar day), so candidates come from a day further out. */
const DAY_MS = 86_400_000;

export interface SubscriptionSweep {
  expired: number;
  renewed: number;
  reminded: number;
}

/** Per unit of work: plans and tenants' settings read once. */
class SweepCache {
  private readonly plans = new Map<number, Promise<PlanRecord | null>>();
  private readonly zones = new Map<number, Promise<{ timeZone: string; offsets: number[] }>>();
  constructor(private readonly tx: BusinessTx) {}
  plan(tenantId: number, planId: number) {
    if (!this.plans.has(planId)) this.plans.set(planId, this.tx.plans.get(tenantId, planId));
    return this.plans.get(planId)!;
  }
  tenant(tenantId: number) {
    if (!this.zones.has(tenantId)) {
      this.zones.set(
        tenantId,
        (async () => ({ timeZone: (await this.tx.tenants.settings(tenantId)).timeZone, offsets: (await this.tx.subscriptionSettings.reminderOffsets(tenantId)) ?? DEFAULT_REMINDER_OFFSETS }))(),
      );
    }
    return this.zones.get(tenantId)!;
  }
}

/**
 * A subscription whose time is up: renewed from the balance when its plan says so and the balance
 * covers the price, else expired — status, history, the customer's message (once per valid-until)
 * and `subscriptions.apply-access` to give its routers the plan's expiry behaviour and end its
 * session, all in one transaction.
 */
async function expireOrRenew(tx: BusinessTx, bus: Pick<EventBus, 'publish'>, cache: SweepCache, due: DueSubscriber, now: number): Promise<'expired' | 'renewed' | null> {
  const subscriber = await tx.subscribers.get(due.tenantId, due.id);
  if (!subscriber || subscriber.status !== 'active') return null;
  const plan = await cache.plan(due.tenantId, due.planId);
  if (renewable(plan) && plan.autoRenew && plan.priceMinor > 0) {
    const balance = await tx.ledger.balance(due.tenantId, due.id);
    if (balance >= plan.priceMinor) {
      await extendSubscription(tx, bus, subscriber, plan, null, balance, now);
      return 'renewed';
    }
  }
  const { id, tenantId } = subscriber;
  const expired = await tx.subscribers.update(id, { status: 'expired' }, now);
  await tx.subscribers.setAccessChange(id, 'expire', now);
  await tx.subscribers.addHistory(tenantId, id, 'expired', `the subscription ended (${subscriber.validUntil}); ${plan ? `the plan says ${plan.expiry}` : 'no plan'}`, null, now);
  await tx.jobs.enqueue('subscriptions.apply-access', { subscriberId: id }, { tenantId, uniqueKey: `subscriptions.apply-access:${id}` });
  await enqueueCustomerMessage(tx, tenantId, {
    subscriberId: id,
    message: 'expired',
    key: `expired:s${id}:${due.validUntil}`,
    facts: { validUntil: due.validUntil, ...(plan ? { planName: plan.name, amountMinor: plan.priceMinor, currency: plan.currency } : {}) },
  });
  const latest = { ...expired, accessChange: 'expire' as const };
  const change = await subscriptionChange(tx, latest, { reason: 'expiry', paymentId: null, chargedMinor: 0 }, plan?.currency ?? (await tx.tenants.settings(tenantId)).currency);
  await publishAfterCommit(tx, bus, latest, { event: 'SubscriptionExpired', change });
  return 'expired';
}

/** The reminder due now for a subscription that runs out soon, once per offset and valid-until. */
async function remind(tx: BusinessTx, cache: SweepCache, candidate: DueSubscriber, now: number): Promise<boolean> {
  const { timeZone, offsets } = await cache.tenant(candidate.tenantId);
  const offset = reminderToSend(candidate.validUntil, candidate.remindedOffset, offsets, timeZone, now);
  if (offset === null) return false;
  await tx.subscribers.setReminded(candidate.id, offset);
  await tx.subscribers.addHistory(candidate.tenantId, candidate.id, 'reminded', `reminded ${offset} s before the end`, null, now);
  const plan = await cache.plan(candidate.tenantId, candidate.planId);
  await enqueueCustomerMessage(tx, candidate.tenantId, {
    subscriberId: candidate.id,
    message: 'expiry-reminder',
    key: `reminder:s${candidate.id}:${candidate.validUntil}:${offset}`,
    facts: { validUntil: candidate.validUntil, ...(plan ? { planName: plan.name, amountMinor: plan.priceMinor, currency: plan.currency } : {}) },
  });
  return true;
}

/** Pages through rows in valid-until order, one unit of work per page, yielding to the event loop between pages. */
async function inChunks(
  services: Services,
  page: (tx: BusinessTx, after: DueCursor | null) => Promise<DueSubscriber[]>,
  each: (tx: BusinessTx, cache: SweepCache, row: DueSubscriber) => Promise<unknown>,
): Promise<unknown[]> {
  const results: unknown[] = [];
  let after: DueCursor | null = null;
  for (;;) {
    const rows: DueSubscriber[] = await services.business.run(async (tx) => {
      const cache = new SweepCache(tx);
      const found = await page(tx, after);
      for (const row of found) results.push(await each(tx, cache, row));
      return found;
    });
    if (rows.length < CHUNK) return results;
    after = rows.at(-1)!;
    await yieldToLoop();
  }
}

/**
 * Steps of the chain whose job was lost give themselves a new one: a payment its apply job missed
 * (it landed after the job's last read), an access change whose job failed for good (crashes in
 * the middle of it, attempt after attempt). Changes waiting for a router are the router-back
 * listener's; queued jobs are joined by their keys, not doubled.
 */
async function resumeStalledSteps(services: Services, now: number): Promise<void> {
  await services.business.run(async (tx) => {
    for (const tenantId of await tx.payments.tenantsWithUnapplied(now - 60_000)) {
      await tx.jobs.enqueue('payments.apply', { tenantId }, { tenantId, uniqueKey: `payments.apply:t${tenantId}` });
    }
    for (const { id, tenantId } of await tx.subscribers.stalledAccessChanges(now - 5 * 60_000, 200)) {
      await tx.jobs.enqueue('subscriptions.apply-access', { subscriberId: id }, { tenantId, uniqueKey: `subscriptions.apply-access:${id}` });
    }
  });
}

/**
 * The minute's sweep over every tenant: subscriptions past their time expire (or renew from the
 * balance), and those running out soon get their reminders. Idempotent: what it did is in the
 * rows it changed, so a sweep after a crash picks up exactly what is left.
 */
export async function sweepSubscriptions(services: Services, now = Date.now()): Promise<SubscriptionSweep> {
  await resumeStalledSteps(services, now);
  const outcomes = await inChunks(
    services,
    (tx, after) => tx.subscribers.due(now, after, CHUNK),
    (tx, cache, row) => expireOrRenew(tx, services.bus, cache, row, now),
  );
  // Candidates lie within the largest reminder any tenant has (plus a day for calendar days) and
  // have not had the smallest one yet; each tenant's own offsets then decide.
  const bounds = await services.business.read((tx) => tx.subscriptionSettings.offsetBounds(DEFAULT_REMINDER_OFFSETS));
  if (bounds === null) return { expired: count(outcomes, 'expired'), renewed: count(outcomes, 'renewed'), reminded: 0 };
  const reminded = await inChunks(
    services,
    (tx, after) => tx.subscribers.expiringBetween(now, now + bounds.max * 1000 + DAY_MS, bounds.min, after, CHUNK),
    (tx, cache, row) => remind(tx, cache, row, now),
  );
  return { expired: count(outcomes, 'expired'), renewed: count(outcomes, 'renewed'), reminded: count(reminded, true) };
}

const count = (outcomes: unknown[], value: unknown) => outcomes.filter((o) => o === value).length;
