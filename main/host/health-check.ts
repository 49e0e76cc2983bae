import { z } from 'zod';
import type { CoreServices } from '../core/services';
import { writeSetting } from '../system/settings-table';

export interface HealthReport {
  status: 'ok' | 'unhealthy';
  /** Each part: true when it works. Nothing else: the endpoint is open to anyone who can reach it. */
  checks: { store: boolean; jobs: boolean; routerShards: boolean };
}

const PROBE_KEY = 'health.probe';
const probe = z.object({ at: z.string() });
/** A probe every few seconds from a load balancer must not become a disk write each. */
const STORE_PROBE_EVERY_MS = 1000;

/**
 * What `GET /healthz` reports. The store is checked by a real committed write (a row in the
 * settings table: proves the file, its folder and the disk take writes, and that no other
 * process holds the write lock past the busy timeout), at most once a second; the job engine by
 * whether it dispatches; router shards by whether any connection worker is down.
 */
export class HealthCheck {
  private storeCheckedAt = -Infinity;
  private storeWritable = true;

  constructor(
    private readonly services: Pick<CoreServices, 'db' | 'jobs' | 'liveRouters' | 'log'>,
    private readonly now: () => number = Date.now,
  ) {}

  report(): HealthReport {
    const checks = { store: this.store(), jobs: this.services.jobs.running, routerShards: this.services.liveRouters.shardsDown === 0 };
    return { status: Object.values(checks).every(Boolean) ? 'ok' : 'unhealthy', checks };
  }

  private store(): boolean {
    const now = this.now();
    if (now - this.storeCheckedAt < STORE_PROBE_EVERY_MS) return this.storeWritable;
    this.storeCheckedAt = now;
    try {
      writeSetting(this.services.db, PROBE_KEY, probe, { at: new Date(now).toISOString() }, now);
      this.storeWritable = true;
    } catch (error) {
      if (this.storeWritable) this.services.log.error('health: the store refused a write', { error: String(error) });
      this.storeWritable = false;
    }
    return this.storeWritable;
  }
}
