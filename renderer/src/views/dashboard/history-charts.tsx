import { useEffect, useMemo } from 'react';
import type { DashboardStats } from '../../../../main/dashboard/contract';
import { RANGE_MS, type HistoryRange } from '../../../../main/dashboard/history-contract';
import { LineChart } from '../../components/line-chart';
import { formatRate } from '../../format/rate';
import { useFormat } from '../../format/use-format';
import { dashboardSelectors, useDashboardStore } from './dashboard-store';
import { ChartHover } from './chart-hover';
import { loadHistory } from './history-live';
import { chartPoints, historySelectors, useHistoryStore, type ChartPoint } from './history-store';
import { RangeButtons } from './range-buttons';
import './dashboard-history.css';

/** Each range in words, for a chart's label and its x axis (the router page's charts too). */
export const RANGE_SPANS: Record<HistoryRange, { label: string; startLabel: string }> = {
  '15m': { label: 'last 15 minutes', startLabel: '15 min ago' },
  '1h': { label: 'last hour', startLabel: '60 min ago' },
  '24h': { label: 'last 24 hours', startLabel: '24 h ago' },
  '7d': { label: 'last 7 days', startLabel: '7 days ago' },
};

type Field = 'hotspot' | 'pppoe' | 'inBps' | 'outBps';
const pick = (points: readonly ChartPoint[], field: Field) => points.map((p) => ({ t: p.t, v: p[field] }));

/**
 * The Sessions and Throughput charts over the chosen range: stored history (it survives a
 * restart) joined to the live points, with the values at the pointer or the keyboard's point.
 */
export function HistoryCharts({ stats, end, tenantId, asAdmin }: { stats: DashboardStats; end: number; tenantId: number | null; asAdmin: boolean }) {
  const format = useFormat();
  const count = (v: number) => format.number(Math.round(v));
  const range = useHistoryStore(historySelectors.range);
  const stored = useHistoryStore(historySelectors.points);
  const resolution = useHistoryStore(historySelectors.resolution);
  const error = useHistoryStore(historySelectors.error);
  const live = useDashboardStore(dashboardSelectors.history);

  useEffect(() => loadHistory(range, tenantId, asAdmin), [range, tenantId, asAdmin]);

  const points = useMemo(() => chartPoints(stored ?? [], live, resolution), [stored, live, resolution]);
  const times = useMemo(() => points.map((p) => p.t), [points]);
  const windowMs = RANGE_MS[range];
  const start = end - windowMs;
  const when = (t: number) => (range === '15m' || range === '1h' ? format.clock(t) : format.dateTime(t));
  const at = (i: number) => points[i]!;

  return (
    <section className="history-charts" aria-label="History">
      <div className="toolbar">
        <RangeButtons />
        {stored === null && !error && <span className="muted">Loading history…</span>}
        {error && (
          <span className="error" data-testid="dashboard-history-error">
            History could not be loaded: {error}
          </span>
        )}
      </div>
      <div className="charts">
        <ChartHover times={times} start={start} end={end} label="Sessions" testId="dashboard-chart-sessions" describe={(i) => `${when(at(i).t)} · Hotspot ${count(at(i).hotspot)} · PPPoE ${count(at(i).pppoe)}`}>
          <LineChart
            title="Sessions"
            testId="dashboard-chart-sessions"
            end={end}
            windowMs={windowMs}
            span={RANGE_SPANS[range]}
            formatValue={count}
            series={[
              { id: 'hotspot', label: 'Hotspot', className: 'series-a', points: pick(points, 'hotspot'), latest: stats.hotspotOnline, current: count(stats.hotspotOnline) },
              { id: 'pppoe', label: 'PPPoE', className: 'series-b', points: pick(points, 'pppoe'), latest: stats.pppoeOnline, current: count(stats.pppoeOnline) },
            ]}
          />
        </ChartHover>
        <ChartHover times={times} start={start} end={end} label="Throughput" testId="dashboard-chart-throughput" describe={(i) => `${when(at(i).t)} · In ${formatRate(at(i).inBps)} · Out ${formatRate(at(i).outBps)}`}>
          <LineChart
            title="Throughput"
            testId="dashboard-chart-throughput"
            end={end}
            windowMs={windowMs}
            span={RANGE_SPANS[range]}
            formatValue={formatRate}
            series={[
              { id: 'in', label: 'In', className: 'series-a', points: pick(points, 'inBps'), latest: stats.throughput.inBps, current: formatRate(stats.throughput.inBps) },
              { id: 'out', label: 'Out', className: 'series-b', points: pick(points, 'outBps'), latest: stats.throughput.outBps, current: formatRate(stats.throughput.outBps) },
            ]}
          />
        </ChartHover>
      </div>
    </section>
  );
}
