import type { HotspotSession } from '../../../../main/sessions/contract';
import { api } from '../../bridge/api';
import { attachSessionTable, disconnectSession, type SessionTableBinding } from '../../live/attach-session-table';
import { hotspotStore } from './hotspot-store';

const binding: SessionTableBinding<HotspotSession> = {
  store: hotspotStore,
  topic: 'sessions.hotspot',
  eventName: 'HotspotSessionsChanged',
  disconnectFailedEvent: 'HotspotDisconnectFailed',
  list: (input) => api.invoke('sessions.hotspot.list', input),
  disconnect: 'sessions.hotspot.disconnect',
  label: (row) => row.user,
};

/** Online Users: one `sessions.hotspot.list`, then HotspotSessionsChanged on `tenant.{id}.sessions.hotspot`. */
export function attachHotspot(tenantId: number, asAdmin: boolean): () => void {
  hotspotStore.actions.clear();
  return attachSessionTable(binding, tenantId, asAdmin);
}

export function disconnectHotspot(key: string): Promise<void> {
  return disconnectSession(binding, key);
}
