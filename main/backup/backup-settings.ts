import { z } from 'zod';
import type { Db } from '../store/database';
import { BACKUP_KEEP } from './contract';

const KEY = 'backups';
const schema = z.object({ keep: z.number().int().min(BACKUP_KEEP.min).max(BACKUP_KEEP.max) });
export type BackupSettings = z.infer<typeof schema>;

/** A week of daily backups unless a system admin says otherwise. */
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { keep: 7 };

export function readBackupSettings(db: Db): BackupSettings {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(KEY);
  const stored = row ? schema.partial().safeParse(JSON.parse(row.value)) : null;
  return { ...DEFAULT_BACKUP_SETTINGS, ...(stored?.success ? stored.data : {}) };
}

export function writeBackupSettings(db: Db, settings: BackupSettings, now: number): BackupSettings {
  const next = schema.parse(settings);
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(KEY, JSON.stringify(next), new Date(now).toISOString());
  return next;
}
