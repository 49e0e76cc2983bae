import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allMigrations } from '../store/migrations';
import { backupFileName, backupFolder, createPrivateFile, ensureBackupFolder } from './backup-folder';
import { syncFile, syncFolder } from './file-sync';

export class RestoreError extends Error {
  override name = 'RestoreError';
}

/** The newest schema this build knows: a store made by a newer build may hold what this one would misread. */
export const BUILD_SCHEMA_VERSION = Math.max(...allMigrations.map((m) => m.id));

/**
 * Checks that a file can replace the store: an SQLite file, a console store, of a schema this
 * build knows (older is fine: migrations bring it up to date when it opens), and whole
 * (`PRAGMA integrity_check`). Only reads. Returns the file's schema version.
 */
export function verifyBackup(file: string, buildVersion = BUILD_SCHEMA_VERSION): number {
  if (!existsSync(file)) throw new RestoreError(`there is no file ${file}: give the path of a backup (the Backups section of Settings lists them)`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new RestoreError(`${file} cannot be opened as a database (${(error as Error).message}): pick another backup`);
  }
  try {
    let version: number;
    try {
      const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
      if (!table) throw new RestoreError(`${file} is an SQLite file but not a NOC Console store (it has no schema_migrations table): pick a backup the console made`);
      version = db.prepare<[], { v: number | null }>('SELECT max(id) AS v FROM schema_migrations').get()?.v ?? 0;
    } catch (error) {
      if (error instanceof RestoreError) throw error;
      throw new RestoreError(`${file} is not a NOC Console backup (SQLite says: ${(error as Error).message}): pick another backup`);
    }
    if (version > buildVersion) {
      throw new RestoreError(
        `${file} was made by a newer NOC Console (schema ${version}; this build knows up to ${buildVersion}): restore it with that version or a newer one`,
      );
    }
    let problems: string[];
    try {
      problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
    } catch (error) {
      problems = [(error as Error).message];
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new RestoreError(`${file} is damaged (integrity_check: ${problems.slice(0, 3).join('; ')}): pick another backup`);
    }
    return version;
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  restoredFrom: string;
  schemaVersion: number;
  /** Where the store it replaced was kept (null when the folder had none): the way back. */
  previousKeptAs: string | null;
}

/**
 * Swaps a verified backup in as the store of `dataDir`. Runs before the store opens (see
 * README, Backups: the console holds the file open while it runs, so it is swapped at start-up).
 * A failed check leaves the store untouched. The store it replaces is kept in the backups
 * folder first, and the swap is one atomic rename of a synced copy.
 */
export function restoreStore(dataDir: string, file: string, now = Date.now()): RestoreResult {
  const source = resolve(file);
  const schemaVersion = verifyBackup(source);
  const target = join(dataDir, 'noc.db');
  if (resolve(target) === source) throw new RestoreError(`${file} is the store itself: give the path of a backup`);
  ensureBackupFolder(backupFolder(dataDir));
  const incoming = join(dataDir, 'noc.db.restoring');
  rmSync(incoming, { force: true });
  let previousKeptAs: string | null = null;
  // Held until the old store is kept: no other console can open the store meanwhile.
  const current = existsSync(target) ? lockStore(target) : null;
  try {
    copyDatabase(source, incoming);
    if (current) {
      previousKeptAs = join(backupFolder(dataDir), backupFileName(now, 'before-restore'));
      vacuumInto(current, previousKeptAs);
    }
  } catch (error) {
    current?.close();
    rmSync(incoming, { force: true });
    throw error;
  }
  // Closing the last connection checkpoints and removes the old WAL; leftovers must not meet the new file.
  current?.close();
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  renameSync(incoming, target);
  syncFolder(dataDir);
  return { restoredFrom: source, schemaVersion, previousKeptAs };
}

/** What a restore did, for the person at the terminal. */
export function describeRestore({ restoredFrom, schemaVersion, previousKeptAs }: RestoreResult): string {
  return `Restored the store from ${restoredFrom} (schema ${schemaVersion})${previousKeptAs ? `; the store it replaced is kept as ${previousKeptAs}` : ''}\n`;
}

/** Opens the store exclusively: refuses while a console (or anything) has it open. */
function lockStore(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new RestoreError(`the store ${file} is in use: stop the console that runs on this data folder, then restore`);
    }
    throw error;
  }
}

/** A consistent one-file copy (the source's WAL included), synced before it is used. */
function copyDatabase(source: string, destination: string): void {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    vacuumInto(db, destination);
  } finally {
    db.close();
  }
  syncFile(destination);
}

/** A one-file copy into a new file only this user can read (see createPrivateFile); nothing is left behind if it fails. */
function vacuumInto(db: Database.Database, destination: string): void {
  createPrivateFile(destination);
  try {
    db.prepare('VACUUM INTO ?').run(destination);
  } catch (error) {
    rmSync(destination, { force: true });
    throw error;
  }
}
