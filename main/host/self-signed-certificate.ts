import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** Apple platforms refuse TLS server certificates valid for longer than 825 days, self-signed ones included. */
const VALIDITY_DAYS = 825;
/** A certificate this close to its end is replaced on start, not left to fail mid-shift. */
const RENEW_BEFORE_DAYS = 14;
const DAY_MS = 86_400_000;

export interface StoredCertificate {
  cert: string;
  key: string;
  /** Why this start made a new certificate (`null`: the stored one was reused). */
  created: 'first start' | 'expiring' | 'unreadable' | null;
  /** Host names and addresses the certificate names that the console was asked to serve but it does not cover. */
  uncovered: string[];
}

/** Where the self-signed certificate and its key live in the data folder. */
export function certificatePaths(dataDir: string): { dir: string; cert: string; key: string } {
  const dir = join(dataDir, 'tls');
  return { dir, cert: join(dir, 'console-cert.pem'), key: join(dir, 'console-key.pem') };
}

/**
 * The console server's own certificate: made on first start (an EC P-256 key, SHA-256 signed,
 * the given names and addresses as subject alternative names) and reused on every later start,
 * so the fingerprint desktop apps pinned stays the same. It is replaced only when it is missing,
 * unreadable or about to expire; a name it does not cover is reported, not fixed by a new
 * certificate, because a new one would break every pin (pinned clients compare fingerprints, not
 * names).
 */
export async function loadOrCreateCertificate(dataDir: string, names: readonly string[], now = new Date()): Promise<StoredCertificate> {
  const paths = certificatePaths(dataDir);
  const stored = readStored(paths.cert, paths.key);
  if (stored !== 'missing' && stored !== 'unreadable') {
    const validTo = new Date(stored.x509.validTo);
    if (validTo.getTime() - now.getTime() > RENEW_BEFORE_DAYS * DAY_MS) {
      return { cert: stored.cert, key: stored.key, created: null, uncovered: names.filter((name) => !covers(stored.x509, name)) };
    }
  }
  const made = await generate([{ name: 'commonName', value: 'NOC Console' }, { name: 'organizationName', value: 'NOC Console (self-signed)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 5 * 60_000),
    notAfterDate: new Date(now.getTime() + VALIDITY_DAYS * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map((name) => (isIP(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name })) },
    ],
  });
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  // Key first, and each file whole (written aside, then renamed): a crash leaves the old pair or a new key without its certificate, which is made again.
  writeWhole(paths.key, made.private, 0o600);
  writeWhole(paths.cert, made.cert, 0o644);
  return { cert: made.cert, key: made.private, created: stored === 'missing' ? 'first start' : stored === 'unreadable' ? 'unreadable' : 'expiring', uncovered: [] };
}

function readStored(certFile: string, keyFile: string): { cert: string; key: string; x509: X509Certificate } | 'missing' | 'unreadable' {
  if (!existsSync(certFile) || !existsSync(keyFile)) return 'missing';
  try {
    const cert = readFileSync(certFile, 'utf8');
    const key = readFileSync(keyFile, 'utf8');
    const x509 = new X509Certificate(cert);
    return { cert, key, x509 };
  } catch {
    return 'unreadable';
  }
}

function covers(x509: X509Certificate, name: string): boolean {
  return isIP(name) ? x509.checkIP(name) !== undefined : x509.checkHost(name) !== undefined;
}

function writeWhole(file: string, text: string, mode: number): void {
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, text, { mode });
  // The mode of writeFileSync applies only to a new file, and the umask narrows it: set it outright.
  chmodSync(aside, mode);
  renameSync(aside, file);
}
