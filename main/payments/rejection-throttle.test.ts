import { describe, expect, it } from 'vitest';
import { RejectionThrottle } from './rejection-throttle';

describe('refused webhooks in the audit log', () => {
  it('records the first ones of a window, counts the rest and reports them with the next entry, per tenant', () => {
    const throttle = new RejectionThrottle(3, 60_000);
    const admitted = Array.from({ length: 10 }, (_, i) => throttle.admit(1, 1_000 + i));
    expect(admitted.filter((a) => a !== null)).toEqual([{ unrecordedBefore: 0 }, { unrecordedBefore: 0 }, { unrecordedBefore: 0 }]);
    // Another tenant has its own window.
    expect(throttle.admit(2, 1_500)).toEqual({ unrecordedBefore: 0 });
    // The next window's first entry says how many went unrecorded.
    expect(throttle.admit(1, 61_000)).toEqual({ unrecordedBefore: 7 });
    expect(throttle.admit(1, 61_001)).toEqual({ unrecordedBefore: 0 });
  });
});
