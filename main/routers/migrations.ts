import type { Migration } from '../store/migration';

export const routerMigrations: Migration[] = [
  {
    id: 400,
    name: 'routers: routers table',
    up(db) {
      db.exec(`CREATE TABLE routers (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        host TEXT NOT NULL,
        port INTEGER NOT NULL,
        tls INTEGER NOT NULL,
        username TEXT NOT NULL,
        password_sealed TEXT NOT NULL,
        site TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        encoding TEXT NOT NULL DEFAULT 'utf-8',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (tenant_id, name)
      ) STRICT;
      CREATE INDEX routers_by_tenant ON routers (tenant_id);`);
    },
  },
];
