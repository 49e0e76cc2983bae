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
  {
    id: 230,
    name: 'auth: two-factor sign-in (TOTP), recovery codes, tenant sign-in policy',
    up(db) {
      // The TOTP secret is sealed with the host's SecretBox; enabled_at stays null until the user
      // confirms a code; last_step is the highest time step accepted, so a code works only once.
      db.exec(`CREATE TABLE two_factor (
        user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        secret_sealed TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        enabled_at INTEGER,
        last_step INTEGER NOT NULL DEFAULT 0
      ) STRICT`);
      // Only a hash of each recovery code (80 random bits, so a fast hash suffices).
      db.exec(`CREATE TABLE two_factor_recovery_codes (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        code_hash TEXT NOT NULL,
        used_at INTEGER
      ) STRICT`);
      db.exec('CREATE INDEX two_factor_recovery_codes_user ON two_factor_recovery_codes (user_id, code_hash)');
      db.exec(`CREATE TABLE tenant_sign_in_policy (
        tenant_id INTEGER PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
        require_two_factor_admins INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL
      ) STRICT`);
      // A failed code counts toward the lockout as a 'bad_credentials' attempt; this says which factor failed.
      db.exec("ALTER TABLE auth_attempts ADD COLUMN factor TEXT CHECK (factor IN ('totp', 'recovery'))");
    },
  },
];
