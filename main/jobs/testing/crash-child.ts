/**
 * Child process of crash-safety.test.ts: runs a job load on a real engine until SIGKILLed
 * ("load"), or finishes every job and exits ("drain"). Each main-process job journals its start
 * and end (appendFileSync: on disk before the next step), so the parent can prove a unique key
 * never ran twice at once. Enqueued ids are printed after their transaction committed.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { silentLogger } from '../../core/logger';
import { EventBus } from '../../events/event-bus';
import { openDatabase } from '../../store/database';
import { migrate } from '../../store/migrator';
import { defineJob, jobSet } from '../define-job';
import { diagnosticPayload } from '../diagnostic-payload';
import { JobEngine } from '../job-engine';
import { jobsMigrations } from '../migrations';
import { testQueue } from './engine-fixture';

const [dir, mode] = process.argv.slice(2) as [string, 'load' | 'drain'];
const journal = join(dir, 'journal.log');
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const registry = jobSet(
  defineJob({
    name: 'crash.work',
    queue: 'work',
    runs: 'main',
    summary: '',
    payload: z.object({ n: z.number(), key: z.string().nullable() }),
    handler: async ({ n, key }, ctx) => {
      appendFileSync(journal, `${process.pid} start ${ctx.jobId} ${key ?? '-'}\n`);
      for (let i = 0; i < 3; i++) await tick();
      appendFileSync(journal, `${process.pid} end ${ctx.jobId} ${key ?? '-'}\n`);
      if (n % 11 === 0 && ctx.attempt === 1) throw new Error('transient failure, retried');
    },
  }),
  defineJob({ name: 'jobs.diagnostic', queue: 'pool', runs: 'pool', summary: '', payload: diagnosticPayload }),
);

const db = openDatabase(join(dir, 'noc.db'));
migrate(db, jobsMigrations);
const engine = new JobEngine({
  db,
  bus: new EventBus(silentLogger),
  log: silentLogger,
  dataDir: dir,
  registry,
  schedules: [],
  queues: [
    testQueue('work', { workers: 3, attempts: 25, backoff: { baseMs: 5, maxMs: 20 } }),
    testQueue('pool', { workers: 1, attempts: 25, backoff: { baseMs: 5, maxMs: 20 } }),
    testQueue('default'),
  ],
});
engine.start();

if (mode === 'load') {
  let n = Number(process.env.CRASH_SEED ?? 0) * 1000;
  for (let round = 0; round < 40; round++) {
    const ids: number[] = [];
    db.transaction(() => {
      for (let i = 0; i < 25; i++, n++) {
        const key = n % 3 === 0 ? `key-${n % 4}` : null;
        ids.push(engine.enqueue('crash.work', { n, key }, key ? { uniqueKey: key } : {}).jobId);
      }
      ids.push(engine.enqueue('jobs.diagnostic', { action: 'ok' }).jobId);
    })();
    process.stdout.write(`enqueued ${ids.join(',')}\n`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  process.stdout.write('load finished\n');
} else {
  const open = db.prepare(`SELECT count(*) AS n FROM jobs WHERE status IN ('queued', 'running')`);
  while ((open.get() as { n: number }).n > 0) {
    await engine.drained();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await engine.stop();
  db.close();
  process.stdout.write('drained\n');
}
