import { X509Certificate } from 'node:crypto';

/**
 * The SHA-256 fingerprint of a PEM certificate (the first one of a chain) as browsers and
 * `openssl x509 -fingerprint -sha256` show it: upper-case hex pairs joined by colons
 * (`AB:CD:…`, 32 pairs). The console server prints it on start; a desktop app pins it on
 * first connect and compares it on every later one, so the format must not change.
 */
export function certificateFingerprint(pem: string | Buffer): string {
  return new X509Certificate(pem).fingerprint256;
}
