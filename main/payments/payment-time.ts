import { wallTimeToEpoch } from '../adoption/zoned-time';

const pad = (n: string) => n.padStart(2, '0');

/** The wall time as epoch ms in `zone`, or null when a part is out of range (month 13, 31 June). */
function wall(y: string, mo: string, d: string, h: string, mi: string, s: string, zone: string): number | null {
  const utc = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  const same = utc.getUTCFullYear() === Number(y) && utc.getUTCMonth() === Number(mo) - 1 && utc.getUTCDate() === Number(d) && utc.getUTCHours() === Number(h) && utc.getUTCMinutes() === Number(mi);
  if (!same || Number(s) > 59) return null;
  return wallTimeToEpoch(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`, zone);
}

/** M-Pesa's `TransTime` (`20240115142305`, the tenant's wall clock) as epoch ms; null if malformed. */
export function compactWallTime(text: string, zone: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text.trim());
  return m ? wall(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, zone) : null;
}

/**
 * A statement's time as epoch ms: ISO 8601 with an offset is taken as it says; a wall time
 * (`2024-01-15 14:23:05`, `15/01/2024 14:23`, `20240115142305`) is read in the tenant's zone,
 * as statements print it. Null when it is none of these.
 */
export function statementTime(text: string, zone: string): number | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : ms;
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return wall(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6] ?? '0', zone);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return wall(m[3]!, m[2]!, m[1]!, m[4]!, m[5]!, m[6] ?? '0', zone);
  return compactWallTime(t, zone);
}
