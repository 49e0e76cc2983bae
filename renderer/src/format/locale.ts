/**
 * How one tenant reads dates, numbers and money. Absent fields fall back to the browser's own
 * (before sign-in, or a system admin who has not chosen a tenant).
 */
export interface LocaleSettings {
  /** BCP 47, e.g. "en-KE". */
  locale?: string;
  /** IANA, e.g. "Africa/Nairobi". */
  timeZone?: string;
  /** ISO 4217, e.g. "KES". */
  currency?: string;
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** Building an Intl formatter costs far more than using one: tables format thousands of cells, so each is made once. */
export function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let formatter = cache.get(key) as F | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}
