import Database from 'better-sqlite3';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../store/database';
import type { BackupFile, BackupKind } from './contract';
import { backupFileName, createPrivateFile, ensureBackupFolder, listBackups, pruneBackups } from './backup-folder';
import { syncFile, syncFolder } from './file-sync';

/** Pages copied per turn of the event loop (better-sqlite3's default): ~400 KB, well under a millisecond. */
const PAGES_PER_STEP = 100;

export interface BackupRequest {
  kind: Exclude<BackupKind, 'before-restore'>;
  now: number;
  /** Scheduled and manual backups kept after this one. */
  keep: number;
  /** Aborts the copy between steps (the job's timeout or a cancel); the partial file is removed. */
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface CreatedBackup {
  file: BackupFile;
  pruned: string[];
}

/**
 * Online backup with SQLite's backup API (better-sqlite3 `db.backup()`) through the console's
 * own connection: pages are copied in small steps between turns of the event loop, so the
 * console keeps serving, and what it writes meanwhile is carried into the copy (a copy made
 * through a second connection would start over after every write). The copy is written as
 * `.partial`, turned into a one-file database (no WAL: readable from read-only media), synced
 * and only then renamed, so a listed backup is always whole.
 */
export async function createBackup(db: Db, folder: string, request: BackupRequest): Promise<CreatedBackup> {
  ensureBackupFolder(folder);
  const name = backupFileName(request.now, request.kind);
  const partial = join(folder, `${name}.partial`);
  rmSync(partial, { force: true });
  try {
    createPrivateFile(partial);
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        request.signal?.throwIfAborted();
        request.onProgress?.(totalPages === 0 ? 1 : 1 - remainingPages / totalPages);
        return PAGES_PER_STEP;
      },
    });
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
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
