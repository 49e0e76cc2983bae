/**
 * The rules an account's fields must meet, with the message shown on the field. Shared by tenant
 * registration, first-run setup and user management so a rule reads the same everywhere.
 * Each check returns null when the value is fine.
 */

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
// Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is the mail server's job.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Usernames and emails compare without case and surrounding spaces. */
export const usernameKey = (username: string): string => username.trim().toLowerCase();
export const emailKey = (email: string): string => email.trim().toLowerCase();

export function checkPersonName(name: string): string | null {
  const value = name.trim();
  if (value === '') return "Enter the person's full name.";
  if (value.length > 100) return 'A name has at most 100 characters.';
  return null;
}

export function checkUsername(username: string): string | null {
  const value = username.trim();
  if (value === '') return 'Enter a username.';
  if (value.length < 3 || value.length > 32) return 'A username has 3 to 32 characters.';
  if (!USERNAME.test(value)) return 'Use only letters, digits, dots, dashes and underscores, starting with a letter or digit.';
  return null;
}

export function checkEmail(email: string): string | null {
  const value = email.trim();
  if (value === '') return 'Enter an email address.';
  if (value.length > 254) return 'An email address has at most 254 characters.';
  if (!EMAIL.test(value)) return 'Enter a valid email address, like name@example.com.';
  return null;
}

export function checkPassword(password: string, username = ''): string | null {
  if (password === '') return 'Enter a password.';
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) return 'Use at least one letter and one digit.';
  const user = usernameKey(username);
  if (user.length >= 3 && password.toLowerCase().includes(user)) return 'The password must not contain the username.';
  return null;
}

export function checkConfirmation(password: string, confirmation: string): string | null {
  if (password === '') return null; // the password field already says what is missing
  if (confirmation === '') return 'Enter the password again.';
  if (confirmation !== password) return 'The passwords do not match.';
  return null;
}

export const TAKEN = {
  username: 'This username is already taken.',
  email: 'This email address is already used by another account.',
} as const;

/** Field → message, as sent in `details.fields` of an `invalid_input` error. */
export type FieldErrors = Record<string, string>;
