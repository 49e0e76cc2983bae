import type { BackupOverview } from './contract';
import { backupFolder, listBackups } from './backup-folder';
import type { BackupSettings } from './backup-settings';

/** When the daily backup runs (local time): a quiet hour for most operators, clear of log rotation at 03:17. */
export const DAILY_BACKUP_AT = '02:30';

/** The Backups section: the folder's files beside the stored settings. */
export function backupOverview(dataDir: string, { keep }: BackupSettings): BackupOverview {
  const folder = backupFolder(dataDir);
  return { folder, keep, dailyAt: DAILY_BACKUP_AT, backups: listBackups(folder), secretKeyIncluded: false };
}
