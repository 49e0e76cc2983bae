import { formatDuration } from '../routers/client/values';
import type { PlanRecord } from '../plans/plan-repository';
import type { SubscriberRecord } from './subscriber-repository';

/** RouterOS's "no MAC address": a hotspot user without a device lock. */
export const ANY_MAC = '00:00:00:00:00:00';

/** The subscriber's account on a router is found by this comment, so a renamed username is still found. */
export const subscriberComment = (id: number): string => `noc-s${id}`;

export const accountMenu = (kind: SubscriberRecord['kind']): string => (kind === 'hotspot' ? '/ip/hotspot/user' : '/ppp/secret');

/** What the account should be on the router; null: it should not be there (expired under a "remove" plan). */
export function accountAttributes(subscriber: SubscriberRecord, password: string, plan: PlanRecord): Record<string, string> | null {
  const expired = subscriber.status === 'expired';
  if (expired && plan.expiry === 'remove') return null;
  const profile = expired && plan.expiry === 'move' && plan.expiredProfile ? plan.expiredProfile : plan.name;
  const disabled = subscriber.status === 'disabled' || (expired && plan.expiry === 'disable');
  const common = { name: subscriber.username, password, profile, disabled: disabled ? 'yes' : 'no', comment: subscriberComment(subscriber.id) };
  if (subscriber.kind === 'pppoe') return { ...common, service: 'pppoe', 'caller-id': subscriber.macLock ?? '' };
  return {
    ...common,
    'mac-address': subscriber.macLock ?? ANY_MAC,
    'limit-uptime': formatDuration(plan.uptimeLimitSeconds ?? 0),
    'limit-bytes-total': String(plan.dataLimitBytes ?? 0),
  };
}

/** Router booleans print as true/false, we send yes/no; durations print normalised; zero limits may be absent. */
function same(attribute: string, wanted: string, seen: string | undefined): boolean {
  const value = seen ?? '';
  if (attribute === 'disabled') return (wanted === 'yes') === (value === 'true' || value === 'yes');
  if (attribute === 'limit-uptime') return (value === '' ? '0s' : value) === wanted;
  if (attribute === 'limit-bytes-total') return (value === '' ? '0' : value) === wanted;
  if (attribute === 'mac-address') return (value === '' ? ANY_MAC : value.toUpperCase()) === wanted;
  return value === wanted;
}

/** The attributes to `set` so the router's account matches (empty: it does). */
export function accountChanges(wanted: Record<string, string>, seen: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(wanted).filter(([attribute, value]) => !same(attribute, value, seen[attribute])));
}
