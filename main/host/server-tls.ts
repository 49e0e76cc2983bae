import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';
import { certificateFingerprint } from './certificate-fingerprint';
import { certificatePaths, loadOrCreateCertificate } from './self-signed-certificate';

/**
 * How the console serves: `auto` (no flag) is plain HTTP on a loopback address and a
 * self-signed certificate anywhere else, so a console on the LAN never speaks in clear text
 * unless told to (`off`, e.g. behind a reverse proxy that terminates TLS).
 */
export type TlsChoice = 'auto' | 'off' | 'self-signed' | { certFile: string; keyFile: string };

export interface ServerTls {
  cert: string;
  key: string;
  /** SHA-256 fingerprint, `AB:CD:…` (certificateFingerprint). */
  fingerprint: string;
  /** Lines for the person starting the console (a new certificate, names it does not cover). */
  notes: string[];
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '']);

/** Whether a bind address only reaches this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

/**
 * Names a self-signed certificate must carry: the loopback names, the bound address (or, bound
 * to every interface, this machine's name and addresses), and the `--allow-host` names.
 */
export function certificateNames(boundHost: string, allowedHosts: readonly string[]): string[] {
  const names = new Set(['localhost', '127.0.0.1', '::1']);
  const bound = boundHost.replace(/^\[|\]$/g, '');
  if (WILDCARDS.has(bound)) {
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) if (!address.address.startsWith('fe80:')) names.add(address.address);
    }
  } else names.add(bound.toLowerCase());
  for (const allowed of allowedHosts) {
    // `NAME` or `NAME:PORT`, `[v6]` or `[v6]:PORT` (validated by AllowedHosts).
    const name = allowed.startsWith('[') ? allowed.slice(1, allowed.indexOf(']')) : allowed.replace(/:\d+$/, '');
    names.add(name.toLowerCase());
  }
  return [...names];
}

/** What to print when the console serves plain HTTP beyond this machine (`--tls off`), or null. */
export function plainHttpWarning(host: string, servesTls: boolean): string | null {
  if (servesTls || isLoopbackHost(host)) return null;
  return (
    `WARNING: serving plain HTTP on ${host}: passwords and session tokens cross the network readable by anyone on it. ` +
    'Use this only behind a reverse proxy that terminates TLS, on a network you trust; otherwise drop --tls off (a self-signed certificate is made).'
  );
}

/** The certificate the server presents, or null for plain HTTP. Throws a message fit to print when files are wrong. */
export async function resolveServerTls(options: { tls: TlsChoice; host: string; dataDir: string; allowedHosts: readonly string[] }): Promise<ServerTls | null> {
  const { tls } = options;
  if (tls === 'off' || (tls === 'auto' && isLoopbackHost(options.host))) return null;
  if (typeof tls === 'object') return fromFiles(tls.certFile, tls.keyFile);
  const stored = await loadOrCreateCertificate(options.dataDir, certificateNames(options.host, options.allowedHosts));
  const notes: string[] = [];
  const { cert } = certificatePaths(options.dataDir);
  if (stored.created !== null) {
    notes.push(`Made a self-signed TLS certificate (${stored.created === 'first start' ? 'first start' : stored.created === 'expiring' ? 'the old one was about to expire' : 'the stored one could not be read'}): ${cert}`);
    if (stored.created !== 'first start') notes.push('Its fingerprint is new: desktop apps that pinned the old one will refuse it until they are told to trust the new one.');
  }
  if (stored.uncovered.length > 0) {
    notes.push(
      `The certificate does not name ${stored.uncovered.join(', ')}: browsers will warn on those names (pinned desktop apps do not mind). ` +
        `Delete ${cert} to make one that does (desktop apps must then pin the new fingerprint), or give --tls-cert/--tls-key.`,
    );
  }
  return { cert: stored.cert, key: stored.key, fingerprint: certificateFingerprint(stored.cert), notes };
}

function fromFiles(certFile: string, keyFile: string): ServerTls {
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read the TLS ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; check the path and that this user may read it`);
    }
  };
  const cert = read(certFile, 'certificate');
  const key = read(keyFile, 'key');
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new Error(`${certFile} is not a PEM certificate (it should start with -----BEGIN CERTIFICATE-----)`);
  }
  let matches: boolean;
  try {
    matches = x509.checkPrivateKey(createPrivateKey(key));
  } catch {
    throw new Error(`${keyFile} is not a PEM private key, or it is encrypted: give an unencrypted key (-----BEGIN PRIVATE KEY-----)`);
  }
  if (!matches) throw new Error(`${keyFile} is not the private key of ${certFile}: give the key the certificate was issued for`);
  const notes = new Date(x509.validTo).getTime() < Date.now() ? [`The certificate ${certFile} expired on ${x509.validTo}: clients will refuse it; renew it.`] : [];
  return { cert, key, fingerprint: certificateFingerprint(cert), notes };
}
