import { Piscina } from 'piscina';
import type { QueueConfig } from './queue-table';
import { resolveWorkerFile } from '../core/worker-file';

/**
 * One piscina pool per distinct memory limit of the queue table (worker resource limits are
 * per pool), created on first use. A pool has as many threads as the worker counts of its
 * queues add up to, so queue caps (enforced by the engine) are the only concurrency limit, as
 * with one Supervisor process per queue worker. Threads start lazily and idle out.
 */
export class WorkerPools {
  private readonly pools = new Map<number, Piscina>();
  private readonly threadsByMemory = new Map<number, number>();
  private worker: { file: string; execArgv: string[] } | null = null;

  constructor(
    queues: readonly QueueConfig[],
    private readonly options: { workerFile?: string; idleTimeoutMs?: number } = {},
  ) {
    for (const q of queues) this.threadsByMemory.set(q.memoryMb, (this.threadsByMemory.get(q.memoryMb) ?? 0) + q.workers);
  }

  poolFor(queue: QueueConfig): Piscina {
    let pool = this.pools.get(queue.memoryMb);
    if (!pool) {
      this.worker ??= resolveWorkerFile('job-worker', this.options.workerFile);
      pool = new Piscina({
        filename: this.worker.file,
        name: 'default',
        execArgv: this.worker.execArgv,
        minThreads: 1,
        maxThreads: this.threadsByMemory.get(queue.memoryMb) ?? queue.workers,
        idleTimeout: this.options.idleTimeoutMs ?? 60_000,
        resourceLimits: { maxOldGenerationSizeMb: queue.memoryMb },
        // Pool threads run below the main thread's priority (Linux/macOS/Windows via @napi-rs/nice):
        // CPU-heavy jobs must not make the UI's backend lag.
        niceIncrement: 5,
      });
      // A dying worker is replaced by piscina; its task's rejection tells the engine. Nothing to do here.
      pool.on('error', () => {});
      this.pools.set(queue.memoryMb, pool);
    }
    return pool;
  }

  /** Starts the pool of these queues now (so the first job does not wait for a thread). */
  warm(queues: readonly QueueConfig[]): void {
    for (const q of queues) this.poolFor(q);
  }

  get threadCount(): number {
    let n = 0;
    for (const pool of this.pools.values()) n += pool.threads.length;
    return n;
  }

  async destroy(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.destroy()));
  }
}
