import { cached, type LocaleSettings } from '../../format/locale';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

interface Separators {
  group: string;
  decimal: string;
}

function separatorsOf(locale: string | undefined): Separators {
  const parts = cached(`sep|${locale ?? ''}`, () => new Intl.NumberFormat(locale)).formatToParts(11111.5);
  return { group: parts.find((p) => p.type === 'group')?.value ?? ',', decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
}

/** How many minor units a unit of the currency has, as a power of ten: KES 2, JPY 0, BHD 3. */
export function minorDigits(settings: LocaleSettings): number {
  const formatter = cached(`a|${settings.locale ?? ''}|${settings.currency ?? 'USD'}`, () => new Intl.NumberFormat(settings.locale, { style: 'currency', currency: settings.currency ?? 'USD' }));
  return formatter.resolvedOptions().maximumFractionDigits ?? 2;
}

// Intl groups with a no-break or narrow no-break space in some locales (fr-FR "1 500,50").
const SPACES = /[\s\u00a0\u202f]/g;

/**
 * A price typed in the tenant's locale ("1,500.50" in en-KE, "1.500,50" in de-DE) as integer
 * minor units, exactly: the decimal string is split into digits, never multiplied as a float
 * (0.29 × 100 is 28.999999999999996). More decimals than the currency has is an error, not a rounding.
 */
export function parseAmount(text: string, settings: LocaleSettings): Parsed<number> {
  const digits = minorDigits(settings);
  const { group, decimal } = separatorsOf(settings.locale);
  const example = amountInputOf(150050 * 10 ** Math.max(0, digits - 2), settings, true);
  let plain = text.replace(SPACES, '');
  if (group !== decimal) plain = plain.split(group).join('');
  if (decimal !== '.') plain = plain.replace(decimal, '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(plain);
  if (!match) return { ok: false, message: `an amount such as ${example}` };
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return { ok: false, message: digits === 0 ? `${settings.currency ?? 'this currency'} has no minor units: a whole amount such as ${example}` : `at most ${digits} decimals, such as ${example}` };
  }
  const minor = Number(`${match[1]}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor)) return { ok: false, message: 'that amount is too large' };
  return { ok: true, value: minor };
}

/** Minor units as the amount field shows them, in the locale's decimal mark, without the currency: 150050 → "1500.50". */
export function amountInputOf(minor: number, settings: LocaleSettings, grouped = false): string {
  const digits = minorDigits(settings);
  const { group, decimal } = separatorsOf(settings.locale);
  const text = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const shownWhole = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  return digits === 0 ? shownWhole : `${shownWhole}${decimal}${text.slice(-digits)}`;
}
