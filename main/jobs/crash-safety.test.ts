import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';

const child = join(import.meta.dirname, 'testing', 'crash-child.ts');
const dir = mkdtempSync(join(tmpdir(), 'noc-jobs-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child; in load mode kills it with SIGKILL after `killAfterLines` committed enqueue rounds. */
function runChild(mode: 'load' | 'drain', seed: number, killAfterLines: number, known: Set<number>): Promise<{ code: number | null; signal: string | null }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dir, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CRASH_SEED: String(seed) },
  });
  let lines = 0;
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    if (line.startsWith('enqueued ')) for (const id of line.slice(9).split(',')) known.add(Number(id));
    if (mode === 'load' && ++lines >= killAfterLines) proc.kill('SIGKILL');
  });
  return new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
}

describe('crash safety', () => {
  it('loses no job across repeated SIGKILLs at random moments, never runs a unique key twice at once', async () => {
    const known = new Set<number>();
    const kills = 12;
    for (let round = 0; round < kills; round++) {
      const result = await runChild('load', round, 2 + Math.floor(Math.random() * 12), known);
      expect(result.signal).toBe('SIGKILL');
    }
    expect(await runChild('drain', kills, Infinity, known)).toEqual({ code: 0, signal: null });

    const db = openDatabase(join(dir, 'noc.db'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare('SELECT id, status, attempts, unique_key FROM jobs').all() as Array<{ id: number; status: string; attempts: number }>;
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(known.size).toBeGreaterThan(kills * 20);
      for (const id of known) expect(['succeeded', 'failed', 'cancelled']).toContain(byId.get(id)?.status);
      expect(rows.filter((r) => r.status === 'queued' || r.status === 'running')).toEqual([]);
      const interrupted = (db.prepare(`SELECT count(*) AS n FROM job_attempts WHERE error LIKE 'interrupted%'`).get() as { n: number }).n;
      expect(interrupted).toBeGreaterThan(0);
    } finally {
      db.close();
    }

    // Per process incarnation, a unique key is never started while another job with it runs.
    const running = new Map<string, Map<string, number>>();
    const overlaps: string[] = [];
    for (const line of readFileSync(join(dir, 'journal.log'), 'utf8').split('\n')) {
      const [pid, what, id, key] = line.split(' ');
      if (!pid || key === '-' || key === undefined) continue;
      let keys = running.get(pid);
      if (!keys) running.set(pid, (keys = new Map()));
      if (what === 'start') {
        if (keys.has(key)) overlaps.push(`${key}: job ${id} started while job ${keys.get(key)} ran (pid ${pid})`);
        keys.set(key, Number(id));
      } else if (keys.get(key) === Number(id)) keys.delete(key);
    }
    expect(overlaps).toEqual([]);
  }, 120_000);
});
