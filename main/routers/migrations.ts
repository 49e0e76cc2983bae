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
  {
    id: 401,
    name: 'routers: TLS mode (off, verify-ca, pin, anonymous), CA and pinned certificate',
    up(db) {
      // tls = 1 was api-ssl with anonymous DH, the only TLS there was.
      db.exec(`ALTER TABLE routers ADD COLUMN tls_mode TEXT NOT NULL DEFAULT 'off' CHECK (tls_mode IN ('off', 'verify-ca', 'pin', 'anonymous'));
        ALTER TABLE routers ADD COLUMN tls_ca TEXT NOT NULL DEFAULT '';
        ALTER TABLE routers ADD COLUMN tls_pinned_cert TEXT;
        ALTER TABLE routers ADD COLUMN tls_fingerprint TEXT;
        ALTER TABLE routers ADD COLUMN tls_offered_cert TEXT;
        ALTER TABLE routers ADD COLUMN tls_offered_fingerprint TEXT;
        UPDATE routers SET tls_mode = CASE tls WHEN 1 THEN 'anonymous' ELSE 'off' END;
        ALTER TABLE routers DROP COLUMN tls;`);
    },
  },
];
