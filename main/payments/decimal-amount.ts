/**
 * A provider's decimal amount in major units (`"1500.50"`) as integer minor units of a currency
 * with `minorDigits` decimals, by its digits: never through a float, so `"0.29"` is 29 cents and
 * not 28.999…. More decimals than the currency has are refused unless they are zeros; null for
 * anything that is not a plain non-negative decimal.
 */
export function decimalToMinor(text: string, minorDigits: number): number | null {
  const match = /^(\d{1,15})(?:\.(\d{1,18}))?$/.exec(text.trim());
  if (!match) return null;
  const whole = match[1]!;
  const fraction = match[2] ?? '';
  if (fraction.length > minorDigits && !/^0*$/.test(fraction.slice(minorDigits))) return null;
  const minor = Number(whole + fraction.slice(0, minorDigits).padEnd(minorDigits, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}
