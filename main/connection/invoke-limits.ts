import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ContractError } from '../contract/errors';
import type { Logger } from '../core/logger';
import { maskAddress } from './peer-address';

/** `points` requests per `seconds` (a fixed window per key). */
export interface RateLimit {
  points: number;
  seconds: number;
}

export interface InvokeLimitOptions {
  /**
   * Every invoke of one connection. Generous: a console view needs a handful a minute, a script
   * adding hundreds of routers at once must still fit. @defaultValue 1000 per 10 s
   */
  invokesPerConnection: RateLimit;
  /** Password-checking invokes ({@link CREDENTIAL_INVOKES}) of one connection. @defaultValue 10 per 60 s */
  signInsPerConnection: RateLimit;
  /**
   * Password-checking invokes from one remote address, over all its connections (a flood opens
   * new ones). Room for an office behind one NAT signing in at shift change. @defaultValue 30 per 60 s
   */
  signInsPerAddress: RateLimit;
}

export const DEFAULT_INVOKE_LIMITS: InvokeLimitOptions = {
  invokesPerConnection: { points: 1000, seconds: 10 },
  signInsPerConnection: { points: 10, seconds: 60 },
  signInsPerAddress: { points: 30, seconds: 60 },
};

/**
 * Invokes that check a password (scrypt: tens of milliseconds of CPU each) or create an account.
 * A flood of these is refused here, before dispatch, so it never reaches the hashing. A new
 * invoke that verifies a secret (a two-factor code, say) belongs in this list.
 */
export const CREDENTIAL_INVOKES: ReadonlySet<string> = new Set([
  'auth.signIn',
  // The two-factor step: a 6-digit code is guessable without a limit on tries.
  'auth.completeSignIn',
  'auth.changePassword',
  // A password and a code (disable), or a code (new recovery codes); wrong ones count toward the lockout like at sign-in.
  'auth.twoFactor.disable',
  'auth.twoFactor.regenerateRecoveryCodes',
  'setup.createAdmin',
  'tenants.selfRegister',
]);

type Bucket = { limiter: RateLimiterMemory; refusal: (seconds: number) => string; scope: 'connection' | 'address' };

/**
 * Per-connection and per-address rate limits on invokes, shared by every connection of a core.
 *
 * RateLimiterMemory (rate-limiter-flexible) because one process holds every connection of a
 * host: the counters need no shared store, and losing them on restart is harmless (the durable
 * per-username lockout in SQLite still stands). Its keys expire on their own, so the memory
 * stays bounded by the connections and addresses seen within one window. A multi-server setup
 * would swap in the same library's PostgreSQL limiter behind this class.
 */
export class InvokeLimits {
  private readonly invokes: Bucket;
  private readonly signInsByConnection: Bucket;
  private readonly signInsByAddress: Bucket;

  constructor(
    options: Partial<InvokeLimitOptions>,
    private readonly log: Logger,
  ) {
    const limits = { ...DEFAULT_INVOKE_LIMITS, ...options };
    const bucket = (limit: RateLimit, scope: Bucket['scope'], refusal: Bucket['refusal']): Bucket => ({
      limiter: new RateLimiterMemory({ points: limit.points, duration: limit.seconds }),
      refusal,
      scope,
    });
    this.invokes = bucket(limits.invokesPerConnection, 'connection', (s) => `Too many requests on this connection: wait ${s} s and try again.`);
    this.signInsByConnection = bucket(
      limits.signInsPerConnection,
      'connection',
      (s) => `Too many sign-in attempts on this connection: wait ${s} s and try again.`,
    );
    this.signInsByAddress = bucket(
      limits.signInsPerAddress,
      'address',
      (s) => `Too many sign-in attempts from your network address: wait ${s} s and try again.`,
    );
  }

  /** Counts one invoke; a `rate_limited` error (with `details.retryAfterMs`) when it is over a limit. */
  async admit(invoke: string, connection: string, address: string): Promise<ContractError | null> {
    const refused = await this.consume(this.invokes, connection, invoke, connection, address);
    if (refused || !CREDENTIAL_INVOKES.has(invoke)) return refused;
    return (
      (await this.consume(this.signInsByConnection, connection, invoke, connection, address)) ??
      (await this.consume(this.signInsByAddress, address, invoke, connection, address))
    );
  }

  /** The connection closed: its counters go (address counters stay: a flood reconnects). */
  forget(connection: string): void {
    void this.invokes.limiter.delete(connection);
    void this.signInsByConnection.limiter.delete(connection);
  }

  private async consume(bucket: Bucket, key: string, invoke: string, connection: string, address: string): Promise<ContractError | null> {
    try {
      await bucket.limiter.consume(key);
      return null;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterMs = Math.max(0, Math.ceil(rejection.msBeforeNext));
      // One line when a key goes over, not one per refused request of a flood.
      if (rejection.consumedPoints === bucket.limiter.points + 1) {
        this.log.warn('invokes rate limited', { scope: bucket.scope, invoke, connection, address: maskAddress(address), retryAfterMs });
      }
      return { code: 'rate_limited', message: bucket.refusal(Math.max(1, Math.ceil(retryAfterMs / 1000))), details: { retryAfterMs } };
    }
  }
}
