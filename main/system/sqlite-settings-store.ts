import type { Db } from '../store/database';
import { readSetting, writeSetting } from './settings-table';
import type { SettingsStore } from './settings-store';

/** Settings on the console's SQLite file (the settings table). */
export function sqliteSettingsStore(db: Db): SettingsStore {
  return {
    read: async (key, schema) => readSetting(db, key, schema),
    write: async (key, schema, value, now) => writeSetting(db, key, schema, value, now),
  };
}
