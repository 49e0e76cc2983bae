import Database from 'better-sqlite3';
import type { Db } from '../store/database';
import type { StoreBackup } from './store-backup';

/** Pages copied per turn of the event loop (better-sqlite3's default): ~400 KB, well under a millisecond. */
const PAGES_PER_STEP = 100;

/**
 * Online copy with SQLite's backup API (better-sqlite3 `db.backup()`) through the console's own
 * connection: pages are copied in small steps between turns of the event loop, so the console
 * keeps serving, and what it writes meanwhile is carried into the copy (a copy made through a
 * second connection would start over after every write). The copy is then turned into a one-file
 * database (no WAL: readable from read-only media).
 */
export function sqliteStoreBackup(db: Db): StoreBackup {
  return {
    async copyTo(path, { signal, onProgress }) {
      await db.backup(path, {
        progress: ({ totalPages, remainingPages }) => {
          signal?.throwIfAborted();
          onProgress?.(totalPages === 0 ? 1 : 1 - remainingPages / totalPages);
          return PAGES_PER_STEP;
        },
      });
      const copy = new Database(path);
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
    },
  };
}
