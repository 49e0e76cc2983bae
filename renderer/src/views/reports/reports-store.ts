import { create } from 'zustand';
import type { ActivityReport, RevenueReport } from '../../../../main/reports/contract';

export interface ReportsState {
  revenue: RevenueReport | null;
  activity: ActivityReport | null;
  /** A fetch is under way (the figures shown stay until it answers). */
  loading: boolean;
  error: string | null;
}

export const initialReportsState: ReportsState = { revenue: null, activity: null, loading: false, error: null };

/** The report on screen. Pure (no bridge); reports-live.ts fetches into it. */
export const useReportsStore = create<ReportsState>(() => initialReportsState);

export const reportsSelectors = {
  revenue: (s: ReportsState) => s.revenue,
  activity: (s: ReportsState) => s.activity,
  loading: (s: ReportsState) => s.loading,
  error: (s: ReportsState) => s.error,
};

const set = useReportsStore.setState;

export const reportsActions = {
  loading() {
    set({ loading: true });
  },
  loaded(revenue: RevenueReport, activity: ActivityReport) {
    set({ revenue, activity, loading: false, error: null });
  },
  /** The last figures stay on screen under the error: they are still right up to their time. */
  failed(message: string) {
    set({ loading: false, error: message });
  },
};

export function resetReportsStore(): void {
  set(initialReportsState, true);
}
