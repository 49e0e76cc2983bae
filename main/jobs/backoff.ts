/**
 * Delay before the next attempt after `attempt` (1-based) failed: exponential from `baseMs`,
 * capped at `maxMs`, with "equal jitter" (half fixed, half random) so a burst of failures does
 * not retry in lock-step, yet the delay never drops below half the exponential step.
 */
export function backoffDelay(
  attempt: number,
  backoff: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** exponent);
  return Math.round(step / 2 + random() * (step / 2));
}
