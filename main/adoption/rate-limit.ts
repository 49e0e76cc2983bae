/**
 * RouterOS `rate-limit` text, as a hotspot user profile or a PPP profile holds it:
 * `rx[/tx] [rx-burst[/tx-burst] [rx-threshold[/tx-threshold] [rx-burst-time[/tx-burst-time]
 * [priority] [rx-min[/tx-min]]]]]`. The router names directions from its own side: rx is what it
 * receives from the client, i.e. the client's upload. Rates take k/M/G (powers of 1000).
 *
 * Free of Node imports on purpose: the plans domain writes profiles with `formatRateLimit`.
 */
import { parseDuration } from '../routers/client/values';

/** A plan's speed. Optional fields are absent when off; RouterOS writes them as 0. */
export interface RateLimit {
  /** 0: unlimited. */
  uploadBps: number;
  /** 0: unlimited. */
  downloadBps: number;
  burstUploadBps?: number;
  burstDownloadBps?: number;
  burstThresholdUploadBps?: number;
  burstThresholdDownloadBps?: number;
  burstTimeSeconds?: number;
}

/** Every position of the text, before it is narrowed to what a plan keeps. */
interface RateLimitParts {
  rate: Pair;
  burst: Pair;
  threshold: Pair;
  burstTime: Pair;
  priority: number | null;
  limitAt: Pair;
}

/** Upload (rx), download (tx). */
type Pair = [number, number];

/** Powers of ten of RouterOS's rate units (k = 1000, not 1024). */
const UNIT_EXPONENT: Record<string, number> = { '': 0, k: 3, m: 6, g: 9 };
const RATE = /^(\d+)(?:\.(\d+))?([kmg]?)$/i;
const PAIR = /^([^/]+)(?:\/([^/]+))?$/;

/** The text as a plan's rate limit; empty, malformed or out-of-range text: null (never throws). */
export function parseRateLimit(text: string | undefined): RateLimit | null {
  const parts = text === undefined ? null : parseParts(text);
  if (!parts) return null;
  const limit: RateLimit = { uploadBps: parts.rate[0], downloadBps: parts.rate[1] };
  setPositive(limit, 'burstUploadBps', parts.burst[0]);
  setPositive(limit, 'burstDownloadBps', parts.burst[1]);
  setPositive(limit, 'burstThresholdUploadBps', parts.threshold[0]);
  setPositive(limit, 'burstThresholdDownloadBps', parts.threshold[1]);
  // A plan has one burst time: the longer one, so a burst never ends sooner than the router allowed.
  setPositive(limit, 'burstTimeSeconds', Math.max(...parts.burstTime));
  return limit;
}

/**
 * What `parseRateLimit` leaves out of this text, in words, so an import can say that re-applying the
 * plan will change the profile ("priority 8, limit-at 256k/512k"); null when nothing is lost or the
 * text does not parse.
 */
export function rateLimitLoss(text: string): string | null {
  const parts = parseParts(text);
  if (!parts) return null;
  const lost: string[] = [];
  const [rxTime, txTime] = parts.burstTime;
  if (rxTime !== txTime) lost.push(`burst time ${formatPair([rxTime, txTime], String)} (the longer one is kept)`);
  if (parts.priority !== null && parts.priority !== 8) lost.push(`priority ${parts.priority}`);
  if (parts.limitAt[0] > 0 || parts.limitAt[1] > 0) lost.push(`limit-at ${formatPair(parts.limitAt, formatRate)}`);
  return lost.length > 0 ? lost.join(', ') : null;
}

/** The shortest text RouterOS reads back as this limit: `{5e6, 5e6}` → `5M`, `1.5e6` → `1500k`. */
export function formatRateLimit(limit: RateLimit): string {
  const positions = [
    formatPair([limit.uploadBps, limit.downloadBps], formatRate),
    formatPair([limit.burstUploadBps ?? 0, limit.burstDownloadBps ?? 0], formatRate),
    formatPair([limit.burstThresholdUploadBps ?? 0, limit.burstThresholdDownloadBps ?? 0], formatRate),
    formatSeconds(limit.burstTimeSeconds ?? 0),
  ];
  // Trailing positions that are all off add nothing: RouterOS reads a missing one as 0.
  while (positions.length > 1 && positions[positions.length - 1] === '0') positions.pop();
  return positions.join(' ');
}

