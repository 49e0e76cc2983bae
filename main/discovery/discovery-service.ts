import type { Session } from '../auth/session';
import type { EventPayload } from '../contract';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';
import { channelOf } from '../events/channels';
import { discoveryEvents, type DiscoveryListening, type DiscoverySnapshot } from './contract';
import { DEVICE_TTL_MS, DeviceList, MAX_DEVICES } from './device-list';
import { MNDP_PORT } from './mndp-codec';
import { ListenError, localBroadcastAddresses, MndpListener } from './mndp-listener';

export interface DiscoveryOptions {
  /** @defaultValue 5678 (MNDP) */
  port?: number;
  /** @defaultValue '0.0.0.0' (every network of the machine) */
  address?: string;
  /** Where discovery requests go: the neighbours' MNDP port. @defaultValue `port` */
  probePort?: number;
  /** Where discovery requests go. @defaultValue the broadcast address of each local IPv4 network */
  probeTargets?: () => string[];
  /** @defaultValue DEVICE_TTL_MS */
  ttlMs?: number;
  /** @defaultValue MAX_DEVICES */
  maxDevices?: number;
  /** How often gone watchers and silent devices are swept. @defaultValue 15000 */
  sweepMs?: number;
}

export interface DiscoveryDeps {
  bus: EventBus;
  log: Logger;
  /** Whether a watcher's connection is still there and signed in (closed windows stop watching). */
  isLive: (session: Session) => boolean;
}

/**
 * Listens for MNDP only while someone watches (the Discovery view is open somewhere): a laptop
 * on a customer's LAN should not keep a port open for nothing. Watchers are connections; their
 * tenants (or the system channel, for system admins) get the events.
 */
export class DiscoveryService {
  private readonly watchers = new Map<string, Session>();
  private readonly devices: DeviceList;
  private listener: MndpListener | null = null;
  private opening: Promise<void> | null = null;
  private error: string | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private readonly port: number;
  private readonly address: string;

  constructor(
    private readonly deps: DiscoveryDeps,
    private readonly options: DiscoveryOptions = {},
  ) {
    this.port = options.port ?? MNDP_PORT;
    this.address = options.address ?? '0.0.0.0';
    this.devices = new DeviceList({ ttlMs: options.ttlMs ?? DEVICE_TTL_MS, max: options.maxDevices ?? MAX_DEVICES });
  }

  /** Adds the session as a watcher and starts listening if needed; the snapshot says whether it could. */
  async watch(session: Session): Promise<DiscoverySnapshot> {
    this.watchers.set(session.id, session);
    await this.listen();
    const seq = this.deps.bus.currentSeq(channelOf(discoveryEvents.DiscoveryDeviceSeen, session.user?.tenantId ?? undefined));
    return { ...this.listening(), seq, devices: this.devices.list() };
  }

  /** Removes the watcher; the last one out closes the port. */
  async unwatch(session: Session): Promise<boolean> {
    const was = this.watchers.delete(session.id);
    await this.stopIfUnwatched();
    return was;
  }

  /** Sends a discovery request; resolves with where it went (nothing when not listening). */
  async probe(): Promise<string[]> {
    if (!this.listener) return [];
    const targets = this.options.probeTargets?.() ?? localBroadcastAddresses();
    return this.listener.probe(targets, this.options.probePort ?? this.port);
  }

  async close(): Promise<void> {
    this.watchers.clear();
    await this.opening;
    await this.stop();
  }

  get watching(): number {
    return this.watchers.size;
  }

  listening(): DiscoveryListening {
    return { listening: this.listener !== null, port: this.listener?.port ?? this.port, error: this.error };
  }

  private async listen(): Promise<void> {
    if (this.listener) return;
    this.opening ??= this.open().finally(() => (this.opening = null));
    await this.opening;
  }

  private async open(): Promise<void> {
    try {
      this.listener = await MndpListener.open({ port: this.port, address: this.address }, (announcement, from) => {
        const device = this.devices.seen(announcement, from.address, new Date());
        this.publish('DiscoveryDeviceSeen', { device });
      });
      this.error = null;
      this.sweeper = setInterval(() => void this.sweep(), this.options.sweepMs ?? 15_000);
      this.sweeper.unref();
      this.deps.log.info('discovery listening', { port: this.listener.port, address: this.address });
    } catch (error) {
      if (!(error instanceof ListenError)) throw error;
      this.error = error.message;
      this.deps.log.warn('discovery could not listen', { port: this.port, address: this.address, error: error.message });
    }
    this.publish('DiscoveryListeningChanged', this.listening());
    // Everyone left while the port was opening.
    if (this.watchers.size === 0) await this.stop();
  }

  private async stopIfUnwatched(): Promise<void> {
    if (this.watchers.size > 0) return;
    await this.opening;
    if (this.watchers.size === 0 && this.listener) {
      await this.stop();
      this.publish('DiscoveryListeningChanged', this.listening());
    }
  }

  private async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    const listener = this.listener;
    this.listener = null;
    // Not listening, the list would only grow stale: the next watcher starts from what it hears.
    this.devices.clear();
    if (listener) {
      await listener.close();
      this.deps.log.info('discovery stopped', { port: listener.port });
    }
  }

  /** Drops watchers whose connection closed or signed out, then devices gone silent. */
  async sweep(now = new Date()): Promise<void> {
    for (const [id, session] of this.watchers) if (!this.deps.isLive(session)) this.watchers.delete(id);
    const gone = this.devices.expire(now);
    if (gone.length > 0) this.publish('DiscoveryDevicesExpired', { macs: gone });
    await this.stopIfUnwatched();
  }

  /** One event per watching tenant (system admins' watch goes to the system channel). */
  private publish<E extends keyof typeof discoveryEvents>(name: E, payload: EventPayload<E>): void {
    for (const tenantId of this.watchedTenants()) this.deps.bus.publish(name, payload, tenantId ?? undefined);
  }

  private watchedTenants(): Set<number | null> {
    return new Set([...this.watchers.values()].map((s) => s.user?.tenantId ?? null));
  }
}
