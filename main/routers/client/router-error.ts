import { PIN_MISMATCH } from './tls-options';

/**
 * Errors of the router client. Each message names the router and says what to do; none ever
 * contains a password (messages are built from our own words plus the router's reply text, and
 * node-routeros errors never include the words we sent).
 */
export type RouterErrorCode =
  /** The router refused the login (wrong user/password, or the user lacks the `api` policy). */
  | 'auth-failed'
  /** No TCP/TLS connection: refused, unreachable, reset, TLS handshake failed. */
  | 'unreachable'
  /** The router's TLS certificate is not trusted (wrong CA, wrong name, expired, not the pinned one): no login was sent. */
  | 'tls-untrusted'
  /** The connection ended (closed, reset, `!fatal`, timeout, or data that is not the API). */
  | 'connection-lost'
  /** The command got no complete reply within its timeout. */
  | 'timeout'
  /** The router answered with `!trap` (see `category`). */
  | 'trap'
  /** The connection is not online right now (the call was not sent). */
  | 'offline'
  /** The connection was stopped by us. */
  | 'stopped';

export class RouterError extends Error {
  override readonly name = 'RouterError';
  constructor(
    readonly code: RouterErrorCode,
    message: string,
    readonly details: {
      router: string;
      /** `!trap` category: 0 missing item or command, 1 bad argument, 2 interrupted, 3 script, 4 general, 5 API. */
      category?: number;
      /** node-routeros errno (e.g. ECONNREFUSED, SOCKTMOUT, FATAL, CLOSED). */
      errno?: string;
      command?: string;
    },
  ) {
    super(message);
  }

  get category(): number | undefined {
    return this.details.category;
  }
}

interface RosLikeError {
  errno?: string;
  message?: string;
  category?: number;
}

/** tls.connect() verification failures (OpenSSL's and Node's codes) and our pin check. */
const TLS_UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  PIN_MISMATCH,
]);

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EADDRNOTAVAIL']);

/** True for the rejection of a `/login` the router refused (as opposed to a transport failure). */
export function isLoginRefusal(err: unknown): boolean {
  const e = err as RosLikeError;
  return e?.errno === 'CANTLOGIN' || e?.errno === 'TRAP';
}

/** Certificates out of date: said as such also for a pinned one (renewing it is the fix). */
const OUT_OF_DATE = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/**
 * A connect() failure in words an operator can act on. `pinned`: the connection trusted only a
 * pinned certificate, so any other verification failure means the router presented another one.
 */
export function connectError(router: string, host: string, port: number, err: unknown, pinned = false): RouterError {
  const e = (err ?? {}) as RosLikeError;
  const errno = typeof e.errno === 'string' ? e.errno : undefined;
  const where = `${host}:${port}`;
  if (isLoginRefusal(err)) {
    const said = e.errno === 'TRAP' && e.message ? ` (router said: ${e.message})` : '';
    return new RouterError(
      'auth-failed',
      `router '${router}' refused login${said}: check the API user name and password, and that the user's group has the 'api' policy`,
      { router, errno },
    );
  }
  if (errno === PIN_MISMATCH || (pinned && errno && TLS_UNTRUSTED.has(errno) && !OUT_OF_DATE.has(errno))) {
    return new RouterError(
      'tls-untrusted',
      `router '${router}' presents a TLS certificate other than the pinned one: the console refuses to log in; if the router's certificate was replaced on purpose, an admin accepts the new one on the router`,
      { router, errno },
    );
  }
  if (errno && TLS_UNTRUSTED.has(errno)) {
    return new RouterError(
      'tls-untrusted',
      `router '${router}' TLS certificate is not trusted (${e.message || errno}): the console refuses to log in; check it is signed by the CA given for this router, names ${host} and is in date`,
      { router, errno },
    );
  }
  if (errno && (errno.startsWith('ERR_SSL_') || errno === 'EPROTO')) {
    return new RouterError(
      'unreachable',
      `router '${router}' TLS handshake at ${where} failed (${errno}): check the TLS mode matches its api-ssl service (verified or pinned need a certificate on it, anonymous needs none) and that ${where} is api-ssl, not the plain API`,
      { router, errno },
    );
  }
  if (errno && UNREACHABLE.has(errno)) {
    return new RouterError(
      'unreachable',
      `router '${router}' is unreachable at ${where} (${errno}): check the address and port, and that the 'api'${port === 8729 ? "-ssl" : ''} service is enabled in /ip/service and allowed from this host`,
      { router, errno },
    );
  }
  if (errno === 'SOCKTMOUT') {
    return new RouterError(
      'unreachable',
      `router '${router}' did not answer at ${where} in time: check that the host is up and the API port is not filtered`,
      { router, errno },
    );
  }
  if (errno === 'CLOSED' || errno === 'ECONNRESET' || errno === 'EPIPE') {
    return new RouterError(
      'unreachable',
      `router '${router}' closed the connection at ${where} during login: check that the API service is enabled and this host is in its 'available-from' list, or whether TLS (api-ssl) is needed`,
      { router, errno },
    );
  }
  return lostError(router, err, 'while connecting');
}

/** The connection ended after login. */
export function lostError(router: string, err: unknown, when = ''): RouterError {
  const e = (err ?? {}) as RosLikeError;
  const errno = typeof e.errno === 'string' ? e.errno : undefined;
  const reason = e.message || errno || 'connection closed';
  const hint =
    errno === 'BADREPLY'
      ? 'the router sent data that is not the RouterOS API; check the port is the API port, not WinBox or SSH'
      : errno === 'FATAL'
        ? 'the router ended the session; it reconnects automatically'
        : 'it reconnects automatically';
  return new RouterError('connection-lost', `router '${router}' connection lost${when ? ' ' + when : ''}: ${reason}; ${hint}`, { router, errno });
}

/** A failed command: `!trap` keeps the router's message and category. */
export function callError(router: string, command: string, err: unknown): RouterError {
  if (err instanceof RouterError) return err;
  const e = (err ?? {}) as RosLikeError;
  if (e.errno === 'TRAP') {
    const category = typeof e.category === 'number' && Number.isFinite(e.category) ? e.category : undefined;
    return new RouterError('trap', `router '${router}' rejected ${command}: ${e.message ?? 'no message'}`, {
      router,
      command,
      errno: 'TRAP',
      ...(category === undefined ? {} : { category }),
    });
  }
  const lost = lostError(router, err, `during ${command}`);
  return new RouterError('connection-lost', lost.message, { ...lost.details, command });
}
