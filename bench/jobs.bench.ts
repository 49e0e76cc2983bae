import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { silentLogger } from '../main/core/logger';
import { EventBus } from '../main/events/event-bus';
import { defineJob, jobSet, type JobRegistry } from '../main/jobs/define-job';
import { diagnosticPayload } from '../main/jobs/diagnostic-payload';
import { JobEngine } from '../main/jobs/job-engine';
import { ProcessMetrics } from '../main/system/process-metrics';
import { jobsMigrations } from '../main/jobs/migrations';
import { openDatabase, type Db, type SynchronousMode } from '../main/store/database';
import { migrate } from '../main/store/migrator';
import { percentile, type BenchFigure, type BenchSuite } from './figure';
import { benchChoice } from './flags';

/**
 * The job engine's figures (issue 3): durable end-to-end throughput with main-process and
 * pool handlers, enqueue-to-start latency on an idle engine, and main-thread event-loop lag
 * while the pool burns CPU. Real SQLite files (WAL; synchronous=FULL as the console opens its
 * store, or `--synchronous=normal` to measure what durability costs), the real queue table.
 */
const synchronous = benchChoice<SynchronousMode>('synchronous', ['FULL', 'NORMAL'], 'FULL');
let onStart: (() => void) | null = null;
const registry = jobSet(
  defineJob({ name: 'bench.noop', queue: 'default', runs: 'main', summary: '', payload: z.object({ n: z.number() }), handler: () => onStart?.() }),
  defineJob({ name: 'jobs.diagnostic', queue: 'router-data', runs: 'pool', summary: '', payload: diagnosticPayload }),
);
type Registry = typeof registry;

async function withEngine<T>(run: (engine: JobEngine<Registry>, db: Db) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'noc-jobs-bench-'));
  const db = openDatabase(join(dir, 'noc.db'), { synchronous });
  migrate(db, jobsMigrations);
  const engine = new JobEngine<Registry>({ db, bus: new EventBus(silentLogger), log: silentLogger, dataDir: dir, registry, schedules: [] });
  engine.start();
  try {
    return await run(engine, db);
  } finally {
    await engine.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Enqueues `total` jobs in transactions of `chunk` (as a command handler would), yielding between chunks. */
async function enqueueAll<R extends JobRegistry>(engine: JobEngine<R>, total: number, chunk: number, enqueue: (i: number) => void): Promise<void> {
  for (let i = 0; i < total; i += chunk) {
    engine.store.transaction(() => {
      for (let j = i; j < Math.min(total, i + chunk); j++) enqueue(j);
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function throughput(kind: 'main' | 'pool', total: number): Promise<number> {
  return withEngine(async (engine, db) => {
    if (kind === 'pool') {
      engine.warmPool(['router-data']);
      // Let the threads start and the queue learn its job durations (sizes its batches).
      await enqueueAll(engine, 2000, 500, () => engine.enqueue('jobs.diagnostic', { action: 'ok' }));
      await engine.drained();
    }
    // Warm-up jobs are not counted: only jobs after this id make the figure.
    const before = (db.prepare('SELECT coalesce(max(id), 0) AS id FROM jobs').get() as { id: number }).id;
    const t0 = performance.now();
    await enqueueAll(engine, total, 500, (n) =>
      kind === 'main' ? engine.enqueue('bench.noop', { n }) : engine.enqueue('jobs.diagnostic', { action: 'ok' }),
    );
    await engine.drained();
    const seconds = (performance.now() - t0) / 1000;
    const done = db.prepare(`SELECT count(*) AS n FROM jobs WHERE status = 'succeeded' AND id > ?`).get(before) as { n: number };
    if (done.n < total) throw new Error(`only ${done.n} of ${total} jobs succeeded`);
    return total / seconds;
  });
}

async function latencyP99(samples: number): Promise<number> {
  return withEngine(async (engine) => {
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      await engine.drained();
      const started = new Promise<number>((resolve) => (onStart = () => resolve(performance.now())));
      const t0 = performance.now();
      engine.enqueue('bench.noop', { n: i });
      latencies.push((await started) - t0);
    }
    onStart = null;
    return percentile(latencies, 99);
  });
}

async function lagP99(jobs: number, ms: number): Promise<number> {
  return withEngine(async (engine) => {
    engine.warmPool(['router-data']);
    for (let i = 0; i < 8; i++) engine.enqueue('jobs.diagnostic', { action: 'ok' });
    await engine.drained();
    const metrics = new ProcessMetrics(1);
    metrics.start();
    engine.store.transaction(() => {
      for (let i = 0; i < jobs; i++) engine.enqueue('jobs.diagnostic', { action: 'cpu', ms });
    });
    await engine.drained();
    metrics.stop();
    return metrics.read(false).eventLoopLag.p99;
  });
}

const suite: BenchSuite = async () => {
  const figures: BenchFigure[] = [];
  const mode = `synchronous=${synchronous}`;
  const mainRate = await throughput('main', 100_000);
  figures.push({ metric: `durable no-op jobs end to end, main-process handlers, ${mode}`, value: mainRate, unit: 'jobs/s', target: 20_000, better: 'higher' });
  const poolRate = await throughput('pool', 40_000);
  figures.push({ metric: `durable no-op jobs end to end, piscina pool, ${mode}`, value: poolRate, unit: 'jobs/s', target: 5_000, better: 'higher' });
  figures.push({ metric: `enqueue-to-start latency p99, idle engine, ${mode}`, value: await latencyP99(2000), unit: 'ms', target: 10, better: 'lower' });
  figures.push({ metric: 'main-thread event-loop lag p99, pool running CPU-heavy jobs', value: await lagP99(300, 20), unit: 'ms', target: 20, better: 'lower' });
  return figures;
};

export default suite;
