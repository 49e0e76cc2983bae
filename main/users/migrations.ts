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
  {
    id: 210,
    name: 'users: password hashes and personal data of queued account jobs move out of their payloads',
    up(db) {
      // Older versions put them in the payload of users.create, users.update and tenants.register
      // jobs, where job lists, details and events showed them. Jobs that may still run keep them
      // as their private input (jobs migration 101); finished ones just lose them.
      const rows = db
        .prepare<[], { id: number; name: string; payload: string; status: string }>(
          `SELECT id, name, payload, status FROM jobs WHERE name IN ('users.create', 'users.update', 'tenants.register')`,
        )
        .all();
      const rewrite = db.prepare('UPDATE jobs SET payload = ? WHERE id = ?');
      const keep = db.prepare('INSERT OR REPLACE INTO job_inputs (job_id, value) VALUES (?, ?)');
      for (const row of rows) {
        const moved = splitLegacyPayload(row.name, JSON.parse(row.payload) as Record<string, unknown>);
        if (!moved) continue;
        rewrite.run(JSON.stringify(moved.payload), row.id);
        if (row.status !== 'succeeded') keep.run(row.id, JSON.stringify(moved.privateInput));
      }
    },
  },
];

const PRIVATE = ['name', 'email', 'passwordHash'] as const;

/** Takes the private fields out of a legacy payload; null when it has none (already the new shape). */
function splitLegacyPayload(job: string, payload: Record<string, unknown>): { payload: Record<string, unknown>; privateInput: Record<string, unknown> } | null {
  const holder = (job === 'users.create' ? payload : job === 'users.update' ? payload.changes : payload.admin) as Record<string, unknown> | undefined;
  if (!holder || !PRIVATE.some((key) => key in holder)) return null;
  const privateInput: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(holder)) {
    if ((PRIVATE as readonly string[]).includes(key)) privateInput[key] = value;
    else rest[key] = value;
  }
  if (job === 'users.create') return { payload: rest, privateInput };
  if (job === 'tenants.register') return { payload: { ...payload, admin: rest }, privateInput };
  const staged = Object.keys(privateInput).map((key) => (key === 'passwordHash' ? 'password' : key));
  return { payload: { ...payload, changes: rest, staged }, privateInput };
}
