import type { Migration } from '../store/migration';

export const userMigrations: Migration[] = [
  {
    id: 201,
    name: 'users: users table',
    up(db) {
      // Usernames and emails are unique across the install: sign-in asks for a username only.
      db.exec(`CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER REFERENCES tenants (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        username TEXT NOT NULL,
        username_key TEXT NOT NULL UNIQUE,
        email TEXT NOT NULL,
        email_key TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('system_admin', 'tenant_admin', 'operator', 'viewer')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        password_changed_at INTEGER NOT NULL,
        last_sign_in_at INTEGER,
        CHECK ((role = 'system_admin') = (tenant_id IS NULL))
      ) STRICT`);
      db.exec('CREATE INDEX users_tenant ON users (tenant_id, id)');
    },
  },
];
