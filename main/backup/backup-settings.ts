import { z } from 'zod';
import type { Db } from '../store/database';
import { readSetting, writeSetting } from '../system/settings-table';
import { BACKUP_KEEP } from './contract';

const KEY = 'backups';
const schema = z.object({ keep: z.number().int().min(BACKUP_KEEP.min).max(BACKUP_KEEP.max) });
export type BackupSettings = z.infer<typeof schema>;

/** A week of daily backups unless a system admin says otherwise. */
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { keep: 7 };

export function readBackupSettings(db: Db): BackupSettings {
  return readSetting(db, KEY, schema) ?? DEFAULT_BACKUP_SETTINGS;
}

export function writeBackupSettings(db: Db, settings: BackupSettings, now: number): BackupSettings {
  return writeSetting(db, KEY, schema, settings, now);
}
