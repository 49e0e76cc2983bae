import { significant } from './bytes';

const RATE_UNITS = ['bps', 'kbps', 'Mbps', 'Gbps', 'Tbps'] as const;

/** Line rates in decimal units as operators quote them: 1_250_000 → "1.25 Mbps". */
export function formatRate(bitsPerSecond: number): string {
  if (!Number.isFinite(bitsPerSecond) || bitsPerSecond < 0) return '—';
  if (bitsPerSecond < 1000) return `${Math.round(bitsPerSecond)} bps`;
  let value = bitsPerSecond;
  let unit = 0;
  while (value >= 1000 && unit < RATE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  // 999.6 kbps rounds to "1000"; say 1.00 Mbps instead.
  if (significant(value) === '1000' && unit < RATE_UNITS.length - 1) return `1.00 ${RATE_UNITS[unit + 1]}`;
  return `${significant(value)} ${RATE_UNITS[unit]}`;
}
