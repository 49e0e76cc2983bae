import type { RosRecord } from '../types';
import { formatDate, parseDuration } from '../values';
import type { HotspotUserData } from './menus-hotspot';
import type { ModelContext } from './model-context';
import { type MikhmonScriptInput, mikhmonOnLogin } from './mikhmon-scripts';

/**
 * A router after months of mikhmon v3 (preset 'mikhmon'), for the console's import: priced user
 * profiles with mikhmon's on-login metadata, voucher batches in mikhmon's generateuser.php
 * conventions (`vc-<code>-<mm.dd.yy>-<note>` where username = password, `up-…` with a separate
 * password), some redeemed — their comment replaced by the expiry mikhmon's on-login wrote, in
 * the old `dec/21/2025 14:05:12` form while the router ran 6.x and in the ISO form after its
 * upgrade to 7.x — and PPPoE plans and customers. Fixed data, no randomness: tests elsewhere
 * compare an import against the exports below.
 */

export interface MikhmonProfile extends MikhmonScriptInput {
  rateLimit: string;
  sharedUsers: number;
}

export interface MikhmonUser {
  name: string;
  password: string;
  profile: string;
  /** As the router holds it: the batch comment, or the expiry written over it at first login. */
  comment: string;
  /** 'vc': username = password; 'up': a username and a separate password. */
  mode: 'vc' | 'up';
  /** The code of the batch it was generated in (gone from the router once the comment is an expiry). */
  batch: string;
  /** Expiry written into the comment, as ISO local time; undefined while unused or without expiry. */
  expires?: string;
  limitUptime?: string;
  limitBytesTotal?: number;
  macAddress?: string;
  /** Counters of its past sessions; 0 = never used. */
  uptimeMs: number;
  bytesIn: number;
  bytesOut: number;
}

export interface MikhmonPppProfile {
  name: string;
  localAddress: string;
  /** A pool of MIKHMON_PPP_POOLS. */
  remoteAddress: string;
  rateLimit: string;
}

export interface MikhmonPppSecret {
  name: string;
  password: string;
  profile: string;
  comment?: string;
  callerId?: string;
  disabled?: boolean;
}

export const MIKHMON_PROFILES: readonly MikhmonProfile[] = [
  { name: '3-Hours', expiryMode: 'rem', price: 5000, sellingPrice: 5000, validity: '3h', lockToMac: false, rateLimit: '1M/2M', sharedUsers: 1 },
  { name: '1-Day', expiryMode: 'ntf', price: 10000, sellingPrice: 12000, validity: '1d', lockToMac: false, rateLimit: '2M/4M', sharedUsers: 1 },
  { name: '7-Days', expiryMode: 'remc', price: 50000, sellingPrice: 55000, validity: '7d', lockToMac: true, rateLimit: '3M/6M', sharedUsers: 1 },
  { name: 'Member', expiryMode: 'noexp', price: 100000, validity: '', lockToMac: false, rateLimit: '5M/10M', sharedUsers: 2 },
];

interface Batch {
  mode: 'vc' | 'up';
  code: string;
  /** mm.dd.yy, as generateuser.php dates a batch. */
  generated: string;
  note: string;
  profile: string;
  limitUptime?: string;
  limitBytesTotal?: number;
}

interface Redemption {
  /** Expiry the on-login wrote into the comment (ISO local time); absent for a profile without expiry. */
  expires?: string;
  /** The router's date format when the on-login wrote it. */
  format?: 'old' | 'iso';
  uptime: string;
  bytesIn: number;
  bytesOut: number;
  macAddress?: string;
  /** What mikhmon's profile monitor set at expiry (notice mode: `1s`). */
  limitUptime?: string;
}

