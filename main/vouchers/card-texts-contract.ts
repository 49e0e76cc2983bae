import type { PlanSummary } from '../plans/contract';

/*
 * What a printed card says about price and time: the sheet (main/vouchers/voucher-sheet-job.ts)
 * and the print preview in the renderer word it the same way from this one file.
 */

/**
 * A price from integer minor units, in the tenant's locale with Latin digits and the ISO code
 * (`KES 50.00`, `50,00 EUR`): sheets print Latin fonts only. The amount reaches Intl as a decimal
 * string, so no float ever stands between the ledger and the card.
 */
const priceFormats = new Map<string, Intl.NumberFormat>();

export function priceText(priceMinor: number, currency: string, locale: string): string {
  // Made once per locale and currency: a sheet of 10,000 cards, or a sweep's messages, need the same one.
  const key = `${locale}|${currency}`;
  let format = priceFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(`${locale}-u-nu-latn`, { style: 'currency', currency, currencyDisplay: 'code' });
    if (priceFormats.size < 1000) priceFormats.set(key, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const units = String(priceMinor).padStart(digits + 1, '0');
  const decimal = digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`;
  return format.format(decimal as `${number}`);
}

const UNITS = [
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
] as const;

/** `1 day`, `30 days`, `90 minutes`: the largest unit that divides the time evenly. */
export function durationText(seconds: number): string {
  const [size, unit] = UNITS.find(([s]) => seconds % s === 0) ?? [1, 'second'];
  const n = seconds / size;
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * What a card says about time, in English whatever the locale: a sheet prints Latin fonts only,
 * and unit names in many locales are not Latin. Validity runs from the first login; a plan
 * without one may still limit online time.
 */
export function validityText(plan: Pick<PlanSummary, 'validitySeconds' | 'uptimeLimitSeconds'>): string {
  if (plan.validitySeconds !== null) return durationText(plan.validitySeconds);
  if (plan.uptimeLimitSeconds !== null) return `${durationText(plan.uptimeLimitSeconds)} online`;
  return 'no time limit';
}
