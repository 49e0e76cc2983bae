import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/**
 * How hard a commit waits for the disk. FULL (the default): in WAL mode every commit syncs the
 * WAL, so a committed payment survives power loss, not only a crash of the process. NORMAL
 * syncs only at checkpoints: as safe against a crash, but the last commits can vanish when
 * the power goes. The jobs bench measures the cost (`npm run bench -- jobs --synchronous=normal`;
 * figures in README, "Durability").
 */
export type SynchronousMode = 'FULL' | 'NORMAL';

export interface OpenDatabaseOptions {
  /** @defaultValue 'FULL' */
  synchronous?: SynchronousMode;
}

/**
 * Opens the console's SQLite file with the settings every part relies on: WAL so readers never
 * block the writer, foreign keys enforced, a busy timeout so a second process (a CLI, a
 * crashed run's leftover) waits instead of failing at once, and durable commits.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  return db;
}
