import type { Db } from '../store/database';
import type { SettingsStore } from './settings-store';

/**
 * Settings on the console's SQLite file: the `settings` table holds one JSON value per key. A
 * stored value that no longer parses or fits its schema reads as absent (see SettingsStore).
 * Writes join the caller's transaction, if any.
 */
export function sqliteSettingsStore(db: Db): SettingsStore {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  return {
    read: async (key, schema) => {
      const row = select.get(key);
      if (!row) return null;
      let stored: unknown;
      try {
        stored = JSON.parse(row.value);
      } catch {
        return null;
      }
      const parsed = schema.safeParse(stored);
      return parsed.success ? parsed.data : null;
    },
    write: async (key, schema, value, now) => {
      const next = schema.parse(value);
      upsert.run(key, JSON.stringify(next), new Date(now).toISOString());
      return next;
    },
  };
}
