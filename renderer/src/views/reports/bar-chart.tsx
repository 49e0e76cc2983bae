import { stackBars } from './bar-layout';

export interface BarSeries {
  id: string;
  label: string;
  /** One value per bucket. */
  values: readonly number[];
  /** The legend's figure (already formatted). */
  total: string;
}

export interface BarChartProps {
  title: string;
  testId: string;
  /** One label per bucket. */
  labels: readonly string[];
  series: readonly BarSeries[];
  formatValue: (value: number) => string;
  /** The chart in words for screen readers (the table below has the figures). */
  summary: string;
}

const W = 600;
const H = 180;
/** The colours of the series, in order (reports.css): at most this many, the rest folded into one. */
export const BAR_COLOURS = 6;

/**
 * Stacked bars per bucket in inline SVG, like the dashboard's line chart (no chart library,
 * nothing the CSP refuses). Labels are HTML around the plot so they never stretch with it.
 */
export function BarChart(props: BarChartProps) {
  const layout = stackBars(props.series.map((s) => s.values));
  const span = layout.top - layout.bottom || 1;
  const y = (v: number) => H - ((v - layout.bottom) / span) * H;
  const slot = W / Math.max(1, props.labels.length);
  const bar = Math.max(1, slot * 0.7);
  const first = props.labels[0] ?? '';
  const last = props.labels[props.labels.length - 1] ?? '';
  return (
    <figure className="chart report-chart" data-testid={props.testId}>
      <figcaption className="chart-title">
        <span>{props.title}</span>
        <span className="chart-legend">
          {props.series.map((s, i) => (
            <span key={s.id} className="chart-key" data-testid={`${props.testId}-key-${i}`}>
              <span className={`chart-swatch bar-swatch bar-${i % BAR_COLOURS}`} aria-hidden="true" />
              {s.label} <strong>{s.total}</strong>
            </span>
          ))}
        </span>
      </figcaption>
      <div className="chart-body">
        <div className="chart-y" aria-hidden="true">
          <span>{props.formatValue(layout.top)}</span>
          {layout.bottom < 0 && layout.top > 0 && <span>0</span>}
          <span>{props.formatValue(layout.bottom)}</span>
        </div>
        <svg className="chart-plot" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={props.summary}>
          <line className="chart-grid" x1={0} x2={W} y1={y(0)} y2={y(0)} vectorEffect="non-scaling-stroke" />
          {layout.segments.map((s) => (
            <rect
              key={`${s.bucket}-${s.series}`}
              className={`bar bar-${s.series % BAR_COLOURS}`}
              x={s.bucket * slot + (slot - bar) / 2}
              width={bar}
              y={y(s.y1)}
              height={Math.max(0, y(s.y0) - y(s.y1))}
            />
          ))}
        </svg>
      </div>
      <div className="chart-x" aria-hidden="true">
        <span>{first}</span>
        {props.labels.length > 1 && <span>{last}</span>}
      </div>
    </figure>
  );
}
