import type { Result } from '../../../../main/contract/errors';
import type { DiscoverySnapshot } from '../../../../main/discovery/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { discoveryActions, resetDiscoveryStore } from './discovery-store';

/**
 * Discovery: `discovery.watch` opens the console's MNDP port for as long as the view is open
 * (it is the snapshot too), then DiscoveryDeviceSeen / DevicesExpired / ListeningChanged on the
 * caller's discovery channel (system admins: `system.discovery`). Leaving the view unwatches.
 */
export function attachDiscovery(tenantId: number | null): () => void {
  resetDiscoveryStore();
  const detach = attachLiveChannel<DiscoverySnapshot>({
    channel: tenantId === null ? 'system.discovery' : `tenant.${tenantId}.discovery`,
    fetchSnapshot: () => api.invoke('discovery.watch', {}),
    snapshotSeq: (data) => data.seq,
    onSnapshot: discoveryActions.snapshot,
    onEvent: discoveryActions.event,
    onError: discoveryActions.failed,
  });
  return () => {
    detach();
    void api.invoke('discovery.unwatch', {});
  };
}

/** Asks the neighbours on every local network to announce themselves now. */
export function probeNeighbours(): Promise<Result<{ sentTo: string[] }>> {
  return api.invoke('discovery.probe', {});
}
