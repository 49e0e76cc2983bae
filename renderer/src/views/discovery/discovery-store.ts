import { create } from 'zustand';
import type { DiscoveredDevice, DiscoveryListening, DiscoverySnapshot } from '../../../../main/discovery/contract';
import { naturalCompare } from '../../live/natural-compare';

export interface DiscoveryState extends DiscoveryListening {
  devices: ReadonlyMap<string, DiscoveredDevice>;
  loaded: boolean;
  /** The watch invoke itself failed (not signed in, refused); a port problem is `error`. */
  failure: string | null;
}

export const initialDiscoveryState: DiscoveryState = { devices: new Map(), loaded: false, failure: null, listening: false, port: 5678, error: null };

/** The Discovery store: neighbours heard on the console machine's networks, by MAC. Pure (no bridge); see discovery-live.ts. */
export const useDiscoveryStore = create<DiscoveryState>(() => initialDiscoveryState);

let sortedCache: { devices: DiscoveryState['devices']; result: DiscoveredDevice[] } | null = null;

export const discoverySelectors = {
  /** By identity (naturally: tower-2 before tower-10), then MAC; memoized on the map. */
  sorted: (s: DiscoveryState): DiscoveredDevice[] => {
    if (sortedCache?.devices === s.devices) return sortedCache.result;
    const result = [...s.devices.values()].sort((a, b) => naturalCompare(a.identity.toLowerCase(), b.identity.toLowerCase()) || a.mac.localeCompare(b.mac));
    sortedCache = { devices: s.devices, result };
    return result;
  },
  loaded: (s: DiscoveryState) => s.loaded,
  listening: (s: DiscoveryState) => s.listening,
  port: (s: DiscoveryState) => s.port,
  error: (s: DiscoveryState) => s.error,
  failure: (s: DiscoveryState) => s.failure,
};

const set = useDiscoveryStore.setState;

export const discoveryActions = {
  snapshot(data: DiscoverySnapshot): void {
    set({ devices: new Map(data.devices.map((d) => [d.mac, d])), loaded: true, failure: null, listening: data.listening, port: data.port, error: data.error });
  },
  event(name: string, payload: unknown): void {
    if (name === 'DiscoveryDeviceSeen') {
      const { device } = payload as { device: DiscoveredDevice };
      set((s) => ({ devices: new Map(s.devices).set(device.mac, device) }));
    } else if (name === 'DiscoveryDevicesExpired') {
      const { macs } = payload as { macs: string[] };
      set((s) => {
        const devices = new Map(s.devices);
        for (const mac of macs) devices.delete(mac);
        return { devices };
      });
    } else if (name === 'DiscoveryListeningChanged') {
      const { listening, port, error } = payload as DiscoveryListening;
      set({ listening, port, error });
    }
  },
  failed(message: string): void {
    set({ failure: message, loaded: true });
  },
};

export function resetDiscoveryStore(): void {
  set(initialDiscoveryState, true);
}
