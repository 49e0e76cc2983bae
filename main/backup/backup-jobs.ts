import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext, type ScheduleDefinition } from '../jobs/define-job';
import { backupFolder } from './backup-folder';
import { DAILY_BACKUP_AT, backupOverview } from './backup-overview';
import type { BackupServices } from './backup-services';
import { readBackupSettings } from './backup-settings';
import { createBackup } from './create-backup';

/**
 * The backup as a job: daily by schedule, or when a system admin asks. It runs on the main
 * thread on purpose: the store copies itself through the console's own connection in small
 * steps between turns of the event loop (see sqlite-store-backup.ts); a pool worker would need a
 * second connection, whose copy starts over after every write the console makes.
 */
export const backupJobs = jobSet(
  defineJob({
    name: 'backups.create',
    queue: 'log-rotation',
    runs: 'main',
    maxAttempts: 2,
    summary: 'Backs the store up online into <data folder>/backups, then keeps the newest N (a setting).',
    payload: z.object({ kind: z.enum(['scheduled', 'manual']) }).strict(),
    handler: async ({ kind }, { services, signal, progress, log }: MainJobContext<BackupServices>) => {
      const settings = () => services.accounts.read((tx) => readBackupSettings(tx.settings));
      const { file, pruned } = await createBackup(services.storeBackup, backupFolder(services.dataDir), { kind, now: Date.now(), keep: (await settings()).keep, signal, onProgress: progress });
      log('backup written', { file: file.name, sizeBytes: file.sizeBytes, pruned: pruned.length });
      // Read again: keep-N may have changed while the copy ran.
      services.bus.publish('BackupsChanged', backupOverview(services.dataDir, await settings()));
      return { file: file.name, sizeBytes: file.sizeBytes, pruned };
    },
  }),
);

export const backupSchedules: ScheduleDefinition[] = [{ key: 'backups.daily', job: 'backups.create', payload: { kind: 'scheduled' }, daily: { at: DAILY_BACKUP_AT } }];
