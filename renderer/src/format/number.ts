import { cached, type LocaleSettings } from './locale';

/** A count with the locale's grouping: en 12,345 · de 12.345 · fr 12 345. */
export function formatNumber(value: number, settings: LocaleSettings = {}): string {
  if (!Number.isFinite(value)) return '—';
  return cached(`n|${settings.locale ?? ''}`, () => new Intl.NumberFormat(settings.locale)).format(value);
}

/**
 * Money kept as integer minor units (DESIGN.md "Money": never floats) in the tenant's currency:
 * 150050 KES in en-KE → "Ksh 1,500.50"; a currency without minor units (JPY) uses the value as is.
 */
export function formatAmount(minorUnits: number, settings: LocaleSettings = {}): string {
  if (!Number.isInteger(minorUnits)) return '—';
  const currency = settings.currency ?? 'USD';
  const formatter = cached(`a|${settings.locale ?? ''}|${currency}`, () => new Intl.NumberFormat(settings.locale, { style: 'currency', currency }));
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minorUnits / 10 ** digits);
}
