import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SecretBoxError } from './secret-box';

export const DATA_KEY_BYTES = 32;
const VERSION = 'v1';
const IV_BYTES = 12;
/** GCM's full tag: a shorter one would be accepted too unless the length is fixed, weakening it. */
const TAG_BYTES = 16;

/** AES-256-GCM under `key`. Format: `v1.<iv b64>.<tag b64>.<ciphertext b64>`. */
export function sealValue(key: Buffer, plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
}

export function isSealedValue(sealed: string): boolean {
  return sealed.startsWith(`${VERSION}.`);
}

export function openValue(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) {
    throw new SecretBoxError('stored secret is not in a format this console can read');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('stored secret cannot be decrypted: it was changed, or it was sealed with another data key than this folder’s');
  }
}
