/**
 * Field readings the import makes on printed rows, beyond the generic value parsers: RouterOS's
 * "off" spellings (`0`, `none`, `00:00:00:00:00:00`) become null here, once.
 */
import { parseDuration, parseNumber } from '../routers/client/values';
import type { RosRecord } from './import-types';

/**
 * The console marks what it writes to a router (`noc-<id>` on users, secrets and profiles,
 * `vc-noc-<batch>` on its vouchers): such rows are its own and never adopted.
 */
export function isConsoleOwn(record: RosRecord): boolean {
  const comment = (record.comment ?? '').trim().toLowerCase();
  return comment.startsWith('noc-') || comment.startsWith('vc-noc');
}

/** A time limit in whole seconds; `0`, `0s`, `none`, empty or unreadable: null. */
export function limitSeconds(text: string | undefined): number | null {
  const seconds = parseDuration(text);
  return seconds !== null && seconds >= 1 ? Math.round(seconds) : null;
}

/**
 * mikhmon's "Notice" expiry modes mark an expired account with `limit-uptime=1s` instead of
 * removing it (and its screens list such users as expired).
 */
export function isMikhmonExpired(record: RosRecord): boolean {
  return record['limit-uptime'] === '1s';
}

/** A user's own `limit-uptime`; mikhmon's expired mark is not a limit. */
export function userUptimeLimit(user: RosRecord): number | null {
  return isMikhmonExpired(user) ? null : limitSeconds(user['limit-uptime']);
}

/** A byte limit; `0`, empty or unreadable: null. */
export function limitBytes(text: string | undefined): number | null {
  const bytes = parseNumber(text);
  return bytes !== null && bytes >= 1 && Number.isSafeInteger(bytes) ? bytes : null;
}

/** A byte counter, 0 when absent. */
export function counter(text: string | undefined): number {
  return limitBytes(text) ?? 0;
}

/** A MAC address in upper case; anything else (empty, a zero MAC, an IP in `caller-id`): null. */
export function macAddress(text: string | undefined): string | null {
  const value = (text ?? '').trim().toUpperCase();
  return /^[0-9A-F]{2}(?::[0-9A-F]{2}){5}$/.test(value) && value !== '00:00:00:00:00:00' ? value : null;
}

/** A name-valued field (pool, address); empty or `none`: null. */
export function optionalName(text: string | undefined): string | null {
  const value = (text ?? '').trim();
  return value === '' || value === 'none' ? null : value;
}
