import type { Migration } from '../store/migration';

export const planMigrations: Migration[] = [
  {
    id: 500,
    name: 'plans: plans, their routers, and where each plan or subscriber stands on each router',
    up(db) {
      db.exec(`CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('hotspot', 'pppoe')),
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
        currency TEXT NOT NULL,
        validity_seconds INTEGER,
        uptime_limit_seconds INTEGER,
        data_limit_bytes INTEGER,
        rate_limit TEXT,
        shared_users INTEGER,
        address_pool TEXT,
        local_address TEXT,
        expiry TEXT NOT NULL CHECK (expiry IN ('disable', 'remove', 'move')),
        expired_profile TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (tenant_id, kind, name_key)
      ) STRICT;
      CREATE TABLE plan_routers (
        plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        router_id INTEGER NOT NULL REFERENCES routers (id) ON DELETE CASCADE,
        PRIMARY KEY (plan_id, router_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX plan_routers_by_router ON plan_routers (router_id);
      CREATE TABLE provisioning_states (
        tenant_id INTEGER NOT NULL,
        item_kind TEXT NOT NULL CHECK (item_kind IN ('plan', 'subscriber')),
        item_id INTEGER NOT NULL,
        router_id INTEGER NOT NULL REFERENCES routers (id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'applied', 'failed', 'drift', 'removing')),
        message TEXT,
        drift TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (item_kind, item_id, router_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX provisioning_states_by_router ON provisioning_states (router_id, state);`);
    },
  },
  {
    id: 501,
    name: 'plans: auto-renew from the balance at expiry',
    up(db) {
      db.exec(`ALTER TABLE plans ADD COLUMN auto_renew INTEGER NOT NULL DEFAULT 0 CHECK (auto_renew IN (0, 1))`);
    },
  },
];
