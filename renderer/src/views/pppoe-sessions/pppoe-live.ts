import type { PppoeSession } from '../../../../main/sessions/contract';
import { api } from '../../bridge/api';
import { attachSessionTable, disconnectSession, type SessionTableBinding } from '../../live/attach-session-table';
import { pppoeStore } from './pppoe-store';

const binding: SessionTableBinding<PppoeSession> = {
  store: pppoeStore,
  topic: 'sessions.pppoe',
  eventName: 'PppoeSessionsChanged',
  disconnectFailedEvent: 'PppoeDisconnectFailed',
  list: (input) => api.invoke('sessions.pppoe.list', input),
  disconnect: 'sessions.pppoe.disconnect',
  label: (row) => row.name,
};

/** PPPoE Sessions: one `sessions.pppoe.list`, then PppoeSessionsChanged on `tenant.{id}.sessions.pppoe`. */
export function attachPppoe(tenantId: number, asAdmin: boolean): () => void {
  pppoeStore.actions.clear();
  return attachSessionTable(binding, tenantId, asAdmin);
}

export function disconnectPppoe(key: string): Promise<void> {
  return disconnectSession(binding, key);
}
