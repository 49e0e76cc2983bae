import { niceMax } from '../../components/chart-scale';

/** One piece of a stacked bar, in value units: from `y0` to `y1` (y1 > y0; below zero for losses). */
export interface BarSegment {
  bucket: number;
  series: number;
  y0: number;
  y1: number;
}

export interface BarLayout {
  segments: BarSegment[];
  /** The axis: `bottom` ≤ 0 ≤ `top`, each rounded to 1, 2 or 5 × 10^n. */
  top: number;
  bottom: number;
}

/**
 * Bars stacked per bucket, series by series: gains upward from zero, losses (a day whose
 * reversals outweigh its money) downward, so a bar never hides one series behind another.
 * `values[series][bucket]`.
 */
export function stackBars(values: ReadonlyArray<readonly number[]>): BarLayout {
  const buckets = Math.max(0, ...values.map((v) => v.length));
  const segments: BarSegment[] = [];
  let high = 0;
  let low = 0;
  for (let bucket = 0; bucket < buckets; bucket++) {
    let up = 0;
    let down = 0;
    values.forEach((row, series) => {
      const v = row[bucket] ?? 0;
      if (v > 0) segments.push({ bucket, series, y0: up, y1: (up += v) });
      else if (v < 0) segments.push({ bucket, series, y0: (down += v), y1: down - v });
    });
    high = Math.max(high, up);
    low = Math.min(low, down);
  }
  return { segments, top: high > 0 || low === 0 ? niceMax(high) : 0, bottom: low < 0 ? -niceMax(-low) : 0 };
}

/** The top series by their total (biggest first) and the rest folded into one "other" row. */
export function topSeries<T>(rows: readonly T[], total: (row: T) => number, keep: number): { kept: T[]; rest: T[] } {
  const sorted = [...rows].sort((a, b) => Math.abs(total(b)) - Math.abs(total(a)));
  return sorted.length <= keep ? { kept: sorted, rest: [] } : { kept: sorted.slice(0, keep - 1), rest: sorted.slice(keep - 1) };
}
