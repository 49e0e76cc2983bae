import type { Migration } from '../store/migration';

export const provisioningTemplateMigrations: Migration[] = [
  {
    id: 900,
    name: 'provisioning: templates per tenant and the runs (plans and applies) of each router',
    up(db) {
      db.exec(`
        CREATE TABLE provisioning_templates (
          id INTEGER PRIMARY KEY,
          tenant_id INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          spec TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          UNIQUE (tenant_id, name_key)
        ) STRICT;
        -- A run keeps its router's and template's names and the template as it was applied:
        -- history stays readable after either is renamed, changed or deleted.
        CREATE TABLE provisioning_runs (
          id INTEGER PRIMARY KEY,
          tenant_id INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
          router_id INTEGER NOT NULL,
          router_name TEXT NOT NULL,
          template_id INTEGER,
          template_name TEXT NOT NULL,
          spec TEXT NOT NULL,
          mode TEXT NOT NULL CHECK (mode IN ('plan', 'apply')),
          state TEXT NOT NULL,
          batch_id INTEGER,
          concurrency INTEGER NOT NULL DEFAULT 1,
          -- Its job was queued: a batch queues at most its concurrency of runs at a time.
          dispatched INTEGER NOT NULL DEFAULT 0,
          steps TEXT NOT NULL DEFAULT '[]',
          unchanged INTEGER NOT NULL DEFAULT 0,
          blocked TEXT,
          steps_done INTEGER NOT NULL DEFAULT 0,
          message TEXT,
          requested_by TEXT,
          created_at INTEGER NOT NULL,
          finished_at INTEGER
        ) STRICT;
        CREATE INDEX provisioning_runs_by_router ON provisioning_runs (router_id, id);
        CREATE INDEX provisioning_runs_by_batch ON provisioning_runs (batch_id, state);
      `);
    },
  },
];
