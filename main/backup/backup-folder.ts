import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFile, BackupKind } from './contract';

/** `noc-2026-12-02T03-30-00-000Z-scheduled.db`: sorts by time, says what made it, safe on every file system. */
const NAME = /^noc-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(scheduled|manual|before-restore)\.db$/;

export function backupFolder(dataDir: string): string {
  return join(dataDir, 'backups');
}

export function backupFileName(at: number, kind: BackupKind): string {
  return `noc-${new Date(at).toISOString().replace(/[:.]/g, '-')}-${kind}.db`;
}

/** The console's backups in the folder, newest first; other files there are not its business. */
export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const match = NAME.exec(name);
    if (!match) continue;
    const [, day, h, m, s, ms, kind] = match;
    files.push({ name, kind: kind as BackupKind, createdAt: `${day}T${h}:${m}:${s}.${ms}Z`, sizeBytes: statSync(join(folder, name)).size });
  }
  return files.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/**
 * Deletes scheduled and manual backups beyond the newest `keep`. Copies a restore kept of the
 * store it replaced are never pruned: they are the way back from a wrong restore.
 */
export function pruneBackups(folder: string, keep: number): string[] {
  const removable = listBackups(folder).filter((b) => b.kind !== 'before-restore');
  const removed = removable.slice(keep).map((b) => b.name);
  for (const name of removed) rmSync(join(folder, name), { force: true });
  return removed;
}

/** Backups hold the whole store: only this user may list or open them (a folder an older version made 0755 is tightened too). */
export function ensureBackupFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
}

/**
 * An empty file only this user can read, for SQLite to copy the store into: the backup API and
 * VACUUM INTO accept an empty file and keep its mode (their journals take it too), so the copy is
 * never readable by others, not even while it is written.
 */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', 0o600));
}
