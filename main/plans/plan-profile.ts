import { formatRateLimit, parseRateLimit } from '../adoption/rate-limit';
import { formatDuration, parseDuration } from '../routers/client/values';
import type { DriftField, PlanKind, RateLimit } from './contract';
import type { PlanRecord } from './plan-repository';

/** The menu that holds a plan on a router: a hotspot user profile or a PPP profile. */
export const profileMenu = (kind: PlanKind): string => (kind === 'hotspot' ? '/ip/hotspot/user/profile' : '/ppp/profile');

type Fields = Pick<PlanRecord, 'kind' | 'rateLimit' | 'sharedUsers' | 'uptimeLimitSeconds' | 'addressPool' | 'localAddress'>;

/**
 * A plan as RouterOS profile attributes, in RouterOS's own names: the fields the console manages
 * (anything else on the profile, such as an on-login script, is the router's own business).
 */
export function profileAttributes(plan: Fields): Record<string, string> {
  const common = {
    'rate-limit': plan.rateLimit ? formatRateLimit(plan.rateLimit) : '',
    'session-timeout': formatDuration(plan.uptimeLimitSeconds ?? 0),
  };
  if (plan.kind === 'hotspot') {
    return { ...common, 'shared-users': plan.sharedUsers === null ? 'unlimited' : String(plan.sharedUsers), 'address-pool': plan.addressPool ?? 'none' };
  }
  return { ...common, 'local-address': plan.localAddress ?? '', 'remote-address': plan.addressPool ?? '' };
}

/** The attributes a drift check reads. */
export const managedAttributes = (kind: PlanKind): string[] => Object.keys(profileAttributes({ kind, rateLimit: null, sharedUsers: null, uptimeLimitSeconds: null, addressPool: null, localAddress: null }));

/** Values that mean the same thing to RouterOS compare equal: `1h` = `01:00:00`, absent = default. */
export function sameProfileValue(attribute: string, wanted: string, seen: string | undefined): boolean {
  const value = seen ?? '';
  switch (attribute) {
    case 'session-timeout':
      return (parseDuration(wanted) ?? 0) === (parseDuration(value) ?? 0);
    case 'rate-limit': {
      const a = parseRateLimit(wanted);
      const b = parseRateLimit(value);
      if (isUnlimited(a) || isUnlimited(b)) return isUnlimited(a) && isUnlimited(b);
      return formatRateLimit(a!) === formatRateLimit(b!);
    }
    case 'address-pool':
      return (value === '' ? 'none' : value) === wanted;
    default:
      return value === wanted;
  }
}

const isUnlimited = (limit: RateLimit | null): boolean => limit === null || (limit.uploadBps === 0 && limit.downloadBps === 0);

/** The managed attributes whose value on the router differs from the plan's. */
export function profileDrift(plan: Fields, routerRow: Record<string, string>): DriftField[] {
  return Object.entries(profileAttributes(plan))
    .filter(([attribute, wanted]) => !sameProfileValue(attribute, wanted, routerRow[attribute]))
    .map(([attribute, wanted]) => ({ field: attribute, console: wanted, router: routerRow[attribute] ?? null }));
}

/** A profile edited on the router, read back as plan fields ("adopt"): only what drifted changes. */
export function planChangesFromRouter(kind: PlanKind, drift: readonly DriftField[]): Partial<Fields> {
  const changes: Partial<Fields> = {};
  for (const { field, router } of drift) {
    const value = router ?? '';
    if (field === 'rate-limit') {
      const limit = parseRateLimit(value);
      changes.rateLimit = isUnlimited(limit) ? null : limit;
    } else if (field === 'session-timeout') {
      const seconds = parseDuration(value) ?? 0;
      changes.uptimeLimitSeconds = seconds > 0 ? seconds : null;
    } else if (field === 'shared-users' && kind === 'hotspot') {
      changes.sharedUsers = value === 'unlimited' || value === '' ? null : Number(value);
    } else if (field === 'address-pool' || field === 'remote-address') {
      changes.addressPool = value === '' || value === 'none' ? null : value;
    } else if (field === 'local-address') {
      changes.localAddress = value === '' ? null : value;
    }
  }
  return changes;
}
