import { maskIdentifier } from '../events/mask';
import type { JobSummary } from '../jobs/contract';
import type { PaymentSummary } from '../payments/contract';
import type { TenantSettings } from '../tenants/tenant-settings-contract';
import { priceText } from '../vouchers/card-texts-contract';
import type { StaffRule } from './contract';
import { maskContactsIn } from './delivery-summary';
import { localTime } from './message-templates';
import type { StaffNotice } from './notification-repository';

/**
 * The staff notification of each rule, worded once. Texts go to every user of the tenant and
 * into events, so they are masked here: subscribers' logins, payers' phones, and any email or
 * phone number inside an error. Keys name the occurrence (one notification per key).
 */

type Tenant = Pick<TenantSettings, 'locale' | 'timeZone'>;
interface RouterRef {
  tenantId: number;
  routerId: number;
  name: string;
}

const minutesText = (ms: number) => {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
};

export function routerDown(r: RouterRef & { since: number; lastError: string | null }, tenant: Tenant): StaffNotice {
  return {
    tenantId: r.tenantId,
    rule: 'router-down',
    key: `router-down:${r.routerId}:${r.since}`,
    severity: 'critical',
    title: `Router ${r.name} is down`,
    body: maskContactsIn(`Not reachable since ${localTime(r.since, tenant)}${r.lastError ? `: ${r.lastError}` : ''}.`),
    subject: { type: 'router', id: r.routerId, label: r.name },
  };
}

export function routerBack(r: RouterRef & { downSince: number; at: number }): StaffNotice {
  return {
    tenantId: r.tenantId,
    rule: 'router-back',
    key: `router-back:${r.routerId}:${r.downSince}`,
    severity: 'info',
    title: `Router ${r.name} is back`,
    body: `Online again after ${minutesText(r.at - r.downSince)} down.`,
    subject: { type: 'router', id: r.routerId, label: r.name },
  };
}

export function routerLoginRefused(r: RouterRef & { at: number; error: string | null }): StaffNotice {
  return {
    tenantId: r.tenantId,
    rule: 'router-login-refused',
    key: `router-login-refused:${r.routerId}:${r.at}`,
    severity: 'critical',
    title: `Router ${r.name} refused the console’s login`,
    body: maskContactsIn(`${r.error ?? 'The API user or password was refused'}: check the router’s API user, its password and its 'api' policy.`),
    subject: { type: 'router', id: r.routerId, label: r.name },
  };
}

export function routerCpuHigh(r: RouterRef & { since: number; at: number; cpuLoad: number; percent: number }): StaffNotice {
  return {
    tenantId: r.tenantId,
    rule: 'router-cpu-high',
    key: `router-cpu-high:${r.routerId}:${r.since}`,
    severity: 'warning',
    title: `Router ${r.name}: CPU at ${r.cpuLoad} %`,
    body: `Its CPU has been over ${r.percent} % for ${minutesText(r.at - r.since)}.`,
    subject: { type: 'router', id: r.routerId, label: r.name },
  };
}

/** A job that failed its last attempt; `rule` tells provisioning (router work) from the rest. */
export function jobFailedForGood(tenantId: number, job: Pick<JobSummary, 'id' | 'name' | 'queue' | 'attempts' | 'lastError'>, rule: Extract<StaffRule, 'provisioning-failed' | 'job-failed'>): StaffNotice {
  return {
    tenantId,
    rule,
    key: `${rule}:${job.id}:${job.attempts}`,
    severity: rule === 'provisioning-failed' ? 'critical' : 'warning',
    title: rule === 'provisioning-failed' ? `Provisioning failed: ${job.name}` : `Job failed for good: ${job.name}`,
    body: maskContactsIn(`${job.lastError ?? 'no error was recorded'} (job ${job.id} on ${job.queue}, ${job.attempts} attempts). Retry it from Jobs when the cause is fixed.`),
    subject: { type: 'job', id: job.id, label: job.name },
  };
}

