/**
 * Encrypts secrets (router passwords, TOTP secrets) for storage at rest. One scheme for every
 * host (see data-key-box.ts): AES-256-GCM under the data folder's data key, which the desktop
 * seals with the OS keychain and the headless host keeps in a 0600 key file. Sealed values are
 * opaque text, safe to store in SQLite; they never leave the backend.
 */
export interface SecretBox {
  readonly kind: string;
  seal(plain: string): string;
  /** Throws a SecretBoxError that says why when the value cannot be read on this machine. */
  open(sealed: string): string;
  /** False for a value in an older format: open it and seal it again (start-up migrations do). */
  isCurrent(sealed: string): boolean;
}

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}
