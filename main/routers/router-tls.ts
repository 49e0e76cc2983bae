import type { RouterTls } from './client/tls-options';
import type { RouterTlsMode } from './contract';

/** A router's stored TLS settings, as its shard needs them to connect. */
export interface RouterTlsSettings {
  mode: RouterTlsMode;
  /** `verify-ca`: the CA certificate (PEM). */
  ca: string;
  /** `pin`: the pinned certificate (PEM); null until first connect. */
  pinned: string | null;
}

/** The connection's view of the stored mode. */
export function clientTls(settings: RouterTlsSettings): RouterTls {
  switch (settings.mode) {
    case 'off':
      return false;
    case 'anonymous':
      return 'anonymous';
    case 'verify-ca':
      return { ca: settings.ca };
    case 'pin':
      return { pinned: settings.pinned };
  }
}
