import type { PlanSummary } from '../../../../main/plans/contract';

/*
 * What a printed card says about price and time, worded as the sheet words it
 * (main/vouchers/card-texts.ts, which the renderer may not import: it is core), so the preview
 * shows the card that will print: Latin digits and the ISO code, English units.
 */

/** `KES 50.00`, `50,00 EUR`: the amount reaches Intl as a decimal string, never a float. */
export function cardPriceText(priceMinor: number, currency: string, locale: string | undefined): string {
  const format = new Intl.NumberFormat(`${locale ?? 'en'}-u-nu-latn`, { style: 'currency', currency, currencyDisplay: 'code' });
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
function durationText(seconds: number): string {
  const [size, unit] = UNITS.find(([s]) => seconds % s === 0) ?? [1, 'second'];
  const n = seconds / size;
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** The validity from first login, or the online time a plan without one allows. */
export function cardValidityText(plan: Pick<PlanSummary, 'validitySeconds' | 'uptimeLimitSeconds'>): string {
  if (plan.validitySeconds !== null) return durationText(plan.validitySeconds);
  if (plan.uptimeLimitSeconds !== null) return `${durationText(plan.uptimeLimitSeconds)} online`;
  return 'no time limit';
}
