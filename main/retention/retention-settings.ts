import { z } from 'zod';
import type { Db } from '../store/database';
import { auditDaysSchema, RETENTION } from './contract';

const KEY = 'retention';
const schema = z.object({ auditDays: auditDaysSchema });
export type RetentionSettings = z.infer<typeof schema>;

export function readRetentionSettings(db: Db): RetentionSettings {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(KEY);
  // A hand-edited or older value falls back to the default rather than stopping the sweep.
  const stored = row ? schema.safeParse(JSON.parse(row.value)) : null;
  return stored?.success ? stored.data : { auditDays: RETENTION.defaultAuditDays };
}

export function writeRetentionSettings(db: Db, settings: RetentionSettings, now: number): RetentionSettings {
  const next = schema.parse(settings);
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(KEY, JSON.stringify(next), new Date(now).toISOString());
  return next;
}
