import { z } from 'zod';
import type { AccountsStore } from '../accounts/accounts-tx';
import type { Logger } from '../core/logger';
import type { JobEngine } from '../jobs/job-engine';
import type { LiveRouters } from '../routers/live-routers';

export interface HealthReport {
  status: 'ok' | 'unhealthy';
  /** Each part: true when it works. Nothing else: the endpoint is open to anyone who can reach it. */
  checks: { store: boolean; jobs: boolean; routerShards: boolean };
}

/** What the health check looks at (the core's services include it). */
export interface HealthServices {
  accounts: AccountsStore;
  jobs: Pick<JobEngine, 'running'>;
  liveRouters: Pick<LiveRouters, 'shardsDown'>;
  log: Logger;
}

const PROBE_KEY = 'health.probe';
const probe = z.object({ at: z.string() });
/** A probe every few seconds from a load balancer must not become a disk write each. */
const STORE_PROBE_EVERY_MS = 1000;

/**
 * What `GET /healthz` reports. The store is checked by a real committed write (a setting through
 * the account stores' unit of work: proves the file, its folder and the disk take writes, and
 * that no other process holds the write lock past the busy timeout), at most once a second: the
 * requests of that second share one probe; the job engine by whether it dispatches; router shards
 * by whether any connection worker is down.
 */
export class HealthCheck {
  private storeCheckedAt = -Infinity;
  private storeProbe: Promise<boolean> = Promise.resolve(true);
  private storeWritable = true;

  constructor(
    private readonly services: HealthServices,
    private readonly now: () => number = Date.now,
  ) {}

  async report(): Promise<HealthReport> {
    const checks = { store: await this.store(), jobs: this.services.jobs.running, routerShards: this.services.liveRouters.shardsDown === 0 };
    return { status: Object.values(checks).every(Boolean) ? 'ok' : 'unhealthy', checks };
  }

  private store(): Promise<boolean> {
    const now = this.now();
    if (now - this.storeCheckedAt < STORE_PROBE_EVERY_MS) return this.storeProbe;
    this.storeCheckedAt = now;
    this.storeProbe = this.services.accounts.run((tx) => tx.settings.write(PROBE_KEY, probe, { at: new Date(now).toISOString() }, now)).then(
      () => (this.storeWritable = true),
      (error: unknown) => {
        if (this.storeWritable) this.services.log.error('health: the store refused a write', { error: String(error) });
        return (this.storeWritable = false);
      },
    );
    return this.storeProbe;
  }
}
