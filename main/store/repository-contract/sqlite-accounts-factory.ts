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
import type { AccountsFactory } from './accounts-fixture';

/** A fresh SQLite file with every migration applied; the job queue is the real engine's (not started). */
export const sqliteAccounts: AccountsFactory = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'accounts-contract-'));
  const db = openDatabase(join(dir, 'noc.db'));
  migrate(db, allMigrations);
  const bus = new EventBus(silentLogger);
  const engine = new JobEngine({ db, bus, log: silentLogger, dataDir: dir });
  return {
    store: sqliteAccountsStore({ db, bus, secrets: new KeyFileSecretBox(join(dir, 'data.key')), jobs: { enqueue: async (name, payload, options) => engine.enqueue(name, payload, options) } }),
    close: async () => {
      await engine.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
