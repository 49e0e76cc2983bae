import { useEffect, useMemo, useState } from 'react';
import { RANGE_MS, type HistoryRange } from '../../../../main/dashboard/history-contract';
import type { InterfaceHistoryPoint } from '../../../../main/routers/watch-contract';
import { LineChart } from '../../components/line-chart';
import { formatRate } from '../../format/rate';
import { RANGE_SPANS } from '../dashboard/history-charts';
import { RangeButtons } from '../dashboard/range-buttons';
import { loadInterfaceHistory } from './router-page-live';

/** One interface's stored throughput (a point a minute, kept 7 days), fetched when the range or interface changes. */
export function InterfaceHistoryChart({ routerId, name, now }: { routerId: number; name: string; now: number }) {
  const [range, setRange] = useState<HistoryRange>('1h');
  const [points, setPoints] = useState<readonly InterfaceHistoryPoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    setPoints(null);
    void loadInterfaceHistory(routerId, range, name).then((result) => {
      if (!active) return;
      if (result.ok) {
        setPoints(result.data.interfaces.find((i) => i.name === name)?.points ?? []);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      active = false;
    };
  }, [routerId, range, name]);

  const rx = useMemo(() => (points ?? []).map((p) => ({ t: Date.parse(p.at), v: p.rxBps })), [points]);
  const tx = useMemo(() => (points ?? []).map((p) => ({ t: Date.parse(p.at), v: p.txBps })), [points]);
  const last = points?.at(-1);

  return (
    <div className="interface-history" data-testid="router-interface-history" data-points={points?.length ?? ''}>
      <div className="toolbar">
        <RangeButtons own={{ range, choose: setRange, testIdPrefix: 'router-interface-range', label: `${name} history range` }} />
        {points === null && !error && <span className="muted">Loading history…</span>}
        {error && <span className="error">History could not be loaded: {error}</span>}
      </div>
      <LineChart
        title={`${name} history`}
        testId="router-chart-interface-history"
        end={now}
        windowMs={RANGE_MS[range]}
        span={RANGE_SPANS[range]}
        formatValue={formatRate}
        emptyText="No stored traffic in this range yet: a point a minute while the router is online."
        series={[
          { id: 'rx', label: 'Rx', className: 'series-a', points: rx, latest: last?.rxBps ?? 0, current: formatRate(last?.rxBps ?? 0) },
          { id: 'tx', label: 'Tx', className: 'series-b', points: tx, latest: last?.txBps ?? 0, current: formatRate(last?.txBps ?? 0) },
        ]}
      />
    </div>
  );
}
