import { jobKindOf, tenantJobEventsShowPayload } from '../auth/permissions';
import type { EventBus } from '../events/event-bus';
import { maskPersonalData } from '../events/mask';
import type { JobBatch, JobEventItem, JobSummary, QueueStatsSnapshot } from './contract';
import type { JobStore } from './job-store';
import { withoutPayload } from './job-views';

type QueuedItem = JobEventItem & { runAt: string };
type ProgressItem = JobEventItem & { progress: number; message: string | null };
type ProcessedItem = JobEventItem & { durationMs: number; result?: unknown };
type FailedItem = JobSummary & { willRetry: boolean };

/** Items per published batch; the rest is counted in `more`. */
const MAX_ITEMS = 200;

/**
 * Coalesces job events so the bus carries a few events a second however many jobs move:
 * items gather for `windowMs` and go out as one batch per event name and channel — the
 * tenant's `tenant.{id}.jobs` with its items, and `system.jobs` with everyone's. Progress
 * keeps only the latest value per job. Queued items are checked against the store first, so
 * an enqueue whose caller's transaction rolled back is never announced. Results are masked;
 * on tenant channels, which every role of the tenant may follow, a payload summary or result is
 * left out where the permission table does not let all of those roles read it.
 */
export class JobEventPublisher {
  /** By id: an id reused after a caller's rollback belongs to the later enqueue. */
  private queued = new Map<number, QueuedItem>();
  private progress = new Map<number, ProgressItem>();
  private processed = new Capped<ProcessedItem>();
  private failed = new Capped<FailedItem>();
  private timer: NodeJS.Timeout | null = null;
  private statsTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly bus: EventBus,
    private readonly store: JobStore,
    private readonly options: {
      windowMs: number;
      statsIntervalMs: number;
      /** Builds the stats of each scope that changed: 'all' and tenant ids. */
      stats: () => Array<{ tenantId: number | null; snapshot: QueueStatsSnapshot }>;
    },
  ) {}

  jobQueued(item: QueuedItem): void {
    this.queued.delete(item.id);
    this.queued.set(item.id, item);
    this.schedule();
  }

  jobProgress(item: ProgressItem): void {
    this.progress.set(item.id, item);
    this.schedule();
  }

  jobProcessed(item: ProcessedItem): void {
    if (item.result === undefined) this.processed.add(item);
    else {
      const masked = { ...item, result: maskPersonalData(item.result) };
      const { result: _hidden, ...withoutResult } = masked;
      this.processed.add(masked, tenantJobEventsShowPayload(jobKindOf(item.queue)) ? masked : withoutResult);
    }
    this.schedule();
  }

  /** `item` is masked already (toSummary). */
  jobFailed(item: FailedItem): void {
    this.failed.add(item, tenantJobEventsShowPayload(item.kind) ? item : withoutPayload(item));
    this.schedule();
  }

  /** Something moved: stats go out within `statsIntervalMs`, at most once per interval. */
  statsChanged(): void {
    // A job enqueued after the engine stopped (it is queued for the next start) publishes nothing:
    // the store may be closed by the time a timer would fire.
    if (this.statsTimer || this.stopped) return;
    this.statsTimer = setTimeout(() => {
      this.statsTimer = null;
      this.publishStats();
    }, this.options.statsIntervalMs);
    this.statsTimer.unref();
  }

  publishStats(): void {
    for (const { tenantId, snapshot } of this.options.stats()) {
      this.bus.publish('JobStatsUpdated', snapshot, tenantId ?? undefined);
    }
  }

  /** Publishes everything gathered so far (also called on stop). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.queued.size > 0) {
      const items = [...this.queued.values()];
      const exists = this.store.existing(items.map((i) => i.id));
      this.emit('JobQueued', items.filter((i) => exists.has(i.id)));
      this.queued = new Map();
    }
    if (this.progress.size > 0) {
      this.emit('JobProgress', [...this.progress.values()]);
      this.progress = new Map();
    }
    if (!this.processed.empty) {
      this.publishCapped('JobProcessed', this.processed);
      this.processed = new Capped();
    }
    if (!this.failed.empty) {
      this.publishCapped('JobFailed', this.failed);
      this.failed = new Capped();
    }
  }

  stop(): void {
    this.stopped = true;
    this.flush();
    if (this.statsTimer) {
      clearTimeout(this.statsTimer);
      this.statsTimer = null;
      this.publishStats();
    }
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => this.flush(), this.options.windowMs);
    this.timer.unref();
  }

  private publishCapped<T extends { tenantId: number | null }>(name: 'JobProcessed' | 'JobFailed', capped: Capped<T>): void {
    const publish = this.bus.publish.bind(this.bus) as (n: string, p: JobBatch<T>, t?: number) => void;
    for (const [tenantId, batch] of capped.byTenant) publish(name, batch, tenantId);
    publish(name, capped.all);
  }

  private emit<T extends { tenantId: number | null }>(
    name: 'JobQueued' | 'JobProgress',
    items: T[],
  ): void {
    if (items.length === 0) return;
    const byTenant = new Map<number, T[]>();
    for (const item of items) {
      if (item.tenantId === null) continue;
      let list = byTenant.get(item.tenantId);
      if (!list) byTenant.set(item.tenantId, (list = []));
      list.push(item);
    }
    const publish = this.bus.publish.bind(this.bus) as (n: string, p: JobBatch<T>, t?: number) => void;
    for (const [tenantId, list] of byTenant) publish(name, cut(list), tenantId);
    publish(name, cut(items));
  }
}

/**
 * Items of one event name within a window, kept per channel only up to MAX_ITEMS (the rest
 * counted), so a 20k jobs/s burst does not build 20k-item arrays just to cut them.
 */
class Capped<T extends { tenantId: number | null }> {
  readonly all: JobBatch<T> = { items: [], more: 0 };
  readonly byTenant = new Map<number, JobBatch<T>>();

  get empty(): boolean {
    return this.all.items.length === 0;
  }

  /** `item` goes to system.jobs, `tenantItem` (the tenant channel's view of it) to its tenant's channel. */
  add(item: T, tenantItem: T = item): void {
    push(this.all, item);
    if (item.tenantId === null) return;
    let batch = this.byTenant.get(item.tenantId);
    if (!batch) this.byTenant.set(item.tenantId, (batch = { items: [], more: 0 }));
    push(batch, tenantItem);
  }
}

function push<T>(batch: JobBatch<T>, item: T): void {
  if (batch.items.length < MAX_ITEMS) batch.items.push(item);
  else batch.more++;
}

function cut<T>(items: T[]): JobBatch<T> {
  return items.length <= MAX_ITEMS ? { items, more: 0 } : { items: items.slice(0, MAX_ITEMS), more: items.length - MAX_ITEMS };
}
