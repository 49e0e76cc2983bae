import { wallAsUtc, zonedToInstant } from '../../../../main/tenants/tenant-time-contract';

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A `datetime-local` value read in the tenant's time zone (not the browser's: a NOC in Berlin
 * sets a Nairobi customer's expiry in Nairobi time) → an ISO 8601 instant.
 */
export function wallTimeToIso(text: string, timeZone: string | undefined): string | null {
  const m = WALL.exec(text);
  if (!m) return null;
  const at = zonedToInstant({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) }, timeZone);
  return Number.isFinite(at) ? new Date(at).toISOString() : null;
}

/** An instant as a `datetime-local` value in the tenant's time zone. */
export function isoToWallTime(iso: string | null, timeZone: string | undefined): string {
  if (iso === null) return '';
  const at = Date.parse(iso);
  return Number.isFinite(at) ? new Date(wallAsUtc(at, timeZone)).toISOString().slice(0, 16) : '';
}
