import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';
import { formatDuration } from './duration';
import { formatRate } from './rate';

describe('formatBytes', () => {
  it('uses binary units with three significant figures', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(15 * 1024 * 1024)).toBe('15.0 MiB');
    expect(formatBytes(300 * 1024 ** 3)).toBe('300 GiB');
  });
  it('shows a dash for values that are not counters', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('formatRate', () => {
  it('uses decimal bit units', () => {
    expect(formatRate(0)).toBe('0 bps');
    expect(formatRate(999)).toBe('999 bps');
    expect(formatRate(1_250_000)).toBe('1.25 Mbps');
    expect(formatRate(12_500)).toBe('12.5 kbps');
    expect(formatRate(2e9)).toBe('2.00 Gbps');
  });
  it('carries a value that rounds to 1000 into the next unit', () => {
    expect(formatRate(999_700)).toBe('1.00 Mbps');
  });
});

describe('formatDuration', () => {
  it('keeps the two largest non-zero units', () => {
    expect(formatDuration(9)).toBe('9s');
    expect(formatDuration(65)).toBe('1m 5s');
    expect(formatDuration(3725)).toBe('1h 2m');
    expect(formatDuration(93784)).toBe('1d 2h');
    expect(formatDuration(86400)).toBe('1d');
    expect(formatDuration(0)).toBe('0s');
  });
  it('shows a dash for unknown', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
  });
});
