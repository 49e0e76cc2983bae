/** The top of a chart's y axis: the maximum rounded up to 1, 2 or 5 × 10^n (never 0). */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (value <= step * magnitude) return step * magnitude;
  return 10 * magnitude;
}

/**
 * An SVG path through the points inside [start, end], scaled to a w×h box (y grows down).
 * A gap of more than three typical intervals (the app was closed, the host slept) breaks the line.
 */
export function chartPath(points: ReadonlyArray<{ t: number; v: number }>, start: number, end: number, max: number, w: number, h: number): string {
  const span = end - start;
  if (span <= 0 || max <= 0) return '';
  const inside = points.filter((p) => p.t >= start && p.t <= end);
  if (inside.length === 0) return '';
  const step = inside.length > 1 ? (inside[inside.length - 1]!.t - inside[0]!.t) / (inside.length - 1) : 0;
  let d = '';
  let previous: number | null = null;
  for (const p of inside) {
    const x = ((p.t - start) / span) * w;
    const y = h - (Math.min(p.v, max) / max) * h;
    const move = previous === null || (step > 0 && p.t - previous > step * 3);
    d += `${move ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    previous = p.t;
  }
  return d;
}
