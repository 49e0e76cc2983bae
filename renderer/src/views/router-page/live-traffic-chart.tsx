import { LineChart } from '../../components/line-chart';
import { formatRate } from '../../format/rate';
import { routerPageSelectors, useRouterPageStore, type LivePoint } from './router-page-store';

/** The live chart's window: the last two minutes, a point a second. */
const LIVE_WINDOW_MS = 120_000;
const SPAN = { label: 'last 2 minutes, live', startLabel: '2 min ago' };
const EMPTY: readonly LivePoint[] = [];

/**
 * One interface's traffic as the router reports it each second: each RouterTrafficSampled
 * appends a point, so the line moves while the page is open. `data-points` and `data-last` say
 * what it shows (for tests and the accessibility tree's summary).
 */
export function LiveTrafficChart({ name, now }: { name: string; now: number }) {
  const points = useRouterPageStore(routerPageSelectors.live).get(name) ?? EMPTY;
  const last = points.at(-1);
  const end = Math.max(now, last?.t ?? 0);
  return (
    <div data-testid="router-traffic-live" data-points={points.length} data-last={last ? `${last.rx}/${last.tx}` : ''}>
      <LineChart
        title={`${name} live`}
        testId="router-chart-live"
        end={end}
        windowMs={LIVE_WINDOW_MS}
        span={SPAN}
        formatValue={formatRate}
        emptyText="Waiting for the router’s first second of traffic…"
        series={[
          { id: 'rx', label: 'Rx', className: 'series-a', points: points.map((p) => ({ t: p.t, v: p.rx })), latest: last?.rx ?? 0, current: formatRate(last?.rx ?? 0) },
          { id: 'tx', label: 'Tx', className: 'series-b', points: points.map((p) => ({ t: p.t, v: p.tx })), latest: last?.tx ?? 0, current: formatRate(last?.tx ?? 0) },
        ]}
      />
    </div>
  );
}
