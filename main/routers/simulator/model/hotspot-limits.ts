import type { RosRecord } from '../types';
import { parseDuration } from '../values';
import type { HotspotActiveData, HotspotUserData } from './menus-hotspot';
import type { MenuRow } from './menu';

/**
 * A hotspot user's limits against what it has used: the counters of its finished sessions plus
 * its sessions still online. Counters grow linearly between ticks (see flow.ts), so the moment a
 * limit was crossed inside a long tick is exact, and the user is charged no more than its limit.
 */

export interface HotspotLimits {
  uptimeMs?: number;
  bytesIn?: number;
  bytesOut?: number;
  bytesTotal?: number;
}

export interface HotspotUsage {
  uptimeMs: number;
  bytesIn: number;
  bytesOut: number;
  /** Growth per ms of model time: one ms of uptime per session online, bytes at their rates. */
  uptimePerMs: number;
  bytesInPerMs: number;
  bytesOutPerMs: number;
}

export type LimitHit = 'uptime' | 'traffic';

// Limits print in a few shapes (`1h`, `1d`); parsing once each keeps a tick over 20,000 sessions cheap.
const durations = new Map<string, number>();
export function durationMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  let ms = durations.get(text);
  if (ms === undefined) {
    ms = parseDuration(text) ?? 0;
    durations.set(text, ms);
  }
  return ms > 0 ? ms : undefined;
}

const positive = (text: string | undefined): number | undefined => {
  const n = text === undefined ? 0 : Number(text);
  return n > 0 ? n : undefined;
};

/** RouterOS: `0s` / `0` (the defaults) mean no limit. */
export function userLimits(values: RosRecord): HotspotLimits | undefined {
  const limits: HotspotLimits = {
    uptimeMs: durationMs(values['limit-uptime']),
    bytesIn: positive(values['limit-bytes-in']),
    bytesOut: positive(values['limit-bytes-out']),
    bytesTotal: positive(values['limit-bytes-total']),
  };
  return Object.values(limits).some((v) => v !== undefined) ? limits : undefined;
}

/** `shared-users` of a user profile: `unlimited` or a count (RouterOS default 1). */
export function sharedUsers(profileValues: RosRecord | undefined): number {
  const v = profileValues?.['shared-users'] ?? '1';
  return v === 'unlimited' ? Infinity : Number(v);
}

export function hotspotUsage(user: MenuRow<HotspotUserData>, sessions: Iterable<MenuRow<HotspotActiveData>>, clockMs: number): HotspotUsage {
  const usage: HotspotUsage = {
    uptimeMs: user.data.uptimeMs,
    bytesIn: user.data.bytesIn,
    bytesOut: user.data.bytesOut,
    uptimePerMs: 0,
    bytesInPerMs: 0,
    bytesOutPerMs: 0,
  };
  for (const { data } of sessions) {
    const elapsed = Math.max(0, clockMs - data.flow.startClock);
    usage.uptimeMs += elapsed;
    usage.bytesIn += Math.floor((data.flow.rateIn * elapsed) / 1000);
    usage.bytesOut += Math.floor((data.flow.rateOut * elapsed) / 1000);
    usage.uptimePerMs += 1;
    usage.bytesInPerMs += data.flow.rateIn / 1000;
    usage.bytesOutPerMs += data.flow.rateOut / 1000;
  }
  return usage;
}

type Measure = [limit: number | undefined, used: number, perMs: number, hit: LimitHit];

// Uptime first: when both are used up the login page reports the uptime limit.
function measures(limits: HotspotLimits, usage: HotspotUsage): Measure[] {
  return [
    [limits.uptimeMs, usage.uptimeMs, usage.uptimePerMs, 'uptime'],
    [limits.bytesIn, usage.bytesIn, usage.bytesInPerMs, 'traffic'],
    [limits.bytesOut, usage.bytesOut, usage.bytesOutPerMs, 'traffic'],
    [limits.bytesTotal, usage.bytesIn + usage.bytesOut, usage.bytesInPerMs + usage.bytesOutPerMs, 'traffic'],
  ];
}

/** Which limit the user has used up, if any. */
export function limitReached(limits: HotspotLimits | undefined, usage: HotspotUsage): LimitHit | undefined {
  if (!limits) return undefined;
  return measures(limits, usage).find(([limit, used]) => limit !== undefined && used >= limit)?.[3];
}

/**
 * The earliest model time at which a limit was reached, given `usage` measured at `clockMs`, or
 * undefined while every limit still has room. Rounded so that the usage at that time is at least
 * the limit: a user ended there stays used up.
 */
export function limitCrossedAt(limits: HotspotLimits | undefined, usage: HotspotUsage, clockMs: number): { at: number; hit: LimitHit } | undefined {
  if (!limits) return undefined;
  let first: { at: number; hit: LimitHit } | undefined;
  for (const [limit, used, perMs, hit] of measures(limits, usage)) {
    if (limit === undefined || used < limit) continue;
    const at = perMs > 0 ? clockMs - Math.floor((used - limit) / perMs) : clockMs;
    if (!first || at < first.at) first = { at, hit };
  }
  return first;
}
