import { HISTORY_RANGES, type HistoryRange } from '../../../../main/dashboard/history-contract';
import { historyActions, historySelectors, useHistoryStore } from './history-store';

export const RANGE_LABELS: Record<HistoryRange, string> = { '15m': '15 min', '1h': '1 h', '24h': '24 h', '7d': '7 d' };

/** Another chart's own range (a router page's), instead of the dashboard's. */
export interface OwnRange {
  range: HistoryRange;
  choose: (range: HistoryRange) => void;
  /** Test ids are `<testIdPrefix>-<range>`. */
  testIdPrefix: string;
  label?: string;
}

/** The charts' time range: one pressed button of four (the dashboard's, or `own`). */
export function RangeButtons({ own }: { own?: OwnRange } = {}) {
  const dashboardRange = useHistoryStore(historySelectors.range);
  const range = own?.range ?? dashboardRange;
  const choose = own?.choose ?? historyActions.choose;
  return (
    <div className="range-buttons" role="group" aria-label={own?.label ?? 'Chart range'}>
      {HISTORY_RANGES.map((r) => (
        <button key={r} type="button" className="small" aria-pressed={r === range} onClick={() => choose(r)} data-testid={`${own?.testIdPrefix ?? 'dashboard-range'}-${r}`}>
          {RANGE_LABELS[r]}
        </button>
      ))}
    </div>
  );
}
