import type { Migration } from '../store/migration';

export const notificationMigrations: Migration[] = [
  {
    id: 700,
    name: 'notifications: per-tenant settings (secrets sealed), the staff centre with per-user read state, the delivery log, router alert episodes and grouping windows',
    up(db) {
      // Users are kept without a foreign key in the read state: a deleted user's marks are harmless.
      db.exec(`CREATE TABLE notification_settings (
        tenant_id INTEGER PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
        settings TEXT NOT NULL,
        secrets_sealed TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        subject_type TEXT,
        subject_id INTEGER,
        subject_label TEXT,
        count INTEGER NOT NULL DEFAULT 1,
        desktop INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        UNIQUE (tenant_id, key)
      ) STRICT;
      CREATE INDEX notifications_by_tenant ON notifications (tenant_id, id);
      CREATE TABLE notification_read_marks (
        user_id INTEGER NOT NULL,
        notification_id INTEGER NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, notification_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE notification_read_upto (
        user_id INTEGER NOT NULL,
        tenant_id INTEGER NOT NULL,
        up_to INTEGER NOT NULL,
        PRIMARY KEY (user_id, tenant_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE notification_deliveries (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp', 'telegram')),
        recipient TEXT NOT NULL,
        recipient_name TEXT,
        audience TEXT NOT NULL CHECK (audience IN ('staff', 'customer', 'test')),
        message TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'held', 'sent', 'retrying', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_attempt_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        sent_at INTEGER,
        UNIQUE (tenant_id, key, channel, recipient)
      ) STRICT;
      CREATE INDEX notification_deliveries_by_tenant ON notification_deliveries (tenant_id, id);
      CREATE INDEX notification_deliveries_open ON notification_deliveries (status) WHERE status IN ('queued', 'retrying', 'held');
      CREATE TABLE notification_router_episodes (
        router_id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        down_since INTEGER NOT NULL,
        notified INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      -- AUTOINCREMENT: a closed window's row is deleted, and its id must not come back for a new
      -- window while a replayed flush job of the old one could still run.
      CREATE TABLE notification_groups (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        flush_at INTEGER NOT NULL,
        open INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE UNIQUE INDEX notification_groups_one_open ON notification_groups (tenant_id, rule) WHERE open = 1;
      CREATE TABLE notification_group_items (
        group_id INTEGER NOT NULL REFERENCES notification_groups (id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        notice TEXT NOT NULL,
        PRIMARY KEY (group_id, key)
      ) STRICT;`);
    },
  },
];
