import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteJobStore } from '../../jobs/sqlite-job-store';
import { SqliteScheduleStore } from '../../jobs/sqlite-schedule-store';
import { openDatabase } from '../database';
import { allMigrations } from '../migrations';
import { migrate } from '../migrator';
import { jobStoreContract } from './job-store-contract';

jobStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'job-store-contract-'));
  const db = openDatabase(join(dir, 'noc.db'));
  migrate(db, allMigrations);
  return {
    store: new SqliteJobStore(db),
    schedules: new SqliteScheduleStore(db),
    close: async () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
