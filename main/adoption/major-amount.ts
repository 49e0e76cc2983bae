/**
 * Amounts that people typed in whole currency units (mikhmon's prices: `5000`, `5.000`, `1,500.50`,
 * `Rp 5.000`), as the integer minor units the console keeps money in. Exactness over guessing: a
 * value with more decimals than the currency has is refused, never rounded.
 */

/**
 * A currency sign or code around the number: `Rp`, `Rp.`, `US$`, `UGX`, `€`. One letter is not
 * one: `5k` means 5000 to whoever typed it, so it stays and fails.
 */
const CURRENCY_BEFORE = /^(?:\p{L}*\p{Sc}+|\p{L}{2,}\.?)\s*/u;
const CURRENCY_AFTER = /\s*(?:\p{L}{2,}|\p{Sc}+)$/u;
const NUMBER = /^\d[\d., '\u00a0]*$/;

/**
 * `text` in minor units of a currency with `minorDigits` decimals (2 for USD: `1.50` → 150; 0 for
 * IDR: `5.000` → 5000). Grouping marks are told from a decimal mark by position: of two kinds,
 * the last is the decimal; one mark followed by exactly three digits groups thousands unless the
 * currency has three decimals. Empty, malformed, negative or inexact text: null (never throws).
 */
export function parseMajorAmount(text: string, minorDigits: number): number | null {
  const bare = text.trim().replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '');
  if (!NUMBER.test(bare)) return null;
  const compact = bare.replace(/[ '\u00a0]/g, '');
  const split = splitDecimal(compact, minorDigits);
  if (!split) return null;
  const [whole, fraction] = split;
  if (fraction.length > minorDigits && !/^0*$/.test(fraction.slice(minorDigits))) return null;
  const minor = Number(whole + fraction.slice(0, minorDigits).padEnd(minorDigits, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Whole and fraction digits, grouping marks gone; null when the marks do not make a number. */
function splitDecimal(text: string, minorDigits: number): [string, string] | null {
  const marks = [...new Set(text.replace(/\d/g, ''))];
  if (marks.length === 0) return [text, ''];
  if (marks.length > 2) return null;
  const last = text.at(-1);
  if (last === '.' || last === ',') return null;
  let decimal: string | null;
  if (marks.length === 2) decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
  else decimal = isGrouping(text, marks[0]!, minorDigits) ? null : marks[0]!;
  const [integer, fraction = '', extra] = decimal === null ? [text] : text.split(decimal);
  if (extra !== undefined) return null;
  const groupMark = marks.find((mark) => mark !== decimal);
  if (groupMark !== undefined && !validGroups(integer!.split(groupMark))) return null;
  return [integer!.split(groupMark ?? '').join(''), fraction];
}

/**
 * One kind of mark: several of it, or one before three digits, group thousands (`5.000`,
 * `1,000,000`); after a lone 0 it is a decimal (`0.005`).
 */
function isGrouping(text: string, mark: string, minorDigits: number): boolean {
  const pieces = text.split(mark);
  return pieces.length > 2 || (pieces[1]!.length === 3 && minorDigits !== 3 && !/^0+$/.test(pieces[0]!));
}

/** `1,234,567` and the Indian `12,34,567`: a lead of 1–3 digits, then 2–3, the last of 3. */
function validGroups(groups: string[]): boolean {
  const [lead, ...rest] = groups;
  if (!/^\d{1,3}$/.test(lead!)) return false;
  return rest.every((group, i) => (i === rest.length - 1 ? /^\d{3}$/.test(group) : /^\d{2,3}$/.test(group)));
}

/**
 * Decimals of an ISO 4217 currency as Intl knows them (USD 2, UGX 0, KWD 3). A code that is not
 * three letters: RangeError, as the tenant's currency is checked when it is set.
 */
export function currencyMinorDigits(currency: string): number {
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`'${currency}' is not an ISO 4217 currency code: set the tenant's currency (e.g. 'UGX') first`);
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}
