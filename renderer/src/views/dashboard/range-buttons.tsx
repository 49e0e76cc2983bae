import { HISTORY_RANGES, type HistoryRange } from '../../../../main/dashboard/history-contract';
import { historyActions, historySelectors, useHistoryStore } from './history-store';

export const RANGE_LABELS: Record<HistoryRange, string> = { '15m': '15 min', '1h': '1 h', '24h': '24 h', '7d': '7 d' };

/** The charts' time range: one pressed button of four. */
export function RangeButtons() {
  const range = useHistoryStore(historySelectors.range);
  return (
    <div className="range-buttons" role="group" aria-label="Chart range">
      {HISTORY_RANGES.map((r) => (
        <button key={r} type="button" className="small" aria-pressed={r === range} onClick={() => historyActions.choose(r)} data-testid={`dashboard-range-${r}`}>
          {RANGE_LABELS[r]}
        </button>
      ))}
    </div>
  );
}
