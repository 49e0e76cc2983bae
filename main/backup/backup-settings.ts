import { z } from 'zod';
import type { SettingsStore } from '../system/settings-store';
import { BACKUP_KEEP } from './contract';

const KEY = 'backups';
const schema = z.object({ keep: z.number().int().min(BACKUP_KEEP.min).max(BACKUP_KEEP.max) });
export type BackupSettings = z.infer<typeof schema>;

/** A week of daily backups unless a system admin says otherwise. */
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { keep: 7 };

export async function readBackupSettings(settings: SettingsStore): Promise<BackupSettings> {
  return (await settings.read(KEY, schema)) ?? DEFAULT_BACKUP_SETTINGS;
}

export function writeBackupSettings(settings: SettingsStore, value: BackupSettings, now: number): Promise<BackupSettings> {
  return settings.write(KEY, schema, value, now);
}
