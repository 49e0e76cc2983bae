import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

export interface ChartHoverProps {
  /** The points' times (ms), oldest first: what the pointer and the arrow keys step through. */
  times: readonly number[];
  /** The chart's window, as given to the chart. */
  start: number;
  end: number;
  /** The time and values of the point at `index`, as one line. */
  describe: (index: number) => string;
  label: string;
  testId: string;
  children: ReactNode;
}

interface Mark {
  index: number;
  left: number;
  top: number;
  height: number;
  /** The tip opens leftwards on the right half, so it never leaves the chart. */
  flip: boolean;
}

/** The index of the time nearest `t` among times[lo..hi] (sorted). */
export function nearestIndex(times: readonly number[], t: number, lo = 0, hi = times.length - 1): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (times[mid]! < t) a = mid + 1;
    else b = mid;
  }
  return a > lo && t - times[a - 1]! <= times[a]! - t ? a - 1 : a;
}

/**
 * Hover values for a chart: a crosshair and the values at the pointer. The same values are
 * reachable by keyboard: a slider over the points (arrow keys, Home, End) whose value text is the
 * point's line, which screen readers announce.
 */
export function ChartHover(props: ChartHoverProps) {
  const box = useRef<HTMLDivElement>(null);
  const [mark, setMark] = useState<Mark | null>(null);
  const { times, start, end } = props;
  let lo = 0;
  while (lo < times.length && times[lo]! < start) lo++;
  let hi = times.length - 1;
  while (hi >= lo && times[hi]! > end) hi--;
  const empty = hi < lo;

  const place = (index: number) => {
    const plot = box.current?.querySelector('.chart-plot')?.getBoundingClientRect();
    const outer = box.current?.getBoundingClientRect();
    if (!plot || !outer || end <= start) return;
    const fraction = (times[index]! - start) / (end - start);
    setMark({ index, left: plot.left - outer.left + fraction * plot.width, top: plot.top - outer.top, height: plot.height, flip: fraction > 0.5 });
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const plot = box.current?.querySelector('.chart-plot')?.getBoundingClientRect();
    if (empty || !plot || e.clientX < plot.left || e.clientX > plot.right) return setMark(null);
    place(nearestIndex(times, start + ((e.clientX - plot.left) / plot.width) * (end - start), lo, hi));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (empty) return;
    const current = mark?.index ?? hi;
    const next = { ArrowLeft: current - 1, ArrowDown: current - 1, ArrowRight: current + 1, ArrowUp: current + 1, Home: lo, End: hi }[e.key];
    if (e.key === 'Escape') return setMark(null);
    if (next === undefined) return;
    e.preventDefault();
    place(Math.min(hi, Math.max(lo, next)));
  };

  const shown = mark && mark.index >= lo && mark.index <= hi ? mark : null;
  const text = shown ? props.describe(shown.index) : empty ? 'no points in this range' : props.describe(hi);
  return (
    <div className="chart-hover" ref={box} onPointerMove={onPointerMove} onPointerLeave={() => setMark(null)}>
      {props.children}
      {shown && (
        <>
          <div className="chart-crosshair" aria-hidden="true" style={{ left: shown.left, top: shown.top, height: shown.height }} />
          <div className={`chart-tip${shown.flip ? ' flip' : ''}`} aria-hidden="true" style={{ left: shown.left, top: shown.top }} data-testid={`${props.testId}-tip`}>
            {props.describe(shown.index)}
          </div>
        </>
      )}
      <div
        className="chart-keys"
        role="slider"
        tabIndex={0}
        aria-label={`${props.label}: values by time`}
        aria-valuemin={0}
        aria-valuemax={Math.max(0, hi - lo)}
        aria-valuenow={shown ? shown.index - lo : Math.max(0, hi - lo)}
        aria-valuetext={text}
        onKeyDown={onKeyDown}
        onBlur={() => setMark(null)}
        data-testid={`${props.testId}-keys`}
      />
    </div>
  );
}
