import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { SystemMetrics } from './contract';

/**
 * Samples the main thread's event-loop delay continuously with a cheap repeating timer.
 * Node's histogram records the whole interval between the timer's runs, so an idle loop reads
 * as the resolution itself; lag is what comes on top of it.
 */
export class ProcessMetrics {
  private readonly lag: IntervalHistogram;
  private since = new Date();

  constructor(private readonly resolutionMs = 10) {
    this.lag = monitorEventLoopDelay({ resolution: resolutionMs });
  }

  start(): void {
    this.lag.enable();
  }

  stop(): void {
    this.lag.disable();
  }

  /** The process's own figures (system.metrics adds the router shards' restarts). */
  read(reset: boolean): Omit<SystemMetrics, 'routerShardRestarts'> {
    const memory = process.memoryUsage();
    const lagMs = (ns: number) => Math.max(0, Math.round(ns / 1e4 - this.resolutionMs * 100) / 100);
    const metrics: Omit<SystemMetrics, 'routerShardRestarts'> = {
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      eventLoopLag: { p50: lagMs(this.lag.percentile(50)), p99: lagMs(this.lag.percentile(99)), max: lagMs(this.lag.max) },
      sinceReset: this.since.toISOString(),
    };
    if (reset) {
      this.lag.reset();
      this.since = new Date();
    }
    return metrics;
  }
}