function user(batch: Batch, name: string, password: string, used?: Redemption): MikhmonUser {
  const expires = used?.expires;
  const comment = expires === undefined ? `${batch.mode}-${batch.code}-${batch.generated}-${batch.note}` : used?.format === 'old' ? formatDate(Date.parse(`${expires.replace(' ', 'T')}Z`), '6.49') : expires;
  const limitUptime = used?.limitUptime ?? batch.limitUptime;
  return {
    name,
    password,
    profile: batch.profile,
    comment,
    mode: batch.mode,
    batch: batch.code,
    ...(expires !== undefined ? { expires } : {}),
    ...(limitUptime !== undefined ? { limitUptime } : {}),
    ...(batch.limitBytesTotal !== undefined ? { limitBytesTotal: batch.limitBytesTotal } : {}),
    ...(used?.macAddress !== undefined ? { macAddress: used.macAddress } : {}),
    uptimeMs: used ? parseDuration(used.uptime)! : 0,
    bytesIn: used?.bytesIn ?? 0,
    bytesOut: used?.bytesOut ?? 0,
  };
}

const MB = 1_048_576;
// 6.x era: a 1-Day batch; the redeemed ones expired and mikhmon's notice mode capped them at 1s.
const B318: Batch = { mode: 'vc', code: '318', generated: '12.20.25', note: '', profile: '1-Day' };
// 7.x era: mikhmon's monitor cannot read ISO expiries, so redeemed vouchers stay as they were.
const B552: Batch = { mode: 'vc', code: '552', generated: '01.03.26', note: 'cafe', profile: '3-Hours', limitUptime: '3h' };
const B707: Batch = { mode: 'vc', code: '707', generated: '01.06.26', note: '', profile: '7-Days' };
const U864: Batch = { mode: 'up', code: '864', generated: '12.28.25', note: 'staff', profile: 'Member' };
const U913: Batch = { mode: 'up', code: '913', generated: '01.05.26', note: '', profile: '1-Day', limitBytesTotal: 5 * 1024 * MB };

/** 20 `vc-` vouchers (6 redeemed) and 5 `up-` users (2 used), in the order the router lists them. */
export const MIKHMON_USERS: readonly MikhmonUser[] = [
  user(B318, '482913', '482913', { expires: '2025-12-21 14:05:12', format: 'old', uptime: '3h12m', bytesIn: 38 * MB, bytesOut: 612 * MB, limitUptime: '1s' }),
  user(B318, '730158', '730158', { expires: '2025-12-22 09:41:03', format: 'old', uptime: '5h40m', bytesIn: 71 * MB, bytesOut: 1290 * MB, limitUptime: '1s' }),
  user(B318, '615204', '615204', { expires: '2025-12-24 19:20:47', format: 'old', uptime: '47m', bytesIn: 9 * MB, bytesOut: 150 * MB, limitUptime: '1s' }),
  user(B318, '904371', '904371'),
  user(B318, '268590', '268590'),
  user(B318, '351847', '351847'),
  user(B318, '779026', '779026'),
  user(B318, '143685', '143685'),
  user(B552, 'k7m2px', 'k7m2px', { expires: '2026-01-04 18:30:00', format: 'iso', uptime: '2h55m', bytesIn: 22 * MB, bytesOut: 480 * MB }),
  user(B552, 'r4t9wc', 'r4t9wc', { expires: '2026-01-05 11:02:37', format: 'iso', uptime: '1h10m', bytesIn: 12 * MB, bytesOut: 205 * MB }),
  user(B552, 'b8n3qe', 'b8n3qe'),
  user(B552, 'h2v6ya', 'h2v6ya'),
  user(B552, 'p9d4zs', 'p9d4zs'),
  user(B552, 'x3f7mk', 'x3f7mk'),
  user(B552, 'w5j8tu', 'w5j8tu'),
  user(B552, 'e6q2nr', 'e6q2nr'),
  user(B707, 'W7K2P9QX', 'W7K2P9QX', { expires: '2026-01-13 20:45:10', format: 'iso', uptime: '1d4h', bytesIn: 310 * MB, bytesOut: 5200 * MB, macAddress: 'F2:11:6A:3C:9D:40' }),
  user(B707, 'W7M4R8TB', 'W7M4R8TB'),
  user(B707, 'W7H6C3VN', 'W7H6C3VN'),
  user(B707, 'W7Z9E5LD', 'W7Z9E5LD'),
  user(U864, 'ayuqt', '40317', { uptime: '12h5m', bytesIn: 140 * MB, bytesOut: 2300 * MB }),
  user(U864, 'dewxn', '91852'),
  user(U864, 'rizfo', '27604'),
  user(U913, 'tomsk', '55120', { expires: '2026-01-07 08:12:40', format: 'iso', uptime: '6h30m', bytesIn: 95 * MB, bytesOut: 1800 * MB }),
  user(U913, 'lenub', '38871'),
];

