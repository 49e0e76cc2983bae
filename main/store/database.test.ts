import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('openDatabase', () => {
  it('keeps the store owner-only: a new folder 0700, the file and its WAL 0600, an older looser file tightened', () => {
    dir = mkdtempSync(join(tmpdir(), 'noc-store-'));
    const fresh = join(dir, 'data', 'noc.db');
    const db = openDatabase(fresh);
    db.exec('CREATE TABLE t (x)');
    db.exec('INSERT INTO t VALUES (1)');
    const loose = join(dir, 'old.db');
    writeFileSync(loose, '', { mode: 0o644 });
    openDatabase(loose).close();
    if (process.platform !== 'win32') {
      expect(modeOf(join(dir, 'data'))).toBe(0o700);
      expect(modeOf(fresh)).toBe(0o600);
      expect(modeOf(`${fresh}-wal`)).toBe(0o600);
      expect(modeOf(loose)).toBe(0o600);
    }
    expect(db.prepare('SELECT x FROM t').get()).toEqual({ x: 1 });
    db.close();
  });
});
