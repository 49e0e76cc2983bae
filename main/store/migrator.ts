import type { Db } from './database';
import type { Migration } from './migration';

export class MigrationError extends Error {
  constructor(
    readonly migration: Pick<Migration, 'id' | 'name'>,
    override readonly cause: unknown,
  ) {
    super(
      `migration ${migration.id} "${migration.name}" failed: ${cause instanceof Error ? cause.message : String(cause)}; ` +
        'the database was left at the schema before it',
    );
    this.name = 'MigrationError';
  }
}

/**
 * Applies, in id order, every migration not yet recorded, each in its own transaction with its
 * bookkeeping row, so a failure leaves the schema of the last good migration. Returns the schema
 * version (the highest applied id, 0 for none).
 */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  const ordered = [...migrations].sort((a, b) => a.id - b.id);
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i]!.id === ordered[i - 1]!.id) {
      throw new Error(`two migrations share id ${ordered[i]!.id}: "${ordered[i - 1]!.name}" and "${ordered[i]!.name}"`);
    }
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = new Set(
    db.prepare<[], { id: number }>('SELECT id FROM schema_migrations').all().map((row) => row.id),
  );
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of ordered) {
    if (applied.has(migration.id)) continue;
    try {
      db.transaction(() => {
        migration.up(db);
        record.run(migration.id, migration.name, new Date().toISOString());
      })();
    } catch (cause) {
      throw new MigrationError(migration, cause);
    }
  }
  return schemaVersion(db);
}

export function schemaVersion(db: Db): number {
  const row = db.prepare<[], { v: number | null }>('SELECT max(id) AS v FROM schema_migrations').get();
  return row?.v ?? 0;
}
