import type { Migration } from '../store/migration';

/** Event webhooks own ids 710–719. */
export const webhookMigrations: Migration[] = [
  {
    id: 710,
    name: 'webhooks: tenants’ event webhook subscriptions (secret sealed) and their delivery log',
    up(db) {
      // `events` is a JSON array of event names: a tenant has a handful of subscriptions, read whole.
      db.exec(`CREATE TABLE webhook_subscriptions (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        description TEXT NOT NULL,
        events TEXT NOT NULL,
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        pause_after INTEGER NOT NULL CHECK (pause_after BETWEEN 1 AND 100),
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        paused_at INTEGER,
        last_error TEXT,
        last_success_at INTEGER,
        last_failure_at INTEGER,
        secret_sealed TEXT NOT NULL,
        rotated_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX webhook_subscriptions_by_tenant ON webhook_subscriptions (tenant_id, id);
      CREATE TABLE webhook_deliveries (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL,
        subscription_id INTEGER NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
        event TEXT NOT NULL,
        event_id TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'retrying', 'sent', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL,
        response_status INTEGER,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        last_attempt_at INTEGER,
        next_attempt_at INTEGER,
        sent_at INTEGER,
        UNIQUE (subscription_id, event_id)
      ) STRICT;
      CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, id);
      CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (subscription_id, status) WHERE status IN ('queued', 'retrying');`);
    },
  },
];
