import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { SystemMetrics } from './contract';

/** Samples the main thread's event-loop delay continuously (a 10 ms resolution timer, cheap). */
export class ProcessMetrics {
  private readonly lag: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private since = new Date();

  start(): void {
    this.lag.enable();
  }

  stop(): void {
    this.lag.disable();
  }

  read(reset: boolean): SystemMetrics {
    const memory = process.memoryUsage();
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const metrics: SystemMetrics = {
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      eventLoopLag: { p50: ms(this.lag.percentile(50)), p99: ms(this.lag.percentile(99)), max: ms(this.lag.max) },
      sinceReset: this.since.toISOString(),
    };
    if (reset) {
      this.lag.reset();
      this.since = new Date();
    }
    return metrics;
  }
}
