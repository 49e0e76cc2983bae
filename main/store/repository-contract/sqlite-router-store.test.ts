import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteAccountsStore } from '../../accounts/sqlite-accounts-store';
import { silentLogger } from '../../core/logger';
import { EventBus } from '../../events/event-bus';
import { JobEngine } from '../../jobs/job-engine';
import { KeyFileSecretBox } from '../../secrets/key-file-box';
import { openDatabase } from '../database';
import { allMigrations } from '../migrations';
import { migrate } from '../migrator';
import { routerStoreContract, type RouterStoreFactory } from './router-store-contract';

/**
 * A fresh SQLite file with every migration applied, its routers' passwords sealed under this
 * folder's key; a password sealed under another folder's key is one this machine cannot open.
 */
const sqlite: RouterStoreFactory = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'router-contract-'));
  const db = openDatabase(join(dir, 'noc.db'));
  migrate(db, allMigrations);
  const bus = new EventBus(silentLogger);
  const engine = new JobEngine({ db, bus, log: silentLogger, dataDir: dir });
  return {
    store: sqliteAccountsStore({ db, bus, secrets: new KeyFileSecretBox(join(dir, 'data.key')), jobs: { enqueue: async (name, payload, options) => engine.enqueue(name, payload, options) } }),
    passwordAtRest: async (id) => db.prepare<[number], { sealed: string }>('SELECT password_sealed AS sealed FROM routers WHERE id = ?').get(id)!.sealed,
    spoilPassword: async (id) => {
      db.prepare('UPDATE routers SET password_sealed = ? WHERE id = ?').run(new KeyFileSecretBox(join(dir, 'elsewhere.key')).seal('pw'), id);
    },
    close: async () => {
      await engine.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

routerStoreContract('SQLite', sqlite);
