import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database';
import { SqliteUnitOfWork, UnitOfWorkEscapedError } from './sqlite-unit-of-work';
import type { TransactionHooks } from './unit-of-work';

/** A one-table repository, the way domain repositories answer: resolved Promises. */
const notes = (db: Db, hooks: TransactionHooks) => ({
  add: async (text: string) => {
    db.prepare('INSERT INTO notes (text) VALUES (?)').run(text);
  },
  all: async () => db.prepare<[], { text: string }>('SELECT text FROM notes ORDER BY id').all().map((r) => r.text),
  hooks,
});

describe('SqliteUnitOfWork', () => {
  let dir: string;
  let db: Db;
  let uow: SqliteUnitOfWork<ReturnType<typeof notes>>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'uow-'));
    db = openDatabase(join(dir, 'noc.db'));
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    uow = new SqliteUnitOfWork(db, notes);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits all writes together and runs after-commit hooks once committed', async () => {
    const heard: string[] = [];
    await uow.run(async (tx) => {
      await tx.add('a');
      await tx.add('b');
      tx.hooks.afterCommit(() => heard.push('committed'));
      expect(heard).toEqual([]);
    });
    expect(heard).toEqual(['committed']);
    expect(await uow.read((tx) => tx.all())).toEqual(['a', 'b']);
  });

  it('rolls every write back when the work throws, and runs no hook', async () => {
    const heard: string[] = [];
    await expect(
      uow.run(async (tx) => {
        await tx.add('a');
        tx.hooks.afterCommit(() => heard.push('committed'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(heard).toEqual([]);
    expect(await uow.read((tx) => tx.all())).toEqual([]);
  });

  it('runs units of work started together one after another', async () => {
    await Promise.all(['a', 'b', 'c'].map((t) => uow.run((tx) => tx.add(t))));
    expect(await uow.read((tx) => tx.all())).toEqual(['a', 'b', 'c']);
  });

  it('queues units of work of different stores on one connection behind each other', async () => {
    // A second store over the same file (as the account and business stores are): its BEGIN must
    // wait for the first store's transaction, which is still awaiting its repositories.
    const other = new SqliteUnitOfWork(db, notes);
    const order: string[] = [];
    const slow = uow.run(async (tx) => {
      order.push('first begins');
      for (const t of ['a', 'b', 'c']) await tx.add(t);
      order.push('first ends');
    });
    const fast = other.run(async (tx) => {
      order.push('second begins');
      await tx.add('d');
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['first begins', 'first ends', 'second begins']);
    expect(await uow.read((tx) => tx.all())).toEqual(['a', 'b', 'c', 'd']);
  });

  it('rolls back work that awaited something other than its repositories', async () => {
    await expect(
      uow.run(async (tx) => {
        await tx.add('a');
        await new Promise((resolve) => setTimeout(resolve, 0));
      }),
    ).rejects.toBeInstanceOf(UnitOfWorkEscapedError);
    expect(db.inTransaction).toBe(false);
    expect(await uow.read((tx) => tx.all())).toEqual([]);
    // The next unit of work is not disturbed.
    await uow.run((tx) => tx.add('b'));
    expect(await uow.read((tx) => tx.all())).toEqual(['b']);
  });
});
