import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, openSync, readFileSync, closeSync, writeSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { SecretBoxError, type SecretBox } from './secret-box';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;

/**
 * AES-256-GCM with a random key kept in a file readable by the owner only (0600), created on
 * first use. Format: `v1.<iv b64>.<tag b64>.<ciphertext b64>`.
 */
export class KeyFileSecretBox implements SecretBox {
  readonly kind = 'aes-256-gcm key file';
  private readonly key: Buffer;

  constructor(keyFile: string) {
    this.key = loadOrCreateKey(keyFile);
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) {
      throw new SecretBoxError('stored secret is not in a format this console can read');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('stored secret cannot be decrypted: it was changed, or the key file is not the one it was sealed with');
    }
  }
}

function loadOrCreateKey(keyFile: string): Buffer {
  mkdirSync(dirname(keyFile), { recursive: true });
  try {
    // 'wx' fails when the file exists, so two processes never overwrite each other's key.
    const fd = openSync(keyFile, 'wx', 0o600);
    const key = randomBytes(KEY_BYTES);
    try {
      writeSync(fd, key.toString('base64'));
    } finally {
      closeSync(fd);
    }
    chmodSync(keyFile, 0o600);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (process.platform !== 'win32' && (statSync(keyFile).mode & 0o077) !== 0) {
    throw new SecretBoxError(`key file ${keyFile} is readable by other users: run chmod 600 on it`);
  }
  const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new SecretBoxError(`key file ${keyFile} is damaged: it must hold a 32-byte key`);
  return key;
}
