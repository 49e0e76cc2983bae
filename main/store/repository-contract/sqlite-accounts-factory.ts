import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteAccountsStore } from '../../accounts/sqlite-accounts-store';
import { silentLogger } from '../../core/logger';
import { EventBus } from '../../events/event-bus';
import { JobEngine } from '../../jobs/job-engine';
import { KeyFileSecretBox } from '../../secrets/key-file-box';
import { openDatabase, type Db } from '../database';
import { allMigrations } from '../migrations';
import { migrate } from '../migrator';
import type { AccountsFactory, AccountsFixture } from './accounts-fixture';
import type { RouterStoreFactory } from './router-store-contract';

/**
 * A fresh SQLite file with every migration applied, secrets sealed under this folder's key; the
 * job queue is the real engine's (not started). Also hands out the file itself, for the suites
 * that look at data at rest.
 */
async function openSqliteAccounts(): Promise<AccountsFixture & { db: Db; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'accounts-contract-'));
  const db = openDatabase(join(dir, 'noc.db'));
  migrate(db, allMigrations);
  const bus = new EventBus(silentLogger);
  const engine = new JobEngine({ db, bus, log: silentLogger, dataDir: dir });
  return {
    db,
    dir,
    store: sqliteAccountsStore({ db, bus, secrets: new KeyFileSecretBox(join(dir, 'data.key')), jobs: { enqueue: async (name, payload, options) => engine.enqueue(name, payload, options) } }),
    close: async () => {
      await engine.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const sqliteAccounts: AccountsFactory = openSqliteAccounts;

/** The routers table's password column at rest; a password sealed under another folder's key is one this machine cannot open. */
export const sqliteRouters: RouterStoreFactory = async () => {
  const { db, dir, store, close } = await openSqliteAccounts();
  return {
    store,
    close,
    passwordAtRest: async (id) => db.prepare<[number], { sealed: string }>('SELECT password_sealed AS sealed FROM routers WHERE id = ?').get(id)!.sealed,
    spoilPassword: async (id) => {
      db.prepare('UPDATE routers SET password_sealed = ? WHERE id = ?').run(new KeyFileSecretBox(join(dir, 'elsewhere.key')).seal('pw'), id);
    },
  };
};
