import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';

/** A MikroTik seen on the console machine's networks (MNDP), as the Discovery view lists it. */
export interface DiscoveredDevice {
  /** The key: one row per MAC address. */
  mac: string;
  identity: string;
  /** The IPv4 address it announces, else the address the packet came from. */
  address: string;
  ipv6: string | null;
  version: string;
  board: string;
  platform: string;
  /** Its interface the announcement left from. */
  interfaceName: string;
  uptimeSeconds: number | null;
  /** ISO time of its last announcement. */
  lastSeen: string;
}

/** Whether the console listens, and why not when it cannot (the port is taken, no permission). */
export interface DiscoveryListening {
  listening: boolean;
  port: number;
  /** What went wrong binding the port, and what to do; null when listening. */
  error: string | null;
}

export interface DiscoverySnapshot extends DiscoveryListening {
  seq: number;
  devices: DiscoveredDevice[];
}

export const discoveryInvokes = {
  'discovery.watch': defineInvoke<DiscoverySnapshot>()({
    input: z.object({}).strict(),
    summary:
      'Starts listening for MikroTik neighbour announcements (MNDP, UDP 5678) while this connection watches, and returns the devices seen; then DiscoveryDeviceSeen events.',
  }),
  'discovery.unwatch': defineInvoke<{ wasWatching: boolean }>()({
    input: z.object({}).strict(),
    summary: 'This connection stops watching; listening stops when no one watches.',
  }),
  'discovery.probe': defineInvoke<{ sentTo: string[] }>()({
    input: z.object({}).strict(),
    summary: 'Asks the neighbours to announce themselves now: a discovery request to the broadcast address of each local IPv4 network.',
  }),
};

export const discoveryEvents = {
  DiscoveryDeviceSeen: defineEvent<{ device: DiscoveredDevice }>()({
    scope: 'tenant',
    topic: 'discovery',
    withoutTenant: 'system',
    summary: 'A neighbour announced itself (new, or again with its latest details).',
  }),
  DiscoveryDevicesExpired: defineEvent<{ macs: string[] }>()({
    scope: 'tenant',
    topic: 'discovery',
    withoutTenant: 'system',
    summary: 'Neighbours not heard for three minutes left the list.',
  }),
  DiscoveryListeningChanged: defineEvent<DiscoveryListening>()({
    scope: 'tenant',
    topic: 'discovery',
    withoutTenant: 'system',
    summary: 'Listening started, stopped, or failed (the error says why and what to do).',
  }),
};
