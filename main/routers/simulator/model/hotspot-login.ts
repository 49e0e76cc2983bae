import type { HotspotActiveData, HotspotUserData } from './menus-hotspot';
import { hotspotUsage, limitReached, sharedUsers, userLimits } from './hotspot-limits';
import type { Menu, MenuRow } from './menu';

/**
 * The checks a hotspot login passes against the local user database, and the words the login
 * page shows when one fails: RouterOS's default hotspot `errors.txt` (keys invalid-username,
 * invalid-mac, uptime-limit, traffic-limit, user-session-limit).
 */
export const HOTSPOT_LOGIN_ERRORS = {
  invalidUser: 'invalid username or password',
  invalidMac: (user: string) => `user ${user} is not allowed to log in from this MAC address`,
  uptimeLimit: (user: string) => `user ${user} has reached uptime limit`,
  trafficLimit: (user: string) => `user ${user} has reached traffic limit`,
  sessionLimit: (user: string) => `no more sessions are allowed for user ${user}`,
} as const;

/** What the checks read from the model. */
export interface HotspotLoginState {
  readonly clockMs: number;
  users(): Menu<HotspotUserData>;
  userProfiles(): Menu<unknown>;
  /** The user's sessions online now. */
  sessionsOf(user: string): ReadonlySet<MenuRow<HotspotActiveData>>;
}

export interface LoginAttempt {
  user: string;
  password: string;
  macAddress: string;
  server: string;
}

/** The device a user is locked to; RouterOS writes `00:00:00:00:00:00` (or nothing) for none. */
export function macLockOf(values: Record<string, string>): string | undefined {
  const mac = values['mac-address'];
  return mac && mac !== '00:00:00:00:00:00' ? mac : undefined;
}

/** Why RouterOS would refuse this login (its login page text), or undefined if it lets it in. */
export function refuseHotspotLogin(state: HotspotLoginState, attempt: LoginAttempt): string | undefined {
  const user = state.users().find(attempt.user);
  // A disabled user is not looked up at all, so the browser hears what an unknown name gets.
  if (!user || user.values.name !== attempt.user || user.values.disabled === 'true') return HOTSPOT_LOGIN_ERRORS.invalidUser;
  if ((user.values.password ?? '') !== attempt.password) return HOTSPOT_LOGIN_ERRORS.invalidUser;
  const server = user.values.server ?? 'all';
  if (server !== 'all' && server !== attempt.server) return HOTSPOT_LOGIN_ERRORS.invalidUser;
  const lockedTo = macLockOf(user.values);
  if (lockedTo && lockedTo.toUpperCase() !== attempt.macAddress.toUpperCase()) return HOTSPOT_LOGIN_ERRORS.invalidMac(attempt.user);
  const online = state.sessionsOf(attempt.user);
  const hit = limitReached(userLimits(user.values), hotspotUsage(user, online, state.clockMs));
  if (hit === 'uptime') return HOTSPOT_LOGIN_ERRORS.uptimeLimit(attempt.user);
  if (hit === 'traffic') return HOTSPOT_LOGIN_ERRORS.trafficLimit(attempt.user);
  const profile = state.userProfiles().find(user.values.profile ?? 'default');
  if (online.size >= sharedUsers(profile?.values)) return HOTSPOT_LOGIN_ERRORS.sessionLimit(attempt.user);
  return undefined;
}

/**
 * A voucher nobody has redeemed yet: mikhmon's `vc-` comment (its on-login replaces the comment
 * with the expiry date at first login), no uptime, not online. Only voucher logins use these, so
 * counts of unused vouchers stay what the test or the operator made them.
 */
export function isUnusedVoucher(state: HotspotLoginState, user: MenuRow<HotspotUserData>): boolean {
  return (user.values.comment ?? '').startsWith('vc-') && user.data.uptimeMs === 0 && state.sessionsOf(user.values.name ?? '').size === 0;
}
