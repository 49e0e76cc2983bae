import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, closeSync, statSync, writeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import { seedUser } from '../auth/test-accounts';
import { backupFolder } from './backup-folder';
import { createBackup } from './create-backup';
import { BUILD_SCHEMA_VERSION, RestoreError, restoreStore, verifyBackup } from './restore';

describe('restore', () => {
  let dir: string;
  let dataDir: string;
  let backup: string;
  let core: TestCore | null = null;

  /** A store with users alice (in the backup) and bob (added after it), closed. */
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'noc-restore-'));
    dataDir = join(dir, 'data');
    const first = await startTestCore({ dataDir });
    await seedUser(first.services, { username: 'alice', role: 'system_admin', tenantId: null });
    const { file } = await createBackup(first.services.storeBackup, backupFolder(dataDir), { kind: 'manual', now: Date.now(), keep: 7 });
    backup = join(backupFolder(dataDir), file.name);
    await seedUser(first.services, { username: 'bob', role: 'system_admin', tenantId: null });
    await first.close();
  });
  afterEach(async () => {
    await core?.close();
    core = null;
    rmSync(dir, { recursive: true, force: true });
  });

  const usernames = (c: TestCore) => c.db.prepare<[], { username: string }>('SELECT username FROM users ORDER BY username').all().map((u) => u.username);
  const storeBytes = () => readFileSync(join(dataDir, 'noc.db'));

  it('swaps a good backup in before the store opens and keeps the store it replaced', async () => {
    const result = restoreStore(dataDir, backup);
    expect(result).toMatchObject({ schemaVersion: BUILD_SCHEMA_VERSION, previousKeptAs: expect.stringContaining('-before-restore.db') });
    core = await startTestCore({ dataDir });
    expect(usernames(core)).toEqual(['alice']);
    // The way back: the replaced store, with bob, sits in the backups folder.
    const previous = new Database(result.previousKeptAs!, { readonly: true });
    expect(previous.prepare('SELECT username FROM users ORDER BY username').all()).toEqual([{ username: 'alice' }, { username: 'bob' }]);
    previous.close();
    expect(existsSync(join(dataDir, 'noc.db.restoring'))).toBe(false);
    // Both copies hold the whole store: only this user may read them (POSIX modes; Windows has ACLs instead).
    if (process.platform !== 'win32') {
      expect(statSync(result.previousKeptAs!).mode & 0o777).toBe(0o600);
      expect(statSync(join(dataDir, 'noc.db')).mode & 0o777).toBe(0o600);
    }
  });

  it('refuses a damaged file with a clear message and leaves the store as it was', () => {
    const damaged = join(dir, 'damaged.db');
    copyFileSync(backup, damaged);
    const fd = openSync(damaged, 'r+');
    // Garbage over the pages after the header page: the tables' b-trees.
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 4096);
    closeSync(fd);
    const before = storeBytes();
    expect(() => restoreStore(dataDir, damaged)).toThrow(RestoreError);
    expect(() => restoreStore(dataDir, damaged)).toThrow(/damaged\.db (is damaged \(integrity_check|is not a NOC Console backup).*pick another backup/);
    expect(storeBytes().equals(before)).toBe(true);
  });

  it('refuses a file that is not a console store at all', () => {
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'this is not a database, just some notes '.repeat(200));
    expect(() => verifyBackup(text)).toThrow(/notes\.db (cannot be opened as a database|is not a NOC Console backup).*pick another backup/);
    const other = join(dir, 'other.db');
    new Database(other).exec('CREATE TABLE t (x)').close();
    expect(() => verifyBackup(other)).toThrow(/not a NOC Console store \(it has no schema_migrations table\)/);
    expect(() => verifyBackup(join(dir, 'missing.db'))).toThrow(/there is no file .*missing\.db/);
  });

  it('refuses a backup made by a newer build, naming both schema versions', () => {
    const newer = join(dir, 'newer.db');
    copyFileSync(backup, newer);
    const db = new Database(newer);
    db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(BUILD_SCHEMA_VERSION + 1, 'from the future', new Date().toISOString());
    db.close();
    const before = storeBytes();
    expect(() => restoreStore(dataDir, newer)).toThrow(
      `${newer} was made by a newer NOC Console (schema ${BUILD_SCHEMA_VERSION + 1}; this build knows up to ${BUILD_SCHEMA_VERSION}): restore it with that version or a newer one`,
    );
    expect(storeBytes().equals(before)).toBe(true);
  });

  it('refuses while a console has the store open', async () => {
    core = await startTestCore({ dataDir });
    expect(() => restoreStore(dataDir, backup)).toThrow(/is in use: stop the console that runs on this data folder, then restore/);
    expect(usernames(core)).toEqual(['alice', 'bob']);
  });
});
