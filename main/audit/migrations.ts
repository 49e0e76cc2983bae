import type { Migration } from '../store/migration';

export const auditMigrations: Migration[] = [
  {
    id: 203,
    name: 'audit: audit log',
    up(db) {
      // Actor and target labels are copied in, so the log still reads after a user is deleted.
      db.exec(`CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        tenant_id INTEGER,
        actor_user_id INTEGER,
        actor_username TEXT,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id INTEGER,
        target_label TEXT,
        details TEXT
      ) STRICT`);
      db.exec('CREATE INDEX audit_log_tenant ON audit_log (tenant_id, id)');
    },
  },
  {
    id: 250,
    name: 'audit: index by time',
    up(db) {
      // The daily retention sweep deletes by age; a year of entries should not be scanned for it.
      db.exec('CREATE INDEX audit_log_at ON audit_log (at)');
    },
  },
];
