import type { Migration } from '../store/migration';

export const systemMigrations: Migration[] = [
  {
    id: 1,
    name: 'system: settings table',
    up(db) {
      db.exec(`CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`);
    },
  },
];
