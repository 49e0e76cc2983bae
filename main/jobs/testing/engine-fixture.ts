import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../store/database';
import { migrate } from '../../store/migrator';
import { EventBus, type BusEvent } from '../../events/event-bus';
import { silentLogger } from '../../core/logger';
import { jobsMigrations } from '../migrations';
import { JobEngine, type JobEngineOptions } from '../job-engine';
import type { JobRegistry } from '../define-job';
import type { QueueConfig } from '../queue-table';

/** A queue for tests: one worker, generous limits, fast deterministic backoff. */
export function testQueue(name: string, overrides: Partial<QueueConfig> = {}): QueueConfig {
  return { name, priority: 10, workers: 1, memoryMb: 128, timeoutSeconds: 30, attempts: 3, backoff: { baseMs: 1000, maxMs: 60_000 }, ...overrides };
}

/** A promise opened from outside: a deterministic gate for handlers. */
export class Gate<T = void> {
  readonly promise: Promise<T>;
  open!: (value: T) => void;
  constructor() {
    this.promise = new Promise<T>((resolve) => (this.open = resolve));
  }
}

export interface EngineFixture<R extends JobRegistry> {
  engine: JobEngine<R>;
  db: Db;
  bus: EventBus;
  dir: string;
  /** Every bus event published so far. */
  published: BusEvent[];
  /** Resolves with the first published event matching. */
  nextEvent(match: (event: BusEvent) => boolean): Promise<BusEvent>;
  close(): Promise<void>;
}

/** A real engine on a real SQLite file in a fresh temp folder. */
export function createEngine<R extends JobRegistry>(
  options: Omit<JobEngineOptions<R>, 'db' | 'bus' | 'log' | 'dataDir'> & { dir?: string },
): EngineFixture<R> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'noc-jobs-'));
  const db = openDatabase(join(dir, 'noc.db'));
  migrate(db, jobsMigrations);
  const bus = new EventBus(silentLogger);
  const published: BusEvent[] = [];
  const waiters: Array<{ match: (e: BusEvent) => boolean; resolve: (e: BusEvent) => void }> = [];
  const channels = new Set<string>();
  const watch = (channel: string) => {
    if (channels.has(channel)) return;
    channels.add(channel);
    bus.subscribe(channel, (event) => {
      published.push(event);
      for (const w of [...waiters]) {
        if (w.match(event)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(event);
        }
      }
    });
  };
  watch('system.jobs');
  for (let t = 1; t <= 5; t++) watch(`tenant.${t}.jobs`);
  const engine = new JobEngine<R>({ eventWindowMs: 5, statsIntervalMs: 20, ...options, db, bus, log: silentLogger, dataDir: dir });
  return {
    engine,
    db,
    bus,
    dir,
    published,
    nextEvent: (match) => new Promise((resolve) => waiters.push({ match, resolve })),
    async close() {
      await engine.stop();
      db.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function statusOf(db: Db, id: number): string {
  return (db.prepare('SELECT status FROM jobs WHERE id = ?').get(id) as { status: string }).status;
}
