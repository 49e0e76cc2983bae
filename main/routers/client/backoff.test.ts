import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';

describe('backoffDelay', () => {
  const opts = { initialMs: 100, maxMs: 5_000, factor: 2, jitter: 0.5 };

  it('grows exponentially up to the cap, without jitter at random() = 0', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10, 50].map((n) => backoffDelay(n, opts, () => 0))).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000]);
  });

  it('takes up to `jitter` of the delay off at random, never more, never past the cap', () => {
    expect(backoffDelay(3, opts, () => 0.999_999)).toBe(400);
    for (let attempt = 0; attempt < 30; attempt++) {
      for (const r of [0, 0.25, 0.5, 0.75, 0.999]) {
        const d = backoffDelay(attempt, opts, () => r);
        const base = Math.min(opts.maxMs, opts.initialMs * 2 ** attempt);
        expect(d).toBeGreaterThanOrEqual(Math.floor(base * 0.5));
        expect(d).toBeLessThanOrEqual(base);
      }
    }
  });

  it('has bounded defaults', () => {
    expect(backoffDelay(1_000, DEFAULT_BACKOFF, () => 0)).toBe(DEFAULT_BACKOFF.maxMs);
  });
});
