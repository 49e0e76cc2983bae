import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/**
 * Opens the console's SQLite file with the settings every part relies on: WAL so readers never
 * block the writer, foreign keys enforced, and a busy timeout so a second process (a CLI, a
 * crashed run's leftover) waits instead of failing at once.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // WAL + NORMAL is durable across process crashes (not power loss mid-checkpoint), and much faster.
  db.pragma('synchronous = NORMAL');
  return db;
}
