import {
  asBoolean,
  asDuration,
  asNumber,
  asText,
  date,
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

/** `/ppp/secret`, `/ppp/profile`, `/ppp/active`, `/interface/pppoe-server/server`. */

export interface PppSecret {
  id: string;
  name: string;
  /** any, pppoe, pptp, l2tp, ovpn, sstp, async */
  service: string;
  password: string | null;
  profile: string;
  callerId: string | null;
  localAddress: string | null;
  remoteAddress: string | null;
  limitBytesIn: number | null;
  limitBytesOut: number | null;
  comment: string | null;
  disabled: boolean;
  lastLoggedOut: string | null;
  lastCallerId: string | null;
  lastDisconnectReason: string | null;
}

const SECRET: RecordSpec<PppSecret> = {
  id: ['.id', text],
  name: ['name', text],
  service: ['service', (v) => v ?? 'any'],
  password: ['password', optText],
  profile: ['profile', text],
  callerId: ['caller-id', optText],
  localAddress: ['local-address', optText],
  remoteAddress: ['remote-address', optText],
  limitBytesIn: ['limit-bytes-in', num],
  limitBytesOut: ['limit-bytes-out', num],
  comment: ['comment', optText],
  disabled: ['disabled', flag],
  lastLoggedOut: ['last-logged-out', date],
  lastCallerId: ['last-caller-id', optText],
  lastDisconnectReason: ['last-disconnect-reason', optText],
};

export interface PppSecretInput {
  name: string;
  password?: string;
  service?: string;
  profile?: string;
  callerId?: string;
  localAddress?: string;
  remoteAddress?: string;
  limitBytesIn?: number;
  limitBytesOut?: number;
  comment?: string;
  disabled?: boolean;
}

const SECRET_INPUT: InputSpec<PppSecretInput> = {
  name: ['name', asText],
  password: ['password', asText],
  service: ['service', asText],
  profile: ['profile', asText],
  callerId: ['caller-id', asText],
  localAddress: ['local-address', asText],
  remoteAddress: ['remote-address', asText],
  limitBytesIn: ['limit-bytes-in', asNumber],
  limitBytesOut: ['limit-bytes-out', asNumber],
  comment: ['comment', asText],
  disabled: ['disabled', asBoolean],
};

export const pppSecrets = editableMenu('/ppp/secret', SECRET, SECRET_INPUT);

export interface PppProfile {
  id: string;
  name: string;
  localAddress: string | null;
  remoteAddress: string | null;
  rateLimit: string | null;
  sessionTimeoutSeconds: number | null;
  idleTimeoutSeconds: number | null;
  /** default | yes | no */
  onlyOne: string;
  dnsServer: string | null;
  onUp: string;
  onDown: string;
  comment: string | null;
  isDefault: boolean;
}

const PROFILE: RecordSpec<PppProfile> = {
  id: ['.id', text],
  name: ['name', text],
  localAddress: ['local-address', optText],
  remoteAddress: ['remote-address', optText],
  rateLimit: ['rate-limit', optText],
  sessionTimeoutSeconds: ['session-timeout', duration],
  idleTimeoutSeconds: ['idle-timeout', duration],
  onlyOne: ['only-one', (v) => v ?? 'default'],
  dnsServer: ['dns-server', optText],
  onUp: ['on-up', text],
  onDown: ['on-down', text],
  comment: ['comment', optText],
  isDefault: ['default', flag],
};

export interface PppProfileInput {
  name: string;
  localAddress?: string;
  remoteAddress?: string;
  rateLimit?: string;
  sessionTimeoutSeconds?: number;
  idleTimeoutSeconds?: number;
  onlyOne?: 'default' | 'yes' | 'no';
  dnsServer?: string;
  onUp?: string;
  onDown?: string;
  comment?: string;
}

const PROFILE_INPUT: InputSpec<PppProfileInput> = {
  name: ['name', asText],
  localAddress: ['local-address', asText],
  remoteAddress: ['remote-address', asText],
  rateLimit: ['rate-limit', asText],
  sessionTimeoutSeconds: ['session-timeout', asDuration],
  idleTimeoutSeconds: ['idle-timeout', asDuration],
  onlyOne: ['only-one', asText],
  dnsServer: ['dns-server', asText],
  onUp: ['on-up', asText],
  onDown: ['on-down', asText],
  comment: ['comment', asText],
};

export const pppProfiles = editableMenu('/ppp/profile', PROFILE, PROFILE_INPUT);

export interface PppSession {
  id: string;
  /** The secret (subscriber) name. */
  name: string;
  service: string;
  /** PPPoE: the client's MAC; PPTP/L2TP: its IP. */
  callerId: string;
  address: string;
  uptimeSeconds: number | null;
  encoding: string;
  sessionId: string;
  radius: boolean;
  limitBytesIn: number | null;
  limitBytesOut: number | null;
  /** From the `<pppoe-NAME>` interface (`rx-byte`: received from the subscriber); null until read. */
  bytesIn: number | null;
  bytesOut: number | null;
}

export const PPP_SESSION: RecordSpec<Omit<PppSession, 'bytesIn' | 'bytesOut'>> = {
  id: ['.id', text],
  name: ['name', text],
  service: ['service', text],
  callerId: ['caller-id', text],
  address: ['address', text],
  uptimeSeconds: ['uptime', duration],
  encoding: ['encoding', text],
  sessionId: ['session-id', text],
  radius: ['radius', flag],
  limitBytesIn: ['limit-bytes-in', num],
  limitBytesOut: ['limit-bytes-out', num],
};

/** Byte counters of the dynamic PPPoE interfaces, by session name (`<pppoe-cust001>` → `cust001`). */
export async function pppoeInterfaceCounters(c: RouterCaller): Promise<Map<string, { bytesIn: number; bytesOut: number }>> {
  const rows = await c.call(['/interface/print', '=.proplist=name,rx-byte,tx-byte', '?type=pppoe-in']);
  const out = new Map<string, { bytesIn: number; bytesOut: number }>();
  for (const row of rows) {
    const match = /^<pppoe-(.*)>$/.exec(row.name ?? '');
    if (match) out.set(match[1]!, { bytesIn: Number(row['rx-byte'] ?? 0), bytesOut: Number(row['tx-byte'] ?? 0) });
  }
  return out;
}

/** Active PPP sessions with PPPoE byte counters joined from their interfaces. */
export async function listPppSessions(c: RouterCaller): Promise<PppSession[]> {
  const [sessions, counters] = await Promise.all([printTyped(c, '/ppp/active', PPP_SESSION), pppoeInterfaceCounters(c)]);
  return sessions.map((s) => ({ ...s, bytesIn: counters.get(s.name)?.bytesIn ?? null, bytesOut: counters.get(s.name)?.bytesOut ?? null }));
}

/** Disconnects the session (`remove` on `/ppp/active`). */
export const kickPppSession = (c: RouterCaller, id: string) => removeItem(c, '/ppp/active', id);

export interface PppoeServer {
  id: string;
  serviceName: string;
  interface: string;
  defaultProfile: string;
  authentication: string;
  /** null = unlimited */
  maxSessions: number | null;
  oneSessionPerHost: boolean;
  keepaliveTimeoutSeconds: number | null;
  disabled: boolean;
}

const PPPOE_SERVER: RecordSpec<PppoeServer> = {
  id: ['.id', text],
  serviceName: ['service-name', text],
  interface: ['interface', text],
  defaultProfile: ['default-profile', text],
  authentication: ['authentication', text],
  maxSessions: ['max-sessions', (v) => num(v) || null],
  oneSessionPerHost: ['one-session-per-host', flag],
  keepaliveTimeoutSeconds: ['keepalive-timeout', num],
  disabled: ['disabled', flag],
};

export interface PppoeServerInput {
  serviceName: string;
  interface: string;
  defaultProfile?: string;
  authentication?: string;
  maxSessions?: number;
  oneSessionPerHost?: boolean;
  keepaliveTimeoutSeconds?: number;
  disabled?: boolean;
}

const PPPOE_SERVER_INPUT: InputSpec<PppoeServerInput> = {
  serviceName: ['service-name', asText],
  interface: ['interface', asText],
  defaultProfile: ['default-profile', asText],
  authentication: ['authentication', asText],
  maxSessions: ['max-sessions', asNumber],
  oneSessionPerHost: ['one-session-per-host', asBoolean],
  keepaliveTimeoutSeconds: ['keepalive-timeout', asNumber],
  disabled: ['disabled', asBoolean],
};

export const pppoeServers = editableMenu('/interface/pppoe-server/server', PPPOE_SERVER, PPPOE_SERVER_INPUT);
