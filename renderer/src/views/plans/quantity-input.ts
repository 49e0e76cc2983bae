import type { Parsed } from './amount-input';

/** Decimal multipliers, as RouterOS reads `rate-limit` ("2M") and as operators sell data ("1 GB" = 10⁹ bytes). */
const PREFIXES = ['', 'k', 'M', 'G', 'T'] as const;

function scaled(whole: string, fraction: string, exponent: number): number | null {
  if (fraction.length > exponent && /[1-9]/.test(fraction.slice(exponent))) return null;
  return Number(`${whole}${fraction.slice(0, exponent).padEnd(exponent, '0')}`);
}

/**
 * "2M", "512k", "1.5G", "10 Mbps", "500 MB" → an integer count (bits per second or bytes),
 * exactly: the decimal string is shifted by the prefix's power of ten, never multiplied as a
 * float. Empty is null ("none"). `unit` names what may follow the prefix (b, bps, B).
 */
function parseQuantity(text: string, units: RegExp, example: string): Parsed<number | null> {
  const plain = text.trim();
  if (plain === '') return { ok: true, value: null };
  const match = new RegExp(`^(\\d+)(?:[.,](\\d+))?\\s*([kKmMgGtT]?)\\s*(?:${units.source})?$`).exec(plain);
  if (!match) return { ok: false, message: `a value such as ${example}` };
  const prefix = match[3]!.toLowerCase() === 'k' ? 'k' : match[3]!.toUpperCase();
  const value = scaled(match[1]!, match[2] ?? '', PREFIXES.indexOf(prefix as (typeof PREFIXES)[number]) * 3);
  if (value === null || !Number.isSafeInteger(value)) return { ok: false, message: `a whole number of units: ${example}` };
  return { ok: true, value };
}

export const parseRate = (text: string): Parsed<number | null> => parseQuantity(text, /bps|bit\/s|b/i, '2M, 512k or 10 Mbps');
export const parseDataSize = (text: string): Parsed<number | null> => parseQuantity(text, /B|bytes?/, '500M, 2G or 1.5 GB');

/** A count as the field shows it, with the largest prefix that keeps it exact: 1500000 → "1.5M", 512000 → "512k". */
export function quantityInputOf(value: number | null): string {
  if (value === null) return '';
  for (let i = PREFIXES.length - 1; i > 0; i--) {
    const exponent = i * 3;
    if (value < 10 ** exponent) continue;
    const digits = String(value);
    const whole = digits.slice(0, -exponent);
    const fraction = digits.slice(-exponent).replace(/0+$/, '');
    return `${whole}${fraction ? `.${fraction}` : ''}${PREFIXES[i]}`;
  }
  return String(value);
}

/** A data allowance in decimal units as it is sold: 1_500_000_000 → "1.5 GB". */
export function formatDataSize(bytes: number | null): string {
  if (bytes === null) return '—';
  const text = quantityInputOf(bytes);
  const prefix = /[kMGT]$/.exec(text)?.[0];
  return prefix ? `${text.slice(0, -1)} ${prefix === 'k' ? 'kB' : `${prefix}B`}` : `${text} B`;
}
