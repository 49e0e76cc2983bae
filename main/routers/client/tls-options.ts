import type { ConnectionOptions, PeerCertificate as TlsPeerCertificate } from 'node:tls';
import { certificateOf } from './peer-certificate';

/**
 * How a connection secures itself: `false` plain API; `'anonymous'` api-ssl with anonymous DH
 * (encrypted, the router is not authenticated); `{ ca }` the certificate must chain to this CA
 * (PEM) and name the host; `{ pinned }` the certificate must be exactly this one (PEM; null: none
 * pinned yet, so the connection refuses to log in).
 */
export type RouterTls = false | 'anonymous' | { ca: string } | { pinned: string | null };

/** node-routeros sees it as the TLS error's code; router-error.ts words it. */
export const PIN_MISMATCH = 'ERR_ROUTER_CERT_NOT_PINNED';

const ANONYMOUS_DH: ConnectionOptions = {
  // Certificate-less api-ssl only offers anonymous DH suites; modern OpenSSL needs level 0 for them,
  // and TLS 1.3 has none. Only this mode skips verification (there is no certificate to verify).
  ciphers: 'ADH:@SECLEVEL=0',
  maxVersion: 'TLSv1.2',
  rejectUnauthorized: false,
};

/**
 * The tls.connect() options of a mode (node-routeros hands them on unchanged); null for a pin
 * mode with nothing pinned yet, where no connection may log in. Throws on a damaged pinned PEM.
 */
export function tlsConnectOptions(tls: Exclude<RouterTls, false>): ConnectionOptions | null {
  if (tls === 'anonymous') return { ...ANONYMOUS_DH };
  if ('ca' in tls) return { ca: tls.ca, rejectUnauthorized: true, minVersion: 'TLSv1.2' };
  if (tls.pinned === null) return null;
  const pinned = certificateOf(tls.pinned).fingerprint;
  return {
    // The pinned certificate is the only trust anchor, also when a CA issued it (partial chain):
    // OpenSSL then checks the router holds its key and that it is in date; the fingerprint check
    // below makes it exactly this certificate. The host name is not checked: the pin is stronger.
    ca: tls.pinned,
    allowPartialTrustChain: true,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    checkServerIdentity: (_host: string, cert: TlsPeerCertificate) =>
      cert.fingerprint256 === pinned ? undefined : Object.assign(new Error('the certificate is not the pinned one'), { code: PIN_MISMATCH }),
  };
}

/** How a mode shows in logs. */
export function describeTls(tls: RouterTls): string {
  if (tls === false) return 'off';
  if (tls === 'anonymous') return 'anonymous';
  return 'ca' in tls ? 'verify-ca' : 'pin';
}
