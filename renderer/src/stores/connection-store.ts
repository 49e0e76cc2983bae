import { create } from 'zustand';
import type { ConnectionState } from '../../../main/contract/api';
import { api } from '../bridge/api';

interface ConnectionStore {
  state: ConnectionState;
}

/** The transport's real state, pushed by the bridge (never polled). */
export const useConnectionStore = create<ConnectionStore>(() => ({ state: 'connecting' }));

api.onConnectionState((state) => useConnectionStore.setState({ state }));
