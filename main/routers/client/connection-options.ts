import type { Logger } from '../../core/logger';
import type { BackoffOptions } from './backoff';
import type { RouterTls } from './tls-options';

/** Where a router is and how to log in: what a RouterConnection is made for. */
export interface RouterEndpoint {
  /** Name in logs and error messages, e.g. `hq-1`. */
  name: string;
  host: string;
  /** @defaultValue 8728, or 8729 with TLS */
  port?: number;
  username: string;
  /** Never logged, never put in an error message. */
  password: string;
  /**
   * `'anonymous'`: api-ssl on a router without a certificate (anonymous Diffie-Hellman: encrypted,
   * the router's identity is not verified). `{ ca }`: verified against that CA. `{ pinned }`:
   * exactly that certificate. See tls-options.ts.
   * @defaultValue false (plain API)
   */
  tls?: RouterTls;
  /** Text encoding of the router's words (iconv-lite name: `utf-8`, `win1252`, `win1251`, …). @defaultValue 'utf-8' */
  encoding?: string;
}

/** How a RouterConnection behaves: timeouts, keepalive, reconnects. */
export interface RouterConnectionOptions {
  /** Per-call reply timeout. @defaultValue 10_000 */
  callTimeoutMs?: number;
  /** TCP/TLS connect plus login. @defaultValue 10_000 */
  connectTimeoutMs?: number;
  /**
   * The keepalive period. After half of it without a word from the router a probe
   * (`/system/identity/print`) goes out, given a quarter period to answer (else: degraded);
   * a router silent for a whole period is lost: offline, and reconnecting. @defaultValue 10_000
   */
  keepalivePeriodMs?: number;
  /** A probe slower than this marks the router degraded. @defaultValue 2_000 */
  slowCallMs?: number;
  /** Reconnect delays after a lost connection or a failed attempt. */
  backoff?: Partial<BackoffOptions>;
  /** Retry delay after a refused login or an untrusted TLS certificate (neither fixes itself). @defaultValue 60_000 */
  authRetryMs?: number;
  logger?: Logger;
  /** Jitter source (tests). @defaultValue Math.random */
  random?: () => number;
}
