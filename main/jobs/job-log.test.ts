import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JobLog } from './job-log';
import { builtinJobs } from './builtin-jobs';
import { defineJob, jobSet } from './define-job';
import { createEngine, testQueue } from './testing/engine-fixture';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'noc-joblog-'));
  dirs.push(dir);
  return dir;
}

describe('queue logs', () => {
  it('appends JSON lines per queue and finds a job’s lines', () => {
    const log = new JobLog(tempDir());
    log.write('payments', { time: '2025-01-01T00:00:00.000Z', level: 'info', msg: 'a', queue: 'payments', jobId: 12, name: 'x' });
    log.write('payments', { time: '2025-01-01T00:00:01.000Z', level: 'info', msg: 'b', queue: 'payments', jobId: 123, name: 'x' });
    log.write('broadcasts', { time: '2025-01-01T00:00:02.000Z', level: 'info', msg: 'c', queue: 'broadcasts', jobId: 12, name: 'x' });
    log.flush();
    const lines = readFileSync(log.fileOf('payments'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { msg: string });
    expect(lines.map((l) => l.msg)).toEqual(['a', 'b']);
    expect(log.linesOf('payments', 12).map((l) => l.msg)).toEqual(['a']);
  });

  it('rotates by size and by age, keeping a bounded number of generations', () => {
    const dir = tempDir();
    const log = new JobLog(dir, { maxBytes: 200, maxAgeMs: 3600_000, keep: 2 });
    const now = Date.parse('2025-01-02T00:00:00.000Z');
    writeFileSync(join(dir, 'big.log'), `{"time":"2025-01-01T23:59:00.000Z","msg":"${'x'.repeat(300)}"}\n`);
    writeFileSync(join(dir, 'old.log'), `{"time":"2025-01-01T22:00:00.000Z","msg":"old"}\n`);
    writeFileSync(join(dir, 'fresh.log'), `{"time":"2025-01-01T23:30:00.000Z","msg":"fresh"}\n`);
    expect(log.rotate(now).sort()).toEqual(['big', 'old']);
    expect(existsSync(join(dir, 'big.log.1'))).toBe(true);
    expect(existsSync(join(dir, 'big.log'))).toBe(false);
    expect(existsSync(join(dir, 'fresh.log'))).toBe(true);
    for (let i = 0; i < 3; i++) {
      writeFileSync(join(dir, 'old.log'), `{"time":"2025-01-01T00:00:00.000Z","msg":"gen ${i}"}\n`);
      log.rotate(now);
    }
    expect(readFileSync(join(dir, 'old.log.1'), 'utf8')).toContain('gen 2');
    expect(readFileSync(join(dir, 'old.log.2'), 'utf8')).toContain('gen 1');
    expect(existsSync(join(dir, 'old.log.3'))).toBe(false);
  });

  it('the log-rotation job rotates old logs and prunes finished jobs past retention', async () => {
    let now = Date.parse('2025-01-01T12:00:00.000Z');
    const registry = jobSet(
      builtinJobs['jobs.rotate-logs'],
      defineJob({ name: 't.noop', queue: 'default', runs: 'main', summary: '', payload: z.object({}), handler: () => undefined }),
    );
    const f = createEngine({ registry, queues: [testQueue('default'), testQueue('log-rotation', { priority: 30 })], schedules: [], clock: () => now });
    try {
      f.engine.start();
      const old = f.engine.enqueue('t.noop', {}).jobId;
      await f.engine.drained();
      now += 8 * 86_400_000;
      const rotation = f.engine.enqueue('jobs.rotate-logs', {}).jobId;
      await f.engine.drained();
      expect(f.engine.detail(rotation)).toMatchObject({ status: 'succeeded', result: { rotated: ['default'], pruned: 1 } });
      expect(f.engine.store.get(old)).toBeUndefined();
      expect(existsSync(join(f.dir, 'logs', 'default.log.1'))).toBe(true);
    } finally {
      await f.close();
    }
  });
});