export const MIKHMON_PPP_POOLS: readonly { name: string; ranges: string }[] = [
  { name: 'pppoe-5m-pool', ranges: '10.30.0.2-10.30.0.254' },
  { name: 'pppoe-10m-pool', ranges: '10.31.0.2-10.31.0.254' },
];

export const MIKHMON_PPP_PROFILES: readonly MikhmonPppProfile[] = [
  { name: 'PPPoE-5M', localAddress: '10.30.0.1', remoteAddress: 'pppoe-5m-pool', rateLimit: '2M/5M' },
  // With burst: rate, burst rate, burst threshold, burst time (RouterOS rate-limit order).
  { name: 'PPPoE-10M', localAddress: '10.31.0.1', remoteAddress: 'pppoe-10m-pool', rateLimit: '5M/10M 8M/15M 4M/8M 16/16' },
];

export const MIKHMON_PPP_SECRETS: readonly MikhmonPppSecret[] = [
  { name: 'budi-home', password: 'budi2024', profile: 'PPPoE-5M', comment: 'Budi, Jl. Melati 4' },
  { name: 'sari-shop', password: 'sari7788', profile: 'PPPoE-10M', comment: 'Toko Sari' },
  { name: 'andi-kost', password: 'andi1234', profile: 'PPPoE-5M', comment: 'unpaid since dec', disabled: true },
  { name: 'mawar-1', password: 'mawar111', profile: 'PPPoE-10M' },
  { name: 'mawar-2', password: 'mawar222', profile: 'PPPoE-10M', callerId: 'B0:A7:B9:12:34:56' },
];

const defined = (record: Record<string, string | undefined>): RosRecord =>
  Object.fromEntries(Object.entries(record).filter((e): e is [string, string] => e[1] !== undefined));

/** Adds the mikhmon install on top of the 'isp' seed's menus (pools, hotspot and PPPoE servers). */
export function seedMikhmon(m: ModelContext): void {
  for (const p of MIKHMON_PROFILES) {
    m.menu('/ip/hotspot/user/profile').insert(
      { name: p.name, 'rate-limit': p.rateLimit, 'shared-users': String(p.sharedUsers), 'status-autorefresh': '1m', 'on-login': mikhmonOnLogin(p) },
      undefined,
    );
  }
  for (const u of MIKHMON_USERS) {
    const values = defined({
      name: u.name,
      password: u.password,
      profile: u.profile,
      'mac-address': u.macAddress,
      'limit-uptime': u.limitUptime,
      'limit-bytes-total': u.limitBytesTotal?.toString(),
      comment: u.comment,
    });
    m.menu('/ip/hotspot/user').insert(values, { uptimeMs: u.uptimeMs, bytesIn: u.bytesIn, bytesOut: u.bytesOut } satisfies HotspotUserData);
  }
  for (const pool of MIKHMON_PPP_POOLS) m.menu('/ip/pool').insert({ ...pool }, undefined);
  for (const p of MIKHMON_PPP_PROFILES) {
    m.menu('/ppp/profile').insert({ name: p.name, 'local-address': p.localAddress, 'remote-address': p.remoteAddress, 'rate-limit': p.rateLimit, 'only-one': 'yes' }, undefined);
  }
  for (const s of MIKHMON_PPP_SECRETS) {
    const values = defined({ name: s.name, service: 'pppoe', 'caller-id': s.callerId, password: s.password, profile: s.profile, comment: s.comment, disabled: s.disabled ? 'true' : undefined });
    m.menu('/ppp/secret').insert(values, {});
  }
}
