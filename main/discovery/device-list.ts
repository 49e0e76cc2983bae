import type { DiscoveredDevice } from './contract';
import type { MndpAnnouncement } from './mndp-codec';

/** Neighbours announce every minute; three missed announcements and a device is gone. */
export const DEVICE_TTL_MS = 3 * 60_000;
/** A LAN has far fewer MikroTiks; a flood of forged MACs must not grow memory without end. */
export const MAX_DEVICES = 1000;

/**
 * The devices heard, by MAC, with their last-seen time. Full: the longest-silent device makes
 * room, so a flood of forged packets cannot keep real neighbours out for long.
 */
export class DeviceList {
  private readonly devices = new Map<string, DiscoveredDevice>();

  constructor(private readonly limits: { ttlMs: number; max: number } = { ttlMs: DEVICE_TTL_MS, max: MAX_DEVICES }) {}

  /** Records an announcement; returns the device as listed now. */
  seen(announcement: MndpAnnouncement, from: string, at: Date): DiscoveredDevice {
    const device: DiscoveredDevice = {
      mac: announcement.mac,
      identity: announcement.identity,
      address: announcement.ipv4 ?? from,
      ipv6: announcement.ipv6,
      version: announcement.version,
      board: announcement.board,
      platform: announcement.platform,
      interfaceName: announcement.interfaceName,
      uptimeSeconds: announcement.uptimeSeconds,
      lastSeen: at.toISOString(),
    };
    // Re-inserted so the map's order is last-seen order: the first entry is the oldest.
    this.devices.delete(device.mac);
    this.devices.set(device.mac, device);
    while (this.devices.size > this.limits.max) this.devices.delete(this.devices.keys().next().value!);
    return device;
  }

  /** Drops devices not heard within the TTL; returns their MACs. */
  expire(now: Date): string[] {
    const cutoff = now.getTime() - this.limits.ttlMs;
    const gone: string[] = [];
    for (const [mac, device] of this.devices) {
      if (Date.parse(device.lastSeen) >= cutoff) break;
      gone.push(mac);
    }
    for (const mac of gone) this.devices.delete(mac);
    return gone;
  }

  /** Most recently heard first. */
  list(): DiscoveredDevice[] {
    return [...this.devices.values()].reverse();
  }

  clear(): void {
    this.devices.clear();
  }
}
