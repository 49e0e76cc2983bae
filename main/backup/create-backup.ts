import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFile, BackupKind } from './contract';
import { backupFileName, createPrivateFile, ensureBackupFolder, listBackups, pruneBackups } from './backup-folder';
import { syncFile, syncFolder } from './file-sync';
import type { StoreBackup, StoreCopyOptions } from './store-backup';

export interface BackupRequest extends StoreCopyOptions {
  kind: Exclude<BackupKind, 'before-restore'>;
  now: number;
  /** Scheduled and manual backups kept after this one. */
  keep: number;
}

export interface CreatedBackup {
  file: BackupFile;
  pruned: string[];
}

/**
 * An online backup into the folder: the store copies itself (see StoreBackup) into a private
 * `.partial` file, which is synced and only then renamed, so a listed backup is always whole;
 * an aborted or failed copy leaves nothing behind.
 */
export async function createBackup(store: StoreBackup, folder: string, request: BackupRequest): Promise<CreatedBackup> {
  ensureBackupFolder(folder);
  const name = backupFileName(request.now, request.kind);
  const partial = join(folder, `${name}.partial`);
  rmSync(partial, { force: true });
  try {
    createPrivateFile(partial);
    await store.copyTo(partial, { signal: request.signal, onProgress: request.onProgress });
    syncFile(partial);
    renameSync(partial, join(folder, name));
    syncFolder(folder);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const pruned = pruneBackups(folder, request.keep);
  const file = listBackups(folder).find((b) => b.name === name)!;
  return { file, pruned };
}
