import type { Migration } from '../store/migration';

export const subscriptionMigrations: Migration[] = [
  {
    id: 620,
    name: 'subscriptions: per-tenant reminders before expiry',
    up(db) {
      db.exec(`CREATE TABLE subscription_settings (
        tenant_id INTEGER PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
        reminder_offsets TEXT NOT NULL
      ) STRICT`);
    },
  },
];
