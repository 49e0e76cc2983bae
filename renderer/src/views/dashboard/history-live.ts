import type { HistoryRange } from '../../../../main/dashboard/history-contract';
import { api } from '../../bridge/api';
import { historyActions } from './history-store';

/**
 * Loads the stored history of a range once (dashboard.history): after that the live points of
 * DashboardStatsUpdated extend the charts, so nothing is fetched on a timer.
 */
export function loadHistory(range: HistoryRange, tenantId: number | null, asAdmin: boolean): () => void {
  let active = true;
  historyActions.loading();
  void api.invoke('dashboard.history', { range, ...(asAdmin && tenantId !== null ? { tenantId } : {}) }).then((result) => {
    if (!active) return;
    if (result.ok) historyActions.loaded(result.data);
    else historyActions.failed(result.error.message);
  });
  return () => {
    active = false;
  };
}
