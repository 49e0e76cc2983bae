/**
 * How a payment's account reference finds a subscriber by phone: the last nine digits, so the
 * `254712345678` a provider sends matches the `0712 345 678` an operator typed. The same
 * expression backs an index on subscribers (payments' migration) and the lookup, so both must
 * come from here.
 */
export const PHONE_KEY_DIGITS = 9;

/** The key of a phone number, or null when it has too few digits to be one. */
export function phoneKey(text: string): string | null {
  if (!/^\+?[0-9][0-9 ()-]*$/.test(text.trim())) return null;
  const digits = text.replace(/[^0-9]/g, '');
  return digits.length >= PHONE_KEY_DIGITS ? digits.slice(-PHONE_KEY_DIGITS) : null;
}

/** The same key in SQL over a column that holds what the subscriber form accepts (digits, spaces, `()+-`). */
export const phoneKeySql = (column: string) =>
  `substr(replace(replace(replace(replace(replace(coalesce(${column}, ''), ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), -${PHONE_KEY_DIGITS})`;
