import type { Db } from '../store/database';
import type { BackupOverview } from './contract';
import { backupFolder, listBackups } from './backup-folder';
import { readBackupSettings } from './backup-settings';

/** When the daily backup runs (local time): a quiet hour for most operators, clear of log rotation at 03:17. */
export const DAILY_BACKUP_AT = '02:30';

export function backupOverview(db: Db, dataDir: string): BackupOverview {
  const folder = backupFolder(dataDir);
  return { folder, keep: readBackupSettings(db).keep, dailyAt: DAILY_BACKUP_AT, backups: listBackups(folder), secretKeyIncluded: false };
}
