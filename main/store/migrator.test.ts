import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database';
import type { Migration } from './migration';
import { MigrationError, migrate, schemaVersion } from './migrator';

const tableNames = (db: Db) =>
  db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name);

describe('store and migrations', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'noc-store-'));
    db = openDatabase(join(dir, 'noc.db'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const first: Migration = { id: 1, name: 'a', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') };
  const second: Migration = { id: 2, name: 'b', up: (d) => d.exec('CREATE TABLE b (y INTEGER) STRICT') };

  it('opens with WAL, foreign keys, a busy timeout and commits that survive power loss', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // 2 = FULL: every commit syncs the WAL (money lives in this store).
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const normal = openDatabase(join(dir, 'bench.db'), { synchronous: 'NORMAL' });
    expect(normal.pragma('synchronous', { simple: true })).toBe(1);
    normal.close();
  });

  it('applies each migration once, in id order, whatever the list order', () => {
    expect(migrate(db, [second, first])).toBe(2);
    expect(migrate(db, [first, second])).toBe(2);
    expect(tableNames(db)).toEqual(['a', 'b', 'schema_migrations']);
    const rows = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all();
    expect(rows).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }]);
  });

  it('leaves the previous schema intact when a migration fails, and names it', () => {
    migrate(db, [first]);
    const broken: Migration = {
      id: 3,
      name: 'half done',
      up: (d) => {
        d.exec('CREATE TABLE c (z INTEGER) STRICT');
        d.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    const attempt = () => migrate(db, [first, second, broken]);
    expect(attempt).toThrow(MigrationError);
    expect(attempt).toThrow(/migration 3 "half done" failed: no such table: no_such_table/);
    expect(tableNames(db)).toEqual(['a', 'b', 'schema_migrations']);
    expect(schemaVersion(db)).toBe(2);
  });

  it('refuses two migrations with the same id', () => {
    expect(() => migrate(db, [first, { ...second, id: 1 }])).toThrow(/two migrations share id 1/);
    expect(tableNames(db)).toEqual([]);
  });
});
