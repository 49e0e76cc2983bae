/**
 * Masking of personal data for broadcast payloads (DESIGN.md, "Tenancy"): events reach every
 * authorized subscriber of a channel, so they carry masked values; full values come only from an
 * authorized invoke. Pure functions, safe to import from the contract and the renderer.
 */

/** `john.doe@example.com` → `j***@example.com`; keeps the domain so operators can tell accounts apart. */
export function maskEmail(email: string | null | undefined): string | null {
  if (email === null || email === undefined || email === '') return email ?? null;
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskMiddle(email);
  return `${email[0]}***${email.slice(at)}`;
}

/**
 * `0712345678` → `0712***678`, `+254712345678` → `+254712***678`: the first four digits (and any
 * leading `+` and country code) and the last three stay, enough to recognise a number, not to dial it.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined || phone === '') return phone ?? null;
  const compact = phone.replace(/[\s()-]/g, '');
  const plus = compact.startsWith('+') ? '+' : '';
  const digits = compact.slice(plus.length);
  if (!/^[0-9]+$/.test(digits) || digits.length < 8) return maskMiddle(compact);
  const head = plus ? digits.length - 6 : 4;
  return `${plus}${digits.slice(0, head)}***${digits.slice(-3)}`;
}

/** Anything else personal (a name used as an identifier, a bad value): first and last character only. */
export function maskMiddle(value: string): string {
  if (value.length <= 2) return '***';
  return `${value[0]}***${value[value.length - 1]}`;
}

/**
 * A login name that may be personal data: hotspots and PPPoE often use the subscriber's phone
 * number or email as the user name. Those are masked; voucher codes and account names are not.
 */
export function maskIdentifier(name: string): string {
  if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(name)) return maskEmail(name)!;
  if (/^\+?[0-9][0-9\s()-]{7,}$/.test(name)) return maskPhone(name)!;
  return name;
}

/** Keys whose values are secrets, whole: never shown, not even masked. */
const SECRET_KEY = /passw(or)?d|passphrase|secret|token|hash|credential|api.?key|private/i;
const EMAIL_KEY = /e-?mail/i;
const PHONE_KEY = /phone|mobile|msisdn/i;
/** Login names and labels that may be a subscriber's phone number or email. */
const IDENTIFIER_KEY = /^(user(name)?|login|label|caller(-?id)?)$/i;
const EMAIL_IN_TEXT = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/g;

/** Every email address inside free text masked (error messages, labels). */
export function maskEmailsIn(text: string): string {
  return text.includes('@') ? text.replace(EMAIL_IN_TEXT, (email) => maskEmail(email)!) : text;
}

/**
 * A structured value (a job's payload, result or log line) as a broadcast may carry it: values
 * of secret-named keys replaced by `***`, emails and phones masked by key name, login names that
 * are phones or emails masked, and emails masked wherever they appear in text. By key rather than
 * by look for phones, so dates and counters stay readable.
 */
export function maskPersonalData(value: unknown, key = ''): unknown {
  if (value === null || value === undefined) return value;
  if (key !== '' && SECRET_KEY.test(key)) return '***';
  if (typeof value === 'string') {
    if (EMAIL_KEY.test(key)) return maskEmail(value);
    if (PHONE_KEY.test(key)) return maskPhone(value);
    if (IDENTIFIER_KEY.test(key)) return maskEmailsIn(maskIdentifier(value));
    return maskEmailsIn(value);
  }
  if (Array.isArray(value)) return value.map((item) => maskPersonalData(item, key));
  if (typeof value === 'object') {
    const masked: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) masked[k] = maskPersonalData(v, k);
    return masked;
  }
  return value;
}
