import { describe, expect, it } from 'vitest';
import { formatBoolean, formatDuration, parseBoolean, parseDuration, parseNumber, parseRouterDate, parseText } from './values';

describe('parseDuration', () => {
  it.each([
    ['2w4d14h35m20s', 2 * 604_800 + 4 * 86_400 + 14 * 3600 + 35 * 60 + 20],
    ['4d1h37m55s', 4 * 86_400 + 3600 + 37 * 60 + 55],
    ['12m3s', 723],
    ['0s', 0],
    ['5m', 300],
    ['150ms', 0.15],
    ['1s500ms', 1.5],
    ['1d22:36:21', 86_400 + 22 * 3600 + 36 * 60 + 21],
    ['00:05:00', 300],
    ['22:36:21', 22 * 3600 + 36 * 60 + 21],
    ['1w2d03:04:05', 604_800 + 2 * 86_400 + 3 * 3600 + 4 * 60 + 5],
  ])('%s → %d s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', 'none', 'never', '5x', '1h 2m', '12:61', 'abc', '-5s'])('%j → null', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('round-trips through formatDuration', () => {
    for (const seconds of [0, 0.15, 59, 61, 3600, 90_061, 2 * 604_800 + 4 * 86_400 + 14 * 3600 + 35 * 60 + 20]) {
      expect(parseDuration(formatDuration(seconds))).toBe(seconds);
    }
    expect(formatDuration(90_061)).toBe('1d1h1m1s');
    expect(() => formatDuration(-1)).toThrow(RangeError);
  });
});

describe('parseRouterDate', () => {
  it('reads the pre-7.10 and the 7.10+ formats to the same local time', () => {
    expect(parseRouterDate('jun/26/2023 00:32:53')).toBe('2023-06-26T00:32:53');
    expect(parseRouterDate('2023-06-26 00:32:53')).toBe('2023-06-26T00:32:53');
    expect(parseRouterDate('Feb/05/2024 13:47:44')).toBe('2024-02-05T13:47:44');
    expect(parseRouterDate('jul/14/2023')).toBe('2023-07-14');
    expect(parseRouterDate('2023-07-14')).toBe('2023-07-14');
  });

  it.each(['', 'never', 'foo/01/2023', 'feb/30/2024 00:00:00', '2023-13-01 00:00:00', '2023-06-26 25:00:00', '26/06/2023'])(
    '%j → null',
    (text) => {
      expect(parseRouterDate(text)).toBeNull();
    },
  );
});

describe('booleans, numbers, text', () => {
  it('reads both boolean spellings and writes yes/no', () => {
    expect([parseBoolean('true'), parseBoolean('yes'), parseBoolean('false'), parseBoolean('no')]).toEqual([true, true, false, false]);
    expect(parseBoolean('maybe')).toBeNull();
    expect(parseBoolean(undefined)).toBeNull();
    expect([formatBoolean(true), formatBoolean(false)]).toEqual(['yes', 'no']);
  });

  it('reads raw numbers and rejects units or words', () => {
    expect(parseNumber('970981376')).toBe(970_981_376);
    expect(parseNumber('0')).toBe(0);
    expect(parseNumber('1.5')).toBe(1.5);
    expect(parseNumber('0x81500004')).toBe(0x81500004);
    expect(parseNumber('533MHz')).toBeNull();
    expect(parseNumber('unlimited')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('keeps an empty text but maps an absent one to null', () => {
    expect(parseText('')).toBe('');
    expect(parseText(undefined)).toBeNull();
  });
});
