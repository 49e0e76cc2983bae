import '../styles/components.css';
import { chartPath, niceMax } from './chart-scale';

export interface ChartSeries {
  id: string;
  label: string;
  /** Picks the line colour from the stylesheet (`.chart-line.<className>`). */
  className: string;
  points: ReadonlyArray<{ t: number; v: number }>;
  /** The newest value (it may be newer than the last point), and formatted for the legend. */
  latest: number;
  current: string;
}

export interface LineChartProps {
  title: string;
  testId: string;
  series: readonly ChartSeries[];
  /** The window's right edge (ms since epoch) and width: the chart moves as `end` advances. */
  end: number;
  windowMs: number;
  formatValue: (value: number) => string;
  /** The window in words, for the chart's label and its x axis (default: the last hour, "60 min ago"). */
  span?: { label: string; startLabel: string };
  /** What an empty chart says (default: the dashboard's "a point every 10 seconds"). */
  emptyText?: string;
}

const W = 600;
const H = 160;

/**
 * A small time-series chart in inline SVG (no chart library, nothing the strict CSP refuses).
 * The plot stretches to its box; labels are HTML around it so they never distort.
 */
export function LineChart(props: LineChartProps) {
  const start = props.end - props.windowMs;
  let top = 0;
  let plotted = 0;
  for (const s of props.series) {
    top = Math.max(top, s.latest);
    for (const p of s.points) {
      if (p.t < start) continue;
      plotted++;
      if (p.v > top) top = p.v;
    }
  }
  const max = niceMax(top);
  const summary = props.series.map((s) => `${s.label} ${s.current}`).join(', ');
  return (
    <figure className="chart" data-testid={props.testId}>
      <figcaption className="chart-title">
        <span>{props.title}</span>
        <span className="chart-legend">
          {props.series.map((s) => (
            <span key={s.id} className="chart-key" data-testid={`${props.testId}-${s.id}`}>
              <span className={`chart-swatch ${s.className}`} aria-hidden="true" />
              {s.label} <strong>{s.current}</strong>
            </span>
          ))}
        </span>
      </figcaption>
      <div className="chart-body">
        <div className="chart-y" aria-hidden="true">
          <span>{props.formatValue(max)}</span>
          <span>{props.formatValue(max / 2)}</span>
          <span>0</span>
        </div>
        <svg className="chart-plot" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={`${props.title}, ${props.span?.label ?? 'last hour'}: ${summary}`}>
          {[0.25, 0.5, 0.75].map((f) => (
            <line key={f} className="chart-grid" x1={0} x2={W} y1={H * f} y2={H * f} vectorEffect="non-scaling-stroke" />
          ))}
          {props.series.map((s) => (
            <path key={s.id} className={`chart-line ${s.className}`} d={chartPath(s.points, start, props.end, max, W, H)} vectorEffect="non-scaling-stroke" />
          ))}
          {props.series.map((s) => {
            // The newest figure as a dot at the right edge: a zero-length round-capped stroke stays round when the plot stretches.
            const y = (H - (Math.min(s.latest, max) / max) * H).toFixed(1);
            return <path key={`${s.id}-now`} className={`chart-now ${s.className}`} d={`M${W},${y}L${W},${y}`} vectorEffect="non-scaling-stroke" />;
          })}
        </svg>
        {plotted === 0 && <span className="chart-empty">{props.emptyText ?? 'History starts now: a point every 10 seconds.'}</span>}
      </div>
      <div className="chart-x" aria-hidden="true">
        <span>{props.span?.startLabel ?? `${Math.round(props.windowMs / 60_000)} min ago`}</span>
        <span>now</span>
      </div>
    </figure>
  );
}
