import type { z } from 'zod';
import type { Db } from '../store/database';

/**
 * The `settings` table holds one JSON value per key; each domain keeps its settings under its
 * own key. A stored value that no longer fits the schema (an older version, a hand edit) reads
 * as absent, so the caller's defaults apply instead of the feature stopping.
 */
export function readSetting<S extends z.ZodType>(db: Db, key: string, schema: S): z.output<S> | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  if (!row) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** Validates and stores a value under `key` (inside the caller's transaction, if any). */
export function writeSetting<S extends z.ZodType>(db: Db, key: string, schema: S, value: z.input<S>, now: number): z.output<S> {
  const next = schema.parse(value);
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(next), new Date(now).toISOString());
  return next;
}
