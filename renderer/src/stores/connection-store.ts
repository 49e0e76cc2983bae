import { create } from 'zustand';
import type { ConnectionState } from '../../../main/contract/api';
import { api } from '../bridge/api';

interface ConnectionStore {
  state: ConnectionState;
  /** Views refetching their snapshot after a reconnect or a missed event. */
  resyncing: number;
  /** When the backend was lost (ms since epoch); null while connected. */
  lostAt: number | null;
}

/** The transport's real state, pushed by the bridge (never polled). */
export const useConnectionStore = create<ConnectionStore>(() => ({ state: 'connecting', resyncing: 0, lostAt: null }));

api.onConnectionState((state) =>
  useConnectionStore.setState((s) => ({ state, lostAt: state === 'reconnecting' || state === 'offline' ? (s.lostAt ?? Date.now()) : null })),
);

export const connectionSelectors = {
  state: (s: ConnectionStore) => s.state,
  lostAt: (s: ConnectionStore) => s.lostAt,
  /**
   * What the screen shows may be out of date: the backend was lost (reconnecting, offline) or a
   * view is still refetching what it missed. Actions wait for fresh state, so nobody disconnects
   * a session that already ended or removes a router on a stale list. The first connect is not
   * stale: nothing is shown yet.
   */
  stale: (s: ConnectionStore) => s.state === 'reconnecting' || s.state === 'offline' || s.resyncing > 0,
};

/** A view starts refetching its snapshot after a resync; call the returned function once it has (or gave up). */
export function beginResync(): () => void {
  useConnectionStore.setState((s) => ({ resyncing: s.resyncing + 1 }));
  let done = false;
  return () => {
    if (done) return;
    done = true;
    useConnectionStore.setState((s) => ({ resyncing: s.resyncing - 1 }));
  };
}

/** Actions a person takes wait for fresh state (see `stale`). */
export const useStale = (): boolean => useConnectionStore(connectionSelectors.stale);
