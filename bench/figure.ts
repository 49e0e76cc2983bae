/** One measured figure, printed by `npm run bench` as a JSON line for tracking over time. */
export interface BenchFigure {
  metric: string;
  value: number;
  unit: string;
  target: number;
  better: 'higher' | 'lower';
}

export type BenchSuite = () => Promise<BenchFigure[]>;

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
