import type { Migration } from '../store/migration';

/** Jobs domain: migration ids 100–199. Times are epoch milliseconds (cheap to compare and sort). */
export const jobsMigrations: Migration[] = [
  {
    id: 100,
    name: 'jobs: jobs, attempts and schedules',
    up(db) {
      // AUTOINCREMENT: a job id is never reused after a discard or prune (ids appear in logs and the UI).
      db.exec(`CREATE TABLE jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        queue TEXT NOT NULL,
        name TEXT NOT NULL,
        payload TEXT NOT NULL,
        tenant_id INTEGER,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL,
        run_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        started_at INTEGER,
        finished_at INTEGER,
        duration_ms REAL,
        progress REAL,
        progress_message TEXT,
        last_error TEXT,
        result TEXT,
        unique_key TEXT
      ) STRICT`);
      // At most one queued-or-running job per unique key ("poll router 17").
      db.exec(`CREATE UNIQUE INDEX jobs_unique_active ON jobs (unique_key)
        WHERE unique_key IS NOT NULL AND status IN ('queued', 'running')`);
      // Dispatch order within a queue (FIFO by ready time); tenant_id makes per-tenant counts covering.
      db.exec(`CREATE INDEX jobs_ready ON jobs (queue, run_at, id, tenant_id) WHERE status = 'queued'`);
      db.exec(`CREATE INDEX jobs_failed ON jobs (finished_at) WHERE status = 'failed'`);
      // No index for running or succeeded rows: every index is paid per job; the start-up recovery
      // scan and the daily prune may read the table instead.
      db.exec(`CREATE INDEX jobs_tenant ON jobs (tenant_id, id)`);
      // One row per failed or interrupted attempt; the final successful attempt lives on the job row.
      db.exec(`CREATE TABLE job_attempts (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        started_at INTEGER,
        finished_at INTEGER NOT NULL,
        duration_ms REAL,
        error TEXT NOT NULL,
        permanent INTEGER NOT NULL DEFAULT 0
      ) STRICT`);
      db.exec(`CREATE INDEX job_attempts_job ON job_attempts (job_id, attempt)`);
      db.exec(`CREATE TABLE job_schedules (
        key TEXT PRIMARY KEY,
        job_name TEXT NOT NULL,
        payload TEXT NOT NULL,
        tenant_id INTEGER,
        every_seconds INTEGER,
        daily_at TEXT,
        next_run_at INTEGER NOT NULL,
        last_job_id INTEGER,
        last_enqueued_at INTEGER,
        skipped INTEGER NOT NULL DEFAULT 0,
        CHECK ((every_seconds IS NULL) <> (daily_at IS NULL))
      ) STRICT`);
    },
  },
  {
    id: 101,
    name: 'jobs: private inputs kept apart from payloads',
    up(db) {
      // Secrets and personal data a job needs (a password hash, an email) live here, not in its
      // payload, which lists, details and events show. The job takes its row in the transaction
      // that applies it; a discarded or pruned job takes it along.
      db.exec(`CREATE TABLE job_inputs (
        job_id INTEGER PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
        value TEXT NOT NULL
      ) STRICT`);
    },
  },
];
