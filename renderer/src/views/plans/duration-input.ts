import type { Parsed } from './amount-input';

const UNITS: Record<string, number> = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 };

/**
 * A duration typed the way RouterOS and mikhmon write them ("30d", "1h", "1d 12h", "2w",
 * "1h30m") in seconds; empty means "none" (null). A bare number is refused rather than guessed
 * as minutes or days.
 */
export function parseDuration(text: string): Parsed<number | null> {
  const plain = text.trim().toLowerCase();
  if (plain === '') return { ok: true, value: null };
  const part = /(\d+)\s*([wdhms])\s*/y;
  let seconds = 0;
  let match: RegExpExecArray | null;
  while (part.lastIndex < plain.length && (match = part.exec(plain))) seconds += Number(match[1]) * UNITS[match[2]!]!;
  if (part.lastIndex !== plain.length || seconds === 0) return { ok: false, message: 'a duration such as 1h, 1d, 30d or 1d 12h (w d h m s)' };
  return { ok: true, value: seconds };
}

/** Seconds as the field shows them, every unit kept (unlike formatDuration's two): 93784 → "1d 2h 3m 4s". */
export function durationInputOf(seconds: number | null): string {
  if (seconds === null) return '';
  const parts: string[] = [];
  let rest = seconds;
  // Days at most: "14d" compares at a glance with "30d"; weeks are only a typing shortcut.
  for (const [unit, size] of Object.entries(UNITS).filter(([u]) => u !== 'w')) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join(' ') || '0s';
}

/** A plan's validity in words for people and voucher cards: "1 hour", "30 days", "1 day 12 hours"; null: "no time limit". */
export function validityWords(seconds: number | null): string {
  if (seconds === null) return 'no time limit';
  const words: Array<[number, string]> = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const [size, word] of words) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${word}${n === 1 ? '' : 's'}`);
    rest -= n * size;
  }
  return parts.slice(0, 2).join(' ') || `${seconds} seconds`;
}
