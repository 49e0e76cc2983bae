import {
  asBoolean,
  asDuration,
  asNumber,
  asText,
  count,
  duration,
  editableMenu,
  flag,
  num,
  optText,
  printTyped,
  removeItem,
  text,
  type InputSpec,
  type RecordSpec,
  type RouterCaller,
} from './menu-io';

/** `/ip/hotspot` (servers), `/ip/hotspot/user`, `/ip/hotspot/user/profile`, `/ip/hotspot/active`. */

export interface HotspotServer {
  id: string;
  name: string;
  interface: string;
  addressPool: string | null;
  profile: string;
  idleTimeoutSeconds: number | null;
  addressesPerMac: number | null;
  disabled: boolean;
}

const SERVER: RecordSpec<HotspotServer> = {
  id: ['.id', text],
  name: ['name', text],
  interface: ['interface', text],
  addressPool: ['address-pool', (v) => (v === undefined || v === 'none' ? null : v)],
  profile: ['profile', text],
  idleTimeoutSeconds: ['idle-timeout', duration],
  addressesPerMac: ['addresses-per-mac', num],
  disabled: ['disabled', flag],
};

export const listHotspotServers = (c: RouterCaller) => printTyped(c, '/ip/hotspot', SERVER);

export interface HotspotUser {
  id: string;
  name: string;
  /** Server name or `all`. */
  server: string;
  profile: string;
  password: string | null;
  macAddress: string | null;
  limitUptimeSeconds: number | null;
  limitBytesIn: number | null;
  limitBytesOut: number | null;
  limitBytesTotal: number | null;
  comment: string | null;
  disabled: boolean;
  /** Cumulative use. */
  uptimeSeconds: number | null;
  bytesIn: number;
  bytesOut: number;
}

const USER: RecordSpec<HotspotUser> = {
  id: ['.id', text],
  name: ['name', text],
  server: ['server', (v) => v ?? 'all'],
  profile: ['profile', text],
  password: ['password', optText],
  macAddress: ['mac-address', optText],
  limitUptimeSeconds: ['limit-uptime', duration],
  limitBytesIn: ['limit-bytes-in', num],
  limitBytesOut: ['limit-bytes-out', num],
  limitBytesTotal: ['limit-bytes-total', num],
  comment: ['comment', optText],
  disabled: ['disabled', flag],
  uptimeSeconds: ['uptime', duration],
  bytesIn: ['bytes-in', count],
  bytesOut: ['bytes-out', count],
};

export interface HotspotUserInput {
  name: string;
  password?: string;
  profile?: string;
  server?: string;
  macAddress?: string;
  limitUptimeSeconds?: number;
  limitBytesIn?: number;
  limitBytesOut?: number;
  limitBytesTotal?: number;
  comment?: string;
  disabled?: boolean;
}

const USER_INPUT: InputSpec<HotspotUserInput> = {
  name: ['name', asText],
  password: ['password', asText],
  profile: ['profile', asText],
  server: ['server', asText],
  macAddress: ['mac-address', asText],
  limitUptimeSeconds: ['limit-uptime', asDuration],
  limitBytesIn: ['limit-bytes-in', asNumber],
  limitBytesOut: ['limit-bytes-out', asNumber],
  limitBytesTotal: ['limit-bytes-total', asNumber],
  comment: ['comment', asText],
  disabled: ['disabled', asBoolean],
};

export const hotspotUsers = editableMenu('/ip/hotspot/user', USER, USER_INPUT);

export interface HotspotUserProfile {
  id: string;
  name: string;
  /** `rx/tx` from the router's view, e.g. `512k/1M`. */
  rateLimit: string | null;
  /** null = unlimited */
  sharedUsers: number | null;
  sessionTimeoutSeconds: number | null;
  idleTimeoutSeconds: number | null;
  keepaliveTimeoutSeconds: number | null;
  addressPool: string | null;
  onLogin: string;
  onLogout: string;
  isDefault: boolean;
}

const USER_PROFILE: RecordSpec<HotspotUserProfile> = {
  id: ['.id', text],
  name: ['name', text],
  rateLimit: ['rate-limit', optText],
  sharedUsers: ['shared-users', num],
  sessionTimeoutSeconds: ['session-timeout', duration],
  idleTimeoutSeconds: ['idle-timeout', duration],
  keepaliveTimeoutSeconds: ['keepalive-timeout', duration],
  addressPool: ['address-pool', (v) => (v === undefined || v === 'none' ? null : v)],
  onLogin: ['on-login', text],
  onLogout: ['on-logout', text],
  isDefault: ['default', flag],
};

export interface HotspotUserProfileInput {
  name: string;
  rateLimit?: string;
  /** Omit for the router default (1); a number of simultaneous logins. */
  sharedUsers?: number;
  sessionTimeoutSeconds?: number;
  idleTimeoutSeconds?: number;
  keepaliveTimeoutSeconds?: number;
  addressPool?: string;
  onLogin?: string;
  onLogout?: string;
}

const USER_PROFILE_INPUT: InputSpec<HotspotUserProfileInput> = {
  name: ['name', asText],
  rateLimit: ['rate-limit', asText],
  sharedUsers: ['shared-users', asNumber],
  sessionTimeoutSeconds: ['session-timeout', asDuration],
  idleTimeoutSeconds: ['idle-timeout', asDuration],
  keepaliveTimeoutSeconds: ['keepalive-timeout', asDuration],
  addressPool: ['address-pool', asText],
  onLogin: ['on-login', asText],
  onLogout: ['on-logout', asText],
};

export const hotspotUserProfiles = editableMenu('/ip/hotspot/user/profile', USER_PROFILE, USER_PROFILE_INPUT);

export interface HotspotSession {
  id: string;
  server: string;
  user: string;
  address: string;
  macAddress: string;
  loginBy: string;
  uptimeSeconds: number | null;
  /** Only when a limit applies. */
  sessionTimeLeftSeconds: number | null;
  idleTimeSeconds: number | null;
  idleTimeoutSeconds: number | null;
  keepaliveTimeoutSeconds: number | null;
  bytesIn: number;
  bytesOut: number;
  packetsIn: number;
  packetsOut: number;
  radius: boolean;
  blocked: boolean;
  comment: string | null;
}

export const HOTSPOT_SESSION: RecordSpec<HotspotSession> = {
  id: ['.id', text],
  server: ['server', text],
  user: ['user', text],
  address: ['address', text],
  macAddress: ['mac-address', text],
  loginBy: ['login-by', text],
  uptimeSeconds: ['uptime', duration],
  sessionTimeLeftSeconds: ['session-time-left', duration],
  idleTimeSeconds: ['idle-time', duration],
  idleTimeoutSeconds: ['idle-timeout', duration],
  keepaliveTimeoutSeconds: ['keepalive-timeout', duration],
  bytesIn: ['bytes-in', count],
  bytesOut: ['bytes-out', count],
  packetsIn: ['packets-in', count],
  packetsOut: ['packets-out', count],
  radius: ['radius', flag],
  blocked: ['blocked', flag],
  comment: ['comment', optText],
};

export const listHotspotSessions = (c: RouterCaller) => printTyped(c, '/ip/hotspot/active', HOTSPOT_SESSION);
/** Disconnects the session (`remove` on `/ip/hotspot/active`). */
export const kickHotspotSession = (c: RouterCaller, id: string) => removeItem(c, '/ip/hotspot/active', id);
