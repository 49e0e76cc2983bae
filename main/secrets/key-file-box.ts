import { fileDataKey } from './data-key';
import { DataKeySecretBox, LEGACY_KEYCHAIN_PREFIX } from './data-key-box';
import { SecretBoxError } from './secret-box';

/**
 * The data folder's secret scheme with its data key in a 0600 key file (the headless host, and
 * the desktop without a real keychain). Values the desktop once sealed with its keychain cannot
 * be opened here, and say so.
 */
export class KeyFileSecretBox extends DataKeySecretBox {
  constructor(keyFile: string) {
    super('aes-256-gcm, data key in a 0600 key file', fileDataKey(keyFile), [
      {
        prefix: LEGACY_KEYCHAIN_PREFIX,
        open: () => {
          throw new SecretBoxError('it was sealed by the desktop app’s OS keychain, which this process cannot use: start the desktop app once on this folder to migrate it');
        },
      },
    ]);
  }
}
