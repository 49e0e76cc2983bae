import type { Migration } from '../store/migration';

/** Tenants (200), users (201), auth (202) and audit (203) share the range 200–299. Times are epoch ms. */
export const tenantMigrations: Migration[] = [
  {
    id: 200,
    name: 'tenants: tenants table',
    up(db) {
      db.exec(`CREATE TABLE tenants (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        -- trimmed, lower-cased, single-spaced: "ACME  Net" and "acme net" are the same tenant
        name_key TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
        created_at INTEGER NOT NULL,
        created_by INTEGER
      ) STRICT`);
    },
  },
];