/** `payment` as its event carries it (payer masked). */
export function paymentNotice(payment: PaymentSummary, rule: Extract<StaffRule, 'payment-unmatched' | 'payment-received'>, tenant: Pick<TenantSettings, 'locale'>): StaffNotice {
  const amount = priceText(payment.amountMinor, payment.currency, tenant.locale);
  const payer = payment.payerPhone ?? payment.payerName ?? 'unknown payer';
  const unmatched = rule === 'payment-unmatched';
  return {
    tenantId: payment.tenantId,
    rule,
    key: `${rule}:${payment.id}`,
    severity: unmatched ? 'warning' : 'info',
    title: unmatched ? `Payment ${payment.reference} matched no subscriber` : `Payment ${payment.reference} received`,
    body: unmatched
      ? `${amount} from ${payer}, account “${payment.accountReference ?? ''}”: assign it in Payments → Unmatched.`
      : `${amount} from ${payer} for ${payment.subscriberUsername ?? 'a subscriber'}.`,
    subject: { type: 'payment', id: payment.id, label: payment.reference },
  };
}

/**
 * A subscriber reconnected after a payment (for the lead's `SubscriptionReconnected`). `occasion`
 * names what reconnected it (e.g. `p42` for payment 42), so a replay raises nothing new.
 */
export function subscriberReconnected(s: { tenantId: number; subscriberId: number; username: string; planName: string | null; validUntil: number | null; occasion: string }, tenant: Tenant): StaffNotice {
  const login = maskIdentifier(s.username);
  return {
    tenantId: s.tenantId,
    rule: 'subscriber-reconnected',
    key: `subscriber-reconnected:${s.subscriberId}:${s.occasion}`,
    severity: 'info',
    title: `${login} is connected again`,
    body: `${s.planName ?? 'The plan'} is active${s.validUntil === null ? '' : ` until ${localTime(s.validUntil, tenant)}`}.`,
    subject: { type: 'subscriber', id: s.subscriberId, label: login },
  };
}

/** An event webhook subscription paused after failing in a row (for the webhooks engineer's `WebhookSubscriptionPaused`). */
export function webhookPaused(w: { tenantId: number; subscriptionId: number; url: string; failures: number; lastError: string | null; pausedAt: number }): StaffNotice {
  // The host only: a webhook's path often holds its token.
  const host = URL.canParse(w.url) ? new URL(w.url).host : 'its URL';
  return {
    tenantId: w.tenantId,
    rule: 'webhook-paused',
    key: `webhook-paused:${w.subscriptionId}:${w.pausedAt}`,
    severity: 'warning',
    title: `Event webhook to ${host} paused`,
    body: maskContactsIn(`It failed ${w.failures} times in a row${w.lastError ? ` (last: ${w.lastError})` : ''}. Fix the receiver, then resume it in Settings → Webhooks.`),
    subject: { type: 'webhook', id: w.subscriptionId, label: host },
  };
}

const GROUP_WORDS: Partial<Record<StaffRule, (n: number) => string>> = {
  'router-down': (n) => `${n} routers are down`,
  'router-back': (n) => `${n} routers are back`,
  'router-login-refused': (n) => `${n} routers refused the console’s login`,
};

/** Many notices of one rule in one window as one: the title counts them, the body names them. */
export function groupedNotice(notices: readonly StaffNotice[]): StaffNotice {
  const first = notices[0]!;
  const names = notices.map((n) => n.subject?.label ?? n.title);
  const shown = names.slice(0, 20).join(', ');
  return {
    tenantId: first.tenantId,
    rule: first.rule,
    key: `group:${first.key}:${notices.length}`,
    severity: first.severity,
    title: GROUP_WORDS[first.rule]?.(notices.length) ?? `${notices.length} × ${first.title}`,
    body: `${shown}${names.length > 20 ? ` and ${names.length - 20} more` : ''}.`,
    subject: null,
    count: notices.length,
  };
}
