import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dismissToast, resetToasts, toast, TOAST_MS, TOASTS_SHOWN, useToastStore } from './toast-store';

const texts = () => useToastStore.getState().toasts.map((t) => t.text);

describe('toasts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    resetToasts();
  });
  afterEach(() => vi.useRealTimers());

  it('keeps a failure longer than a success, and goes on its own', () => {
    toast('ok', 'north-02 added');
    toast('bad', 'test of north-02 failed: connection refused');
    vi.advanceTimersByTime(TOAST_MS.ok);
    expect(texts()).toEqual(['test of north-02 failed: connection refused']);
    vi.advanceTimersByTime(TOAST_MS.bad - TOAST_MS.ok);
    expect(texts()).toEqual([]);
  });

  it('shows the newest few, and a dismissed one at once', () => {
    const ids = Array.from({ length: TOASTS_SHOWN + 2 }, (_, i) => toast('ok', `t${i}`));
    expect(texts()).toEqual(Array.from({ length: TOASTS_SHOWN }, (_, i) => `t${i + 2}`));
    dismissToast(ids[ids.length - 1]!);
    expect(texts()).not.toContain(`t${TOASTS_SHOWN + 1}`);
    expect(vi.getTimerCount()).toBe(TOASTS_SHOWN - 1);
  });
});
