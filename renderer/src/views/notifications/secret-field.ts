/**
 * A write-only secret of a form (SMTP password, header value, bot token): the backend says only
 * whether one is saved; the form holds a replacement, or asks to remove it, never the value.
 */
export interface SecretValues {
  set: boolean;
  replacement: string;
  remove: boolean;
}

export const noSecret = (set = false): SecretValues => ({ set, replacement: '', remove: false });

/**
 * The secret's part of an update: a replacement, `null` to remove the saved one, or nothing at
 * all, which keeps the saved one (the contract's rule for every secret).
 */
export function secretChange<K extends string>(key: K, secret: SecretValues): Partial<Record<K, string | null>> {
  if (secret.replacement !== '') return { [key]: secret.replacement } as Record<K, string>;
  if (secret.remove && secret.set) return { [key]: null } as Record<K, null>;
  return {};
}

/** Addresses or phone numbers typed one a line, or separated by commas or semicolons. */
export function listOf(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
