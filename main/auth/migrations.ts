import type { Migration } from '../store/migration';

export const authMigrations: Migration[] = [
  {
    id: 202,
    name: 'auth: sessions, sign-in attempts and lockouts',
    up(db) {
      // Only a hash of the token is kept: a copy of the database does not sign anyone in.
      db.exec(`CREATE TABLE auth_sessions (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        ended_at INTEGER,
        end_reason TEXT
      ) STRICT`);
      db.exec('CREATE INDEX auth_sessions_user ON auth_sessions (user_id) WHERE ended_at IS NULL');
      // Attempts are keyed by the username as typed (normalized), existing or not, so a lockout
      // looks the same for an unknown name and never tells which usernames exist.
      db.exec(`CREATE TABLE auth_attempts (
        id INTEGER PRIMARY KEY,
        username_key TEXT NOT NULL,
        username TEXT NOT NULL,
        user_id INTEGER,
        tenant_id INTEGER,
        outcome TEXT NOT NULL CHECK (outcome IN ('success', 'bad_credentials', 'locked', 'disabled')),
        at INTEGER NOT NULL,
        -- failures counted towards the lockout with this one; locked_until set when it caused a lock
        failures INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        tracked_at INTEGER
      ) STRICT`);
      db.exec('CREATE INDEX auth_attempts_key ON auth_attempts (username_key, at)');
      db.exec(`CREATE TABLE auth_lockouts (
        username_key TEXT PRIMARY KEY,
        locked_at INTEGER NOT NULL,
        locked_until INTEGER NOT NULL
      ) STRICT`);
    },
  },
];
