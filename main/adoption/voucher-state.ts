/**
 * Where a mikhmon voucher stands, from what the router shows of it: unused until its first login,
 * active until its validity or a limit runs out, expired after.
 */
import { parseBoolean, parseDuration } from '../routers/client/values';
import type { RosRecord, VoucherState } from './import-types';
import { counter, isMikhmonExpired, limitBytes, userUptimeLimit } from './router-fields';

export interface VoucherTimeline {
  state: VoucherState;
  activatedAt: number | null;
  validUntil: number | null;
}

/**
 * `expiresAt`: the expiry mikhmon wrote into the comment at first login (null while it still
 * carries the batch stamp); `validitySeconds`: the profile's mikhmon validity.
 */
export function voucherTimeline(user: RosRecord, expiresAt: number | null, validitySeconds: number | null, now: number): VoucherTimeline {
  const uptime = parseDuration(user.uptime) ?? 0;
  const bytes = counter(user['bytes-in']) + counter(user['bytes-out']);
  const uptimeLimit = userUptimeLimit(user);
  const dataLimit = limitBytes(user['limit-bytes-total']);
  const over =
    isMikhmonExpired(user) ||
    parseBoolean(user.disabled) === true ||
    (expiresAt !== null && expiresAt <= now) ||
    (uptimeLimit !== null && uptime >= uptimeLimit) ||
    (dataLimit !== null && bytes >= dataLimit);
  const used = expiresAt !== null || uptime > 0 || bytes > 0;
  return {
    state: over ? 'expired' : used ? 'active' : 'unused',
    activatedAt: expiresAt !== null && validitySeconds !== null ? expiresAt - validitySeconds * 1000 : null,
    validUntil: expiresAt,
  };
}
