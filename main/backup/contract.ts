import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';

/** How many scheduled and manual backups may be kept: the setting's bounds, shared with the Settings section. */
export const BACKUP_KEEP = { min: 1, max: 365 } as const;

/** Who made a backup: the daily schedule, a system admin ("Back up now"), or a restore keeping the store it replaced. */
export type BackupKind = 'scheduled' | 'manual' | 'before-restore';

export interface BackupFile {
  name: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
}

/** The Backups section of Settings: the files, the keep-N setting, and what a backup holds. */
export interface BackupOverview {
  /** Absolute path of `<data folder>/backups`. */
  folder: string;
  /** Scheduled and manual backups kept; older ones are deleted after each new backup. */
  keep: number;
  /** Local time of the daily backup, "HH:MM". */
  dailyAt: string;
  /** Newest first. */
  backups: BackupFile[];
  /** Always false: backups hold the store only; the secret key stays outside it (see README, Backups). */
  secretKeyIncluded: false;
}

export const backupInvokes = {
  'backups.list': defineInvoke<BackupOverview>()({
    input: z.object({}).strict(),
    summary: 'The store’s backups (time, size, kind), how many are kept and when the daily one runs. System admins.',
  }),
  'backups.create': defineInvoke<{ jobId: number; deduplicated: boolean }>()({
    input: z.object({}).strict(),
    summary: 'Backs the store up now, as a job (online: the console keeps working); BackupsChanged follows. System admins.',
  }),
  'backups.updateSettings': defineInvoke<BackupOverview>()({
    input: z.object({ keep: z.number().int().min(BACKUP_KEEP.min).max(BACKUP_KEEP.max) }).strict(),
    summary: 'Sets how many scheduled and manual backups are kept (1–365); older ones go at once. System admins.',
  }),
};

export const backupEvents = {
  BackupsChanged: defineEvent<BackupOverview>()({
    scope: 'system',
    topic: 'backups',
    summary: 'A backup was made or pruned, or keep-N changed: the whole overview, on system.backups.',
  }),
};
