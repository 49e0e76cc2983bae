import { createHash, randomBytes } from 'node:crypto';

/**
 * Recovery codes: one-time codes for a user who lost the authenticator. Each has 80 random bits,
 * written as 16 Crockford Base32 characters in groups of four ("7k2m-q9xd-..."); only a SHA-256
 * of each is stored. At 80 bits a fast hash is safe: guessing is 2^80 work per code.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 16;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    let bits = 0n;
    for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
    let code = '';
    for (let i = LENGTH - 1; i >= 0; i--) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
    return code.match(/.{4}/g)!.join('-');
  });
}

/**
 * A code as typed (any case, spaces or dashes, Crockford's look-alikes O→0, I/L→1), or null when
 * it cannot be a recovery code.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
  if (code.length !== LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

export const hashRecoveryCode = (normalized: string): string => createHash('sha256').update(normalized).digest('hex');
