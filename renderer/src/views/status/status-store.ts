import { create } from 'zustand';
import type { SystemStatus } from '../../../../main/system/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';

interface StatusState {
  status: SystemStatus | null;
  error: string | null;
}

const initialState: StatusState = { status: null, error: null };

export const useStatusStore = create<StatusState>(() => initialState);

export const statusSelectors = {
  status: (s: StatusState) => s.status,
  error: (s: StatusState) => s.error,
};

/** A pushed status, with the data folder the snapshot gave a system admin. */
export function withKeptDataDir(before: SystemStatus | null, pushed: SystemStatus): SystemStatus {
  return before?.dataDir === undefined ? pushed : { ...pushed, dataDir: before.dataDir };
}

/** Live binding of the status view: one snapshot, then SystemStatusChanged events. */
export function attachStatus(): () => void {
  return attachLiveChannel({
    channel: 'app.status',
    fetchSnapshot: () => api.invoke('system.status', {}),
    onSnapshot: (status) => useStatusStore.setState({ status, error: null }),
    onEvent: (name, payload) => {
      // Events never carry the data folder (anyone connected follows app.status): keep the snapshot's.
      if (name === 'SystemStatusChanged') useStatusStore.setState((s) => ({ status: withKeptDataDir(s.status, payload as SystemStatus), error: null }));
    },
    onError: (error) => useStatusStore.setState({ error }),
  });
}

export function resetStatusStore(): void {
  useStatusStore.setState(initialState, true);
}
