import type { LocaleSettings } from './locale';
import { tenantLocaleNow } from './locale-store';
import { formatNumber } from './number';
import { significant } from './significant';

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * Byte counters in binary units, three significant figures in the tenant's digits:
 * 1536 → en "1.50 KiB", de "1,50 KiB". Without settings, the tenant on screen: column
 * definitions and charts format outside React, where useFormat cannot reach.
 */
export function formatBytes(bytes: number, settings: LocaleSettings = tenantLocaleNow()): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${formatNumber(Math.round(bytes), settings)} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${significant(value, settings)} ${BYTE_UNITS[unit]}`;
}
