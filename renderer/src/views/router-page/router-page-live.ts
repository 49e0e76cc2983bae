import type { InterfaceHistory } from '../../../../main/routers/watch-contract';
import type { HistoryRange } from '../../../../main/dashboard/history-contract';
import type { Result } from '../../../../main/contract/errors';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { routerPageActions } from './router-page-store';

/**
 * A router's page: `routers.watch` starts the router's traffic and log streams (when no one else
 * watches it already) and is the snapshot; then RouterTrafficSampled / RouterLogLines on the
 * router's tenant `router-live` channel. A seq gap refetches the snapshot; no polling. Leaving
 * the page unwatches, and the router stops streaming when no one else watches.
 */
export function attachRouterPage(tenantId: number, routerId: number): () => void {
  routerPageActions.opening(routerId);
  const detach = attachLiveChannel({
    channel: `tenant.${tenantId}.router-live`,
    fetchSnapshot: () => api.invoke('routers.watch', { routerId }),
    snapshotSeq: (data) => data.seq,
    onSnapshot: routerPageActions.snapshot,
    onEvent: (name, payload) => routerPageActions.event(routerId, name, payload),
    onError: routerPageActions.failed,
  });
  return () => {
    detach();
    void api.invoke('routers.unwatch', { routerId });
  };
}

/** One interface's stored throughput for a range (read when the range or the interface changes). */
export function loadInterfaceHistory(routerId: number, range: HistoryRange, name: string): Promise<Result<InterfaceHistory>> {
  return api.invoke('routers.interfaces.history', { routerId, range, interface: name });
}
