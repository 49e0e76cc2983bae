/**
 * What mikhmon writes into a hotspot user's `comment`. Its generator stamps each batch
 * `<mode>-<3 random digits>-<mm.dd.yy>-<note>`, mode `vc` (voucher: username = password) or `up`
 * (username and password). At first login the profile's on-login script replaces that comment
 * with the account's expiry, in the router's date format: `jan/02/2024 10:00:00` before RouterOS
 * 7.10, `2024-01-02 10:00:00` after.
 */
import { parseRouterDate } from '../routers/client/values';
import { wallTimeToEpoch } from './zoned-time';

export interface MikhmonComment {
  kind: 'voucher' | 'user-password' | 'other';
  /** The batch a generated account came from: its comment (mikhmon groups by it). */
  batch: string | null;
  /** Epoch ms of the expiry mikhmon wrote at first login. */
  expiresAt: number | null;
}

/**
 * Classifies a comment; dates are read as wall time in `timeZone`, the zone the router's clock
 * runs in (the tenant's). An unknown zone: RangeError, as the tenant's zone is checked when set.
 */
export function classifyMikhmonComment(comment: string | undefined, timeZone: string): MikhmonComment {
  const text = (comment ?? '').trim();
  const prefix = text.slice(0, 3).toLowerCase();
  if (prefix === 'vc-' || prefix === 'up-') {
    // `vc-123-07.14.23-` (no note) keeps its trailing dash on the router; the label drops it.
    return { kind: prefix === 'vc-' ? 'voucher' : 'user-password', batch: text.replace(/-+$/, ''), expiresAt: null };
  }
  const wallTime = parseRouterDate(text);
  // mikhmon always writes a time; a bare date is someone's note, not its expiry.
  const expiresAt = wallTime?.includes('T') ? wallTimeToEpoch(wallTime, timeZone) : null;
  return { kind: 'other', batch: null, expiresAt };
}
