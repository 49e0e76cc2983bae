import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import tls from 'node:tls';

/** A router's TLS certificate: the PEM (what a pin trusts) and its SHA-256 fingerprint (what people compare). */
export interface PeerCertificate {
  pem: string;
  /** `AB:CD:…`, as Node and browsers print it. */
  fingerprint: string;
}

/** Any usual spelling of a SHA-256 fingerprint (RouterOS prints bare lowercase hex) in the `AB:CD:…` form. */
export function normalizeFingerprint(value: string): string {
  return (value.replace(/[^0-9a-fA-F]/g, '').toUpperCase().match(/../g) ?? []).join(':');
}

/** Parses a PEM certificate; throws when it is not one. */
export function certificateOf(pem: string): PeerCertificate {
  const x509 = new X509Certificate(pem);
  return { pem: x509.toString(), fingerprint: x509.fingerprint256 };
}

/**
 * Reads the certificate a router's api-ssl presents and hangs up: no login, nothing sent but the
 * handshake. For trust on first use, and to show an admin which certificate replaced a pinned one.
 */
export function readPeerCertificate(host: string, port: number, timeoutMs: number): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    // Verification is the point of the later, pinned connection; here we only look.
    const socket = tls.connect({ host, port, rejectUnauthorized: false, minVersion: 'TLSv1.2', ...(isIP(host) ? {} : { servername: host }) });
    const timer = setTimeout(() => socket.destroy(new Error(`no TLS handshake within ${timeoutMs} ms`)), timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const raw = socket.getPeerCertificate().raw;
      socket.destroy();
      if (raw) resolve(certificateOf(new X509Certificate(raw).toString()));
      else reject(new Error('it presented no certificate'));
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
