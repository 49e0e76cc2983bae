import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../store/database';

/** The settings row that says a store was made by the demo; every user in such a store is demo data. */
const DEMO_MARK = 'demo.folder';

export class DemoFolderError extends Error {
  override name = 'DemoFolderError';
}

/**
 * Refuses a data folder for the demo unless it is new, has no users, or was made by an earlier
 * demo. Run before the store opens: it only reads, so a refused folder is left exactly as it was
 * (no migration, no demo tenants, no reset passwords).
 */
export function checkDemoFolder(dataDir: string): void {
  const file = join(dataDir, 'noc.db');
  if (!existsSync(file)) return;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    refuseRealData(db, dataDir);
  } finally {
    db.close();
  }
}

/** The same check on an open store (a host that opened it already): throws before the demo writes anything. */
export function refuseRealData(db: Db, dataDir: string): void {
  const hasTable = (name: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  if (hasTable('settings') && db.prepare('SELECT 1 FROM settings WHERE key = ?').get(DEMO_MARK) !== undefined) return;
  if (!hasTable('users')) return;
  const { n } = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users').get()!;
  if (n === 0) return;
  throw new DemoFolderError(
    `the data folder ${dataDir} holds a console with ${n} user${n === 1 ? '' : 's'} the demo did not make, and --demo never runs on real data: ` +
      'start the demo without --data-dir (it has a folder of its own) or give it an empty folder',
  );
}

/** Marks the store as the demo's, so the next demo start accepts it (users made while trying the demo are demo data). */
export function markDemoFolder(db: Db, now: number): void {
  db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING').run(DEMO_MARK, 'true', new Date(now).toISOString());
}
