import type { RosVersion } from './types';

/** Value formats as RouterOS prints them over the API, and parsing of what clients send. */

const UNITS: Array<[string, number]> = [
  ['w', 604_800_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
];

/** `1w2d3h4m5s`, `0s`; sub-second remainders print as `ms` (e.g. `1s500ms`). */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.floor(ms));
  let out = '';
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  if (rest > 0) out += `${rest}ms`;
  return out === '' ? '0s' : out;
}

/**
 * Parses a duration as typed into RouterOS: `1h30m`, `2w4d14h35m20s`, `500ms`, `1d22:36:21`,
 * `00:30:00`, or a bare number of seconds. Returns undefined if it is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  const clock = /^(?:(\d+)w)?(?:(\d+)d)?(\d+):(\d{1,2}):(\d{1,2})$/.exec(t);
  if (clock) {
    const [, w, d, h, m, s] = clock;
    return ((Number(w ?? 0) * 7 + Number(d ?? 0)) * 24 * 3600 + Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000;
  }
  const re = /(\d+)(ms|w|d|h|m|s)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    total += Number(m[1]) * (m[2] === 'ms' ? 1 : UNITS.find(([u]) => u === m![2])![1]);
    matched = re.lastIndex;
  }
  return matched === t.length ? total : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Before 7.10: `jun/26/2023 00:32:53`; from 7.10: `2023-06-26 00:32:53` (router local time = UTC here). */
export function formatDate(epochMs: number, version: RosVersion): string {
  const d = new Date(epochMs);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (version === '6.49') return `${MONTHS[d.getUTCMonth()]}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${time}`;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${time}`;
}

export const formatBool = (b: boolean): string => (b ? 'true' : 'false');

/** Clients send yes/no (or true/false); undefined if neither. */
export function parseBool(text: string): boolean | undefined {
  switch (text.toLowerCase()) {
    case 'yes':
    case 'true':
      return true;
    case 'no':
    case 'false':
      return false;
    default:
      return undefined;
  }
}

export const formatId = (n: number): string => `*${n.toString(16).toUpperCase()}`;

export function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

export const intToIp = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
