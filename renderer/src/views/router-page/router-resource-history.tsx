import { useEffect, useMemo, useState } from 'react';
import type { HistoryPoint, HistoryRange } from '../../../../main/dashboard/history-contract';
import { RANGE_MS } from '../../../../main/dashboard/history-contract';
import type { RouterLiveStatus } from '../../../../main/routers/contract';
import { LineChart } from '../../components/line-chart';
import { api } from '../../bridge/api';
import { RangeButtons } from '../dashboard/range-buttons';
import { RANGE_SPANS } from '../dashboard/history-charts';

const percent = (v: number) => `${Math.round(v)} %`;
const series = (points: readonly HistoryPoint[], pick: (p: HistoryPoint) => number | null) =>
  points.flatMap((p) => {
    const v = pick(p);
    return v === null ? [] : [{ t: Date.parse(p.at), v }];
  });

/** The router's CPU and memory over a range, from the dashboard's stored per-router history (fetched when the range changes). */
export function RouterResourceHistory({ routerId, status, now }: { routerId: number; status: RouterLiveStatus | null; now: number }) {
  const [range, setRange] = useState<HistoryRange>('1h');
  const [points, setPoints] = useState<readonly HistoryPoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    setPoints(null);
    void api.invoke('dashboard.history', { range, routerId }).then((result) => {
      if (!active) return;
      if (result.ok) {
        setPoints(result.data.points);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      active = false;
    };
  }, [routerId, range]);

  const cpu = useMemo(() => series(points ?? [], (p) => p.cpu), [points]);
  const memory = useMemo(() => series(points ?? [], (p) => p.memory), [points]);
  const cpuNow = status?.cpuLoad ?? cpu.at(-1)?.v ?? 0;
  const memoryNow = status?.memoryUsedPercent ?? memory.at(-1)?.v ?? 0;

  return (
    <section className="router-page-section" aria-label="CPU and memory" data-testid="router-page-resources">
      <div className="toolbar">
        <h3>CPU and memory</h3>
        <RangeButtons own={{ range, choose: setRange, testIdPrefix: 'router-resources-range', label: 'CPU and memory range' }} />
        {points === null && !error && <span className="muted">Loading history…</span>}
        {error && <span className="error">History could not be loaded: {error}</span>}
      </div>
      <LineChart
        title="CPU and memory"
        testId="router-chart-resources"
        end={now}
        windowMs={RANGE_MS[range]}
        span={RANGE_SPANS[range]}
        formatValue={percent}
        emptyText="No stored CPU or memory in this range yet: a point a minute while the router is online."
        series={[
          { id: 'cpu', label: 'CPU', className: 'series-a', points: cpu, latest: cpuNow, current: percent(cpuNow) },
          { id: 'memory', label: 'Memory', className: 'series-b', points: memory, latest: memoryNow, current: percent(memoryNow) },
        ]}
      />
    </section>
  );
}
