import type { DataKey } from './data-key';
import { isSealedValue, openValue, sealValue } from './sealed-value';
import { SecretBoxError, type SecretBox } from './secret-box';

/** Values the desktop sealed directly with safeStorage before the data key existed. */
export const LEGACY_KEYCHAIN_PREFIX = 'ss1.';

/** A value sealed by an earlier scheme, and how this host opens it (or says why it cannot). */
export interface LegacyFormat {
  prefix: string;
  open(sealed: string): string;
}

/**
 * The one secret scheme of a data folder, on every host: AES-256-GCM under the folder's data
 * key. Older values are opened through `legacy` and reported as not current, so start-up
 * migrations seal them again. Without a key every use throws the reason, never a guess.
 */
export class DataKeySecretBox implements SecretBox {
  constructor(
    readonly kind: string,
    private readonly dataKey: DataKey,
    private readonly legacy: readonly LegacyFormat[],
  ) {}

  /** Why secrets cannot be used in this process, or null. */
  get unavailable(): string | null {
    return 'unavailable' in this.dataKey ? this.dataKey.unavailable : null;
  }

  seal(plain: string): string {
    return sealValue(this.key(), plain);
  }

  open(sealed: string): string {
    if (isSealedValue(sealed)) return openValue(this.key(), sealed);
    const legacy = this.legacy.find((format) => sealed.startsWith(format.prefix));
    if (legacy) return legacy.open(sealed);
    throw new SecretBoxError('stored secret is not in a format this console can read');
  }

  isCurrent(sealed: string): boolean {
    return isSealedValue(sealed);
  }

  private key(): Buffer {
    if ('unavailable' in this.dataKey) throw new SecretBoxError(this.dataKey.unavailable);
    return this.dataKey.key;
  }
}
