import type { ChannelMessage } from '../../../../main/contract/api';
import type { ReportQuery } from './report-query';
import { api } from '../../bridge/api';
import { reportsActions, resetReportsStore } from './reports-store';

/** Events that change a report's figures, by the topic they come on. */
const TOPICS: Record<string, ReadonlySet<string>> = {
  payments: new Set(['PaymentReceived', 'PaymentUnmatched', 'PaymentAssigned', 'PaymentReversed']),
  vouchers: new Set(['VoucherActivated', 'VoucherBatchCreated']),
  subscribers: new Set(['SubscriptionExtended', 'SubscriptionExpired', 'SubscriptionReconnected']),
};

/**
 * A burst of payments (a statement import, a webhook storm) becomes one refetch a little after
 * the last of them: a report is a sum over the range, so it is fetched again, never patched.
 */
export const REFETCH_DELAY_MS = 400;

/**
 * Reports stay live without polling: the tenants' payments, vouchers and subscribers channels
 * are followed first, then both reports are fetched; an event that changes figures (or a missed
 * one: a resync) fetches them again, debounced. `tenantId` null: a system admin's every tenant,
 * each followed (their ids from tenants.list).
 */
export function attachReports(query: ReportQuery, tenantId: number | null, asSystemAdmin: boolean): () => void {
  resetReportsStore();
  let active = true;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribers: Array<() => void> = [];
  const scope = asSystemAdmin && tenantId !== null ? { tenantId } : {};
  const range = { from: query.from, to: query.to, granularity: query.granularity };

  const load = () => {
    const mine = ++generation;
    reportsActions.loading();
    void Promise.all([api.invoke('reports.revenue', { ...scope, ...range, groupBy: query.groupBy }), api.invoke('reports.activity', { ...scope, ...range })]).then(([revenue, activity]) => {
      if (!active || mine !== generation) return;
      if (!revenue.ok) reportsActions.failed(revenue.error.message);
      else if (!activity.ok) reportsActions.failed(activity.error.message);
      else reportsActions.loaded(revenue.data, activity.data);
    });
  };
  const later = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (active) load();
    }, REFETCH_DELAY_MS);
  };
  const follow = (id: number) => {
    for (const [topic, names] of Object.entries(TOPICS)) {
      unsubscribers.push(
        api.subscribe(`tenant.${id}.${topic}`, (message: ChannelMessage) => {
          if (message.kind === 'resync' || names.has(message.name)) later();
        }),
      );
    }
  };

  if (tenantId !== null) {
    follow(tenantId);
    load();
  } else {
    void api.invoke('tenants.list', {}).then((result) => {
      if (!active) return;
      if (!result.ok) {
        reportsActions.failed(result.error.message);
        return;
      }
      for (const t of result.data.tenants) follow(t.id);
      load();
    });
  }
  return () => {
    active = false;
    if (timer !== null) clearTimeout(timer);
    for (const stop of unsubscribers) stop();
  };
}

/** Saves the report as the backend lays it out (the same figures, as PDF). */
export async function fetchReportPdf(query: ReportQuery, tenantId: number | null, asSystemAdmin: boolean) {
  const scope = asSystemAdmin && tenantId !== null ? { tenantId } : {};
  return api.invoke('reports.pdf', { ...scope, from: query.from, to: query.to, granularity: query.granularity, groupBy: query.groupBy });
}
