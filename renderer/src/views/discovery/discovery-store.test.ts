import { beforeEach, describe, expect, it } from 'vitest';
import type { DiscoveredDevice } from '../../../../main/discovery/contract';
import { discoveryActions, discoverySelectors, resetDiscoveryStore, useDiscoveryStore } from './discovery-store';

const device = (mac: string, identity: string): DiscoveredDevice => ({
  mac,
  identity,
  address: '192.168.88.1',
  ipv6: null,
  version: '7.18',
  board: 'hAP ax2',
  platform: 'MikroTik',
  interfaceName: 'ether1',
  uptimeSeconds: 60,
  lastSeen: '2026-12-02T10:00:00.000Z',
});

describe('discovery store', () => {
  beforeEach(resetDiscoveryStore);
  const sorted = () => discoverySelectors.sorted(useDiscoveryStore.getState()).map((d) => d.identity);

  it('takes the snapshot, then adds, updates and expires devices from events, sorted naturally by identity', () => {
    discoveryActions.snapshot({ seq: 3, listening: true, port: 5678, error: null, devices: [device('AA:00:00:00:00:10', 'tower-10')] });
    discoveryActions.event('DiscoveryDeviceSeen', { device: device('AA:00:00:00:00:02', 'tower-2') });
    expect(sorted()).toEqual(['tower-2', 'tower-10']);
    discoveryActions.event('DiscoveryDeviceSeen', { device: device('AA:00:00:00:00:02', 'renamed') });
    expect(sorted()).toEqual(['renamed', 'tower-10']);
    discoveryActions.event('DiscoveryDevicesExpired', { macs: ['AA:00:00:00:00:10'] });
    expect(sorted()).toEqual(['renamed']);
  });

  it('shows why it cannot listen, and when listening stops', () => {
    discoveryActions.snapshot({ seq: 0, listening: false, port: 5678, error: 'UDP port 5678 is in use by another program', devices: [] });
    expect(discoverySelectors.error(useDiscoveryStore.getState())).toMatch(/in use/);
    discoveryActions.event('DiscoveryListeningChanged', { listening: true, port: 5678, error: null });
    expect(discoverySelectors.listening(useDiscoveryStore.getState())).toBe(true);
    expect(discoverySelectors.error(useDiscoveryStore.getState())).toBeNull();
  });
});
