import type { EventBus } from '../events/event-bus';
import type { HostKind, SystemStatus } from './contract';

/**
 * Keeps the console's own status and pushes SystemStatusChanged whenever it changes (a client
 * attaches or leaves, the schema moves). Uptime is derived by clients from startedAt, so it does
 * not cause events.
 */
export class StatusService {
  private readonly startedAt = new Date();
  private connections = 0;

  constructor(
    private readonly bus: EventBus,
    private readonly fixed: { version: string; host: HostKind; schemaVersion: number },
    private readonly dataDir: string,
  ) {}

  /** The status anyone connected may see: everything but the data folder. */
  current(): SystemStatus {
    return {
      ...this.fixed,
      startedAt: this.startedAt.toISOString(),
      uptimeSeconds: Math.floor((Date.now() - this.startedAt.getTime()) / 1000),
      connections: this.connections,
    };
  }

  /** With the data folder: system admins only (the handler decides). */
  withDataDir(): SystemStatus {
    return { ...this.current(), dataDir: this.dataDir };
  }

  clientAttached(): void {
    this.connections++;
    this.bus.publish('SystemStatusChanged', this.current());
  }

  clientDetached(): void {
    this.connections = Math.max(0, this.connections - 1);
    this.bus.publish('SystemStatusChanged', this.current());
  }
}
