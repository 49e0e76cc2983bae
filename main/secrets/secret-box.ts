/**
 * Encrypts secrets (router passwords) for storage at rest. Each host supplies one: Electron's
 * safeStorage (OS keychain) on the desktop, an AES-256-GCM key file on the headless host.
 * Sealed values are opaque text, safe to store in SQLite; they never leave the backend.
 */
export interface SecretBox {
  readonly kind: string;
  seal(plain: string): string;
  /** Throws a SecretBoxError when the value was tampered with or sealed with another key. */
  open(sealed: string): string;
}

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}
