import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
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
  if (file !== ':memory:') ownerOnly(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  return db;
}

/**
 * The store holds password hashes, sealed secrets and customers' personal data: its folder and
 * file are the owner's alone (a new folder 0700, the file 0600, an older looser file tightened).
 * SQLite gives its -wal and -shm files the mode of the database file.
 */
function ownerOnly(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  if (process.platform !== 'win32') chmodSync(file, 0o600);
}
