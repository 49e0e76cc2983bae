import type { LocaleSettings } from './locale';
import { tenantLocaleNow } from './locale-store';
import { formatNumber } from './number';
import { significant } from './significant';

const RATE_UNITS = ['bps', 'kbps', 'Mbps', 'Gbps', 'Tbps'] as const;

/**
 * Line rates in decimal units as operators quote them, in the tenant's digits:
 * 1_250_000 → en "1.25 Mbps", de "1,25 Mbps". Without settings, the tenant on screen (see formatBytes).
 */
export function formatRate(bitsPerSecond: number, settings: LocaleSettings = tenantLocaleNow()): string {
  if (!Number.isFinite(bitsPerSecond) || bitsPerSecond < 0) return '—';
  if (bitsPerSecond < 1000) return `${formatNumber(Math.round(bitsPerSecond), settings)} bps`;
  let value = bitsPerSecond;
  let unit = 0;
  while (value >= 1000 && unit < RATE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  // 999.6 kbps rounds to "1,000"; say 1.00 Mbps instead.
  if (Math.round(value) >= 1000 && unit < RATE_UNITS.length - 1) return `${significant(1, settings)} ${RATE_UNITS[unit + 1]}`;
  return `${significant(value, settings)} ${RATE_UNITS[unit]}`;
}
