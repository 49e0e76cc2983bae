/** Reconnect delays: exponential, capped, with jitter so a fleet does not reconnect in lockstep. */
export interface BackoffOptions {
  /** First retry delay. @defaultValue 500 */
  initialMs: number;
  /** Cap of the delay. @defaultValue 30_000 */
  maxMs: number;
  /** Growth per failed attempt. @defaultValue 2 */
  factor: number;
  /** Fraction of the delay that is random (0 = none, 1 = "full jitter"). @defaultValue 0.5 */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, factor: 2, jitter: 0.5 };

/** Delay before retry number `attempt` (0-based): within [base·(1−jitter), base], base ≤ maxMs. */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const base = Math.min(options.maxMs, options.initialMs * options.factor ** Math.max(0, attempt));
  return Math.round(base * (1 - options.jitter * random()));
}