/** Bits per second in the largest unit that divides it exactly. */
export function formatRate(bps: number): string {
  if (!Number.isSafeInteger(bps) || bps < 0) throw new RangeError(`not a rate in bits per second: ${bps}`);
  for (const [suffix, size] of [['G', 1e9], ['M', 1e6], ['k', 1e3]] as const) {
    if (bps >= size && bps % size === 0) return `${bps / size}${suffix}`;
  }
  return String(bps);
}

function formatSeconds(seconds: number): string {
  if (!Number.isSafeInteger(seconds) || seconds < 0) throw new RangeError(`not a burst time in whole seconds: ${seconds}`);
  return String(seconds);
}

function parseParts(text: string): RateLimitParts | null {
  const tokens = text.trim().split(/\s+/);
  if (tokens[0] === '' || tokens.length > 6) return null;
  const [rateText, burstText = '0', thresholdText = '0', burstTimeText = '0', priorityText, limitAtText = '0'] = tokens;
  const rate = parsePair(rateText!, parseRate);
  const burst = parsePair(burstText, parseRate);
  const threshold = parsePair(thresholdText, parseRate);
  const burstTime = parsePair(burstTimeText, parseSeconds);
  const limitAt = parsePair(limitAtText, parseRate);
  const priority = priorityText === undefined ? null : parsePriority(priorityText);
  if (!rate || !burst || !threshold || !burstTime || !limitAt) return null;
  if (priorityText !== undefined && priority === null) return null;
  return { rate, burst, threshold, burstTime, priority, limitAt };
}

/** `a/b`, or `a` alone for both directions. */
function parsePair(token: string, value: (text: string) => number | null): Pair | null {
  const match = PAIR.exec(token);
  if (!match) return null;
  const rx = value(match[1]!);
  const tx = match[2] === undefined ? rx : value(match[2]);
  return rx === null || tx === null ? null : [rx, tx];
}

function formatPair([rx, tx]: Pair, value: (n: number) => string): string {
  return rx === tx ? value(rx) : `${value(rx)}/${value(tx)}`;
}

function parseRate(text: string): number | null {
  const match = RATE.exec(text);
  if (!match) return null;
  const [, whole, fraction = '', unit] = match;
  // Decimal arithmetic on the digits, so `1.1M` is 1100000 and not 1100000.0000000002.
  const exponent = UNIT_EXPONENT[unit!.toLowerCase()]! - fraction.length;
  const digits = whole! + fraction;
  const bps = exponent >= 0 ? Number(digits + '0'.repeat(exponent)) : wholePart(digits, -exponent);
  return bps !== null && Number.isSafeInteger(bps) ? bps : null;
}

/** `digits` divided by 10^places when that is whole (`15000`, 3 → 15); a fraction of a bit: null. */
function wholePart(digits: string, places: number): number | null {
  const cut = digits.length - places;
  return /^0*$/.test(digits.slice(cut)) ? Number(digits.slice(0, cut) || '0') : null;
}

/** Burst time: plain seconds (`16`) or a RouterOS duration (`16s`, `1m`). */
function parseSeconds(text: string): number | null {
  const seconds = /^\d+$/.test(text) ? Number(text) : parseDuration(text);
  return seconds !== null && Number.isSafeInteger(seconds) ? seconds : null;
}

/** Queue priority, 1 (highest) to 8 (RouterOS's default). */
function parsePriority(text: string): number | null {
  return /^[1-8]$/.test(text) ? Number(text) : null;
}

function setPositive(limit: RateLimit, key: Exclude<keyof RateLimit, 'uploadBps' | 'downloadBps'>, value: number): void {
  if (value > 0) limit[key] = value;
}
