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
