import { describe, expect, it } from 'vitest';
import { durationInputOf, parseDuration, validityWords } from './duration-input';

describe('duration input', () => {
  it('reads RouterOS-style durations', () => {
    expect(parseDuration('1h')).toEqual({ ok: true, value: 3600 });
    expect(parseDuration('30d')).toEqual({ ok: true, value: 30 * 86400 });
    expect(parseDuration('1d 12h')).toEqual({ ok: true, value: 129600 });
    expect(parseDuration('1H30M')).toEqual({ ok: true, value: 5400 });
    expect(parseDuration('2w')).toEqual({ ok: true, value: 14 * 86400 });
    expect(parseDuration('  ')).toEqual({ ok: true, value: null });
  });

  it('refuses bare numbers and unknown units', () => {
    for (const text of ['30', '1y', 'd', '1h x', '0s']) expect(parseDuration(text).ok, text).toBe(false);
  });

  it('shows seconds back losslessly, in days at most', () => {
    expect(durationInputOf(93784)).toBe('1d 2h 3m 4s');
    expect(durationInputOf(14 * 86400)).toBe('14d');
    expect(durationInputOf(null)).toBe('');
    for (const s of [60, 3600, 5400, 93784, 30 * 86400]) expect(parseDuration(durationInputOf(s))).toEqual({ ok: true, value: s });
  });

  it('says a validity in words', () => {
    expect(validityWords(3600)).toBe('1 hour');
    expect(validityWords(86400)).toBe('1 day');
    expect(validityWords(30 * 86400)).toBe('30 days');
    expect(validityWords(129600)).toBe('1 day 12 hours');
    expect(validityWords(null)).toBe('no time limit');
  });
});
