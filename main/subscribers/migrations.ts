import type { Migration } from '../store/migration';

export const subscriberMigrations: Migration[] = [
  {
    id: 510,
    name: 'subscribers: subscribers, their routers and history; login names unique per tenant',
    up(db) {
      // One namespace of login names per tenant (subscribers' usernames and voucher codes), so a
      // voucher can never collide with a subscriber on a router. Voucher codes are never freed.
      db.exec(`CREATE TABLE login_names (
        tenant_id INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        name_key TEXT NOT NULL,
        owner TEXT NOT NULL CHECK (owner IN ('subscriber', 'voucher')),
        PRIMARY KEY (tenant_id, name_key)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE subscribers (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('hotspot', 'pppoe')),
        name TEXT NOT NULL,
        phone TEXT,
        email TEXT,
        username TEXT NOT NULL,
        username_key TEXT NOT NULL,
        password_sealed TEXT NOT NULL,
        plan_id INTEGER NOT NULL REFERENCES plans (id),
        status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'expired', 'disabled')),
        valid_until INTEGER,
        mac_lock TEXT,
        last_seen_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (tenant_id, username_key)
      ) STRICT;
      CREATE INDEX subscribers_by_plan ON subscribers (plan_id);
      CREATE TABLE subscriber_routers (
        subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
        router_id INTEGER NOT NULL REFERENCES routers (id) ON DELETE CASCADE,
        PRIMARY KEY (subscriber_id, router_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX subscriber_routers_by_router ON subscriber_routers (router_id);
      CREATE TABLE subscriber_history (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL,
        subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        router_id INTEGER
      ) STRICT;
      CREATE INDEX subscriber_history_by_subscriber ON subscriber_history (subscriber_id, id);`);
    },
  },
  {
    id: 511,
    name: 'subscribers: the access change under way on the routers (reconnect | expire), the reminders sent, due-time index',
    up(db) {
      // access_change: set with the status change that needs the routers brought in line, cleared
      // when every router is; reminded_offset: the smallest reminder offset (seconds before
      // valid_until) already sent for the current valid_until, reset when it moves.
      db.exec(`ALTER TABLE subscribers ADD COLUMN access_change TEXT CHECK (access_change IN ('reconnect', 'expire'));
      ALTER TABLE subscribers ADD COLUMN reminded_offset INTEGER;
      CREATE INDEX subscribers_due ON subscribers (status, valid_until);
      CREATE INDEX subscribers_access_change ON subscribers (access_change) WHERE access_change IS NOT NULL;`);
    },
  },
];
