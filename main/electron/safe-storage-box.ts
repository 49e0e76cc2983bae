import { safeStorage } from 'electron';
import { join } from 'node:path';
import { KeyFileSecretBox } from '../secrets/key-file-box';
import { SecretBoxError, type SecretBox } from '../secrets/secret-box';

const PREFIX = 'ss1.';

/** Desktop secrets through the OS keychain (Keychain, DPAPI, libsecret/kwallet). */
class SafeStorageSecretBox implements SecretBox {
  readonly kind = 'electron safeStorage';

  seal(plain: string): string {
    return PREFIX + safeStorage.encryptString(plain).toString('base64');
  }

  open(sealed: string): string {
    if (!sealed.startsWith(PREFIX)) throw new SecretBoxError('stored secret is not in a format this console can read');
    try {
      return safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'));
    } catch {
      throw new SecretBoxError('stored secret cannot be decrypted by this user account’s keychain');
    }
  }
}

/**
 * safeStorage where the OS offers a real keychain; on Linux without one Electron would fall back
 * to a hard-coded password ('basic_text'), so there the key file in userData is the safer choice.
 */
export function desktopSecretBox(userData: string): SecretBox {
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (safeStorage.isEncryptionAvailable() && !weak) return new SafeStorageSecretBox();
  return new KeyFileSecretBox(join(userData, 'secret.key'));
}
