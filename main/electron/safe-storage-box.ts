import { safeStorage } from 'electron';
import { join } from 'node:path';
import { keychainDataKey } from '../secrets/data-key';
import { DataKeySecretBox, LEGACY_KEYCHAIN_PREFIX } from '../secrets/data-key-box';
import { KeyFileSecretBox } from '../secrets/key-file-box';
import { SecretBoxError, type SecretBox } from '../secrets/secret-box';

/** Values this app sealed directly with safeStorage before the data key: read once, sealed again at start. */
function openLegacyKeychainValue(sealed: string): string {
  try {
    return safeStorage.decryptString(Buffer.from(sealed.slice(LEGACY_KEYCHAIN_PREFIX.length), 'base64'));
  } catch {
    throw new SecretBoxError('it was sealed by another user account’s or machine’s keychain');
  }
}

/**
 * The data folder's secret scheme on the desktop: its data key sealed by the OS keychain
 * (Keychain, DPAPI, libsecret/kwallet). On Linux without a real keychain Electron would seal
 * with a hard-coded password ('basic_text'), so there the data key stays in a 0600 key file,
 * as on the headless host.
 */
export function desktopSecretBox(userData: string): SecretBox {
  const keyFile = join(userData, 'secret.key');
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || weak) return new KeyFileSecretBox(keyFile);
  return new DataKeySecretBox('aes-256-gcm, data key sealed by the OS keychain', keychainDataKey(keyFile, safeStorage), [
    { prefix: LEGACY_KEYCHAIN_PREFIX, open: openLegacyKeychainValue },
  ]);
}
