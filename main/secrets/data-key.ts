import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DATA_KEY_BYTES } from './sealed-value';
import { SecretBoxError } from './secret-box';

/** The data folder's key, or why this process cannot have it (secrets then say so when used). */
export type DataKey = { key: Buffer } | { unavailable: string };

/** Seals text with the OS keychain: Electron's safeStorage has this shape. */
export interface Keychain {
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/** The keychain-sealed data key sits next to the plain key file it replaces. */
export const keychainFileOf = (keyFile: string): string => `${keyFile}.keychain`;

/**
 * The data key from a 0600 key file, created on first use: the headless host, and the desktop
 * where the OS offers no real keychain. A folder whose key the desktop sealed in its keychain
 * is not readable here, and is never silently given a new key (its secrets would be lost).
 */
export function fileDataKey(keyFile: string): DataKey {
  const sealedFile = keychainFileOf(keyFile);
  if (existsSync(sealedFile)) {
    return {
      unavailable: `this data folder’s key (${sealedFile}) is sealed by the desktop app’s OS keychain, which this process cannot use: open the folder with the desktop app, or give this host its own data folder`,
    };
  }
  try {
    return { key: readOrCreateKeyFile(keyFile) };
  } catch (error) {
    return unavailable(error);
  }
}

/**
 * The data key sealed by the OS keychain (desktop). A plain key file left by the headless host
 * is moved into the keychain, so the values sealed under it stay readable and no plain key
 * remains on disk; from then on only the desktop app can open this folder's secrets.
 */
export function keychainDataKey(keyFile: string, keychain: Keychain): DataKey {
  const sealedFile = keychainFileOf(keyFile);
  try {
    if (!existsSync(sealedFile)) {
      const key = existsSync(keyFile) ? readKeyFile(keyFile) : randomBytes(DATA_KEY_BYTES);
      writeNewFile(sealedFile, keychain.encryptString(key.toString('base64')).toString('base64'));
    }
    const key = openKeychainFile(sealedFile, keychain);
    // Only after the sealed copy reads back: a crash in between leaves both, and the next start retires the plain one.
    if (existsSync(keyFile) && readKeyFile(keyFile).equals(key)) unlinkSync(keyFile);
    return { key };
  } catch (error) {
    return unavailable(error);
  }
}

function unavailable(error: unknown): DataKey {
  if (error instanceof SecretBoxError) return { unavailable: error.message };
  return { unavailable: `the data key cannot be read or written: ${(error as Error).message}` };
}

function openKeychainFile(sealedFile: string, keychain: Keychain): Buffer {
  let encoded: string;
  try {
    encoded = keychain.decryptString(Buffer.from(readFileSync(sealedFile, 'utf8').trim(), 'base64'));
  } catch {
    throw new SecretBoxError(
      `this data folder’s key (${sealedFile}) cannot be opened by this user account’s OS keychain (sealed by another user or machine): move the file away to start a new key, then enter the router passwords again`,
    );
  }
  return checkedKey(Buffer.from(encoded, 'base64'), sealedFile);
}

function readOrCreateKeyFile(keyFile: string): Buffer {
  const key = randomBytes(DATA_KEY_BYTES);
  try {
    writeNewFile(keyFile, key.toString('base64'));
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readKeyFile(keyFile);
}

function readKeyFile(keyFile: string): Buffer {
  if (process.platform !== 'win32' && (statSync(keyFile).mode & 0o077) !== 0) {
    throw new SecretBoxError(`key file ${keyFile} is readable by other users: run chmod 600 on it`);
  }
  return checkedKey(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64'), keyFile);
}

function checkedKey(key: Buffer, file: string): Buffer {
  if (key.length !== DATA_KEY_BYTES) throw new SecretBoxError(`key file ${file} is damaged: it must hold a 32-byte key; restore it from a backup`);
  return key;
}

/** 'wx' fails when the file exists, so two processes never overwrite each other's key. */
function writeNewFile(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o600);
}
