import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRate, formatRateLimit, parseRateLimit, rateLimitLoss, type RateLimit } from './rate-limit';

describe('parseRateLimit', () => {
  it('reads rx as the upload and tx as the download', () => {
    expect(parseRateLimit('512k/1M')).toEqual({ uploadBps: 512_000, downloadBps: 1_000_000 });
  });

  it('uses one value for both directions', () => {
    expect(parseRateLimit('5M')).toEqual({ uploadBps: 5_000_000, downloadBps: 5_000_000 });
  });

  it('reads burst, threshold and burst time', () => {
    expect(parseRateLimit('2M/4M 4M/8M 1500k/3M 16/16')).toEqual({
      uploadBps: 2_000_000,
      downloadBps: 4_000_000,
      burstUploadBps: 4_000_000,
      burstDownloadBps: 8_000_000,
      burstThresholdUploadBps: 1_500_000,
      burstThresholdDownloadBps: 3_000_000,
      burstTimeSeconds: 16,
    });
  });

  it('reads the full form with priority and limit-at, keeping what a plan holds', () => {
    expect(parseRateLimit('1M/2M 2M/4M 1500k/3M 16/16 8 256k/512k')).toEqual({
      uploadBps: 1_000_000,
      downloadBps: 2_000_000,
      burstUploadBps: 2_000_000,
      burstDownloadBps: 4_000_000,
      burstThresholdUploadBps: 1_500_000,
      burstThresholdDownloadBps: 3_000_000,
      burstTimeSeconds: 16,
    });
  });

  it('treats zero positions as off', () => {
    expect(parseRateLimit('0/0')).toEqual({ uploadBps: 0, downloadBps: 0 });
    expect(parseRateLimit('1M/2M 0/0 0/0 0/0')).toEqual({ uploadBps: 1_000_000, downloadBps: 2_000_000 });
  });

  it('takes units in any case, decimals that are whole bits and durations for the burst time', () => {
    expect(parseRateLimit('1.5M/2g')).toEqual({ uploadBps: 1_500_000, downloadBps: 2_000_000_000 });
    expect(parseRateLimit('1.1M')).toEqual({ uploadBps: 1_100_000, downloadBps: 1_100_000 });
    expect(parseRateLimit('1M 2M 1M 1m')?.burstTimeSeconds).toBe(60);
  });

  it('keeps the longer of two burst times', () => {
    expect(parseRateLimit('1M 2M 1M 8/16')?.burstTimeSeconds).toBe(16);
  });

  it.each(['', '   ', 'fast', '1X/2M', '1M/2M/3M', '1M 2M 1M 8 9', '1M 2M 1M 8 0', '0.5', '1.0001k', '1 2 3 4 5 6 7', undefined])(
    '%j → null',
    (text) => {
      expect(parseRateLimit(text)).toBeNull();
    },
  );
});

describe('rateLimitLoss', () => {
  it('names what a plan cannot hold', () => {
    expect(rateLimitLoss('1M/2M 2M/4M 1500k/3M 16/8 4 256k/512k')).toBe('burst time 16/8 (the longer one is kept), priority 4, limit-at 256k/512k');
  });

  it('is null when nothing is lost, or the text does not parse', () => {
    expect(rateLimitLoss('1M/2M 2M/4M 1500k/3M 16 8')).toBeNull();
    expect(rateLimitLoss('nonsense')).toBeNull();
  });
});

describe('formatRateLimit', () => {
  it('writes the shortest exact form', () => {
    expect(formatRateLimit({ uploadBps: 5_000_000, downloadBps: 5_000_000 })).toBe('5M');
    expect(formatRateLimit({ uploadBps: 512_000, downloadBps: 1_000_000 })).toBe('512k/1M');
    expect(formatRateLimit({ uploadBps: 1_500_000, downloadBps: 1_234 })).toBe('1500k/1234');
    expect(formatRateLimit({ uploadBps: 1_000_000, downloadBps: 2_000_000, burstTimeSeconds: 8 })).toBe('1M/2M 0 0 8');
    expect(formatRateLimit({ uploadBps: 0, downloadBps: 3_000_000_000, burstDownloadBps: 4_000_000_000 })).toBe('0/3G 0/4G');
  });

  it('refuses values RouterOS cannot hold', () => {
    expect(() => formatRate(-1)).toThrow(RangeError);
    expect(() => formatRate(1.5)).toThrow(RangeError);
    expect(() => formatRateLimit({ uploadBps: 1, downloadBps: 1, burstTimeSeconds: 0.5 })).toThrow(RangeError);
  });

  it('round-trips through parseRateLimit', () => {
    // Round numbers are what operators type; arbitrary ones check the exactness.
    const rate = fc.oneof(
      fc.integer({ min: 0, max: 10_000_000_000 }),
      fc.integer({ min: 0, max: 100_000 }).map((n) => n * 1_000),
      fc.integer({ min: 0, max: 10_000 }).map((n) => n * 1_000_000),
    );
    const positive = rate.filter((n) => n > 0);
    const limit: fc.Arbitrary<RateLimit> = fc.record(
      {
        uploadBps: rate,
        downloadBps: rate,
        burstUploadBps: positive,
        burstDownloadBps: positive,
        burstThresholdUploadBps: positive,
        burstThresholdDownloadBps: positive,
        burstTimeSeconds: fc.integer({ min: 1, max: 3_600 }),
      },
      { requiredKeys: ['uploadBps', 'downloadBps'] },
    );
    fc.assert(
      fc.property(limit, (value) => {
        expect(parseRateLimit(formatRateLimit(value))).toEqual(value);
      }),
    );
  });
});
