import type { Db } from '../store/database';
import { preparedStatements } from '../store/prepared-statements';
import type { ProvisioningRun, ProvisioningStep, RunState } from './contract';
import type { NewRun, RunChange, RunRepository } from './run-repository';
import { templateSchema, type TemplateSpec } from './template-contract';

interface Row {
  id: number;
  tenant_id: number;
  router_id: number;
  router_name: string;
  template_id: number | null;
  template_name: string;
  mode: ProvisioningRun['mode'];
  state: RunState;
  batch_id: number | null;
  concurrency: number;
  steps: string;
  unchanged: number;
  blocked: string | null;
  steps_done: number;
  message: string | null;
  requested_by: string | null;
  created_at: number;
  finished_at: number | null;
}

const COLUMNS = 'id, tenant_id, router_id, router_name, template_id, template_name, mode, state, batch_id, concurrency, steps, unchanged, blocked, steps_done, message, requested_by, created_at, finished_at';

const toRun = (r: Row): ProvisioningRun => ({
  id: r.id,
  tenantId: r.tenant_id,
  routerId: r.router_id,
  routerName: r.router_name,
  templateId: r.template_id,
  templateName: r.template_name,
  mode: r.mode,
  state: r.state,
  batchId: r.batch_id,
  steps: JSON.parse(r.steps) as ProvisioningStep[],
  unchanged: r.unchanged,
  blocked: r.blocked,
  stepsDone: r.steps_done,
  message: r.message,
  requestedBy: r.requested_by,
  createdAt: new Date(r.created_at).toISOString(),
  finishedAt: r.finished_at === null ? null : new Date(r.finished_at).toISOString(),
});

const COLUMN_OF: Record<keyof RunChange, string> = { state: 'state', steps: 'steps', unchanged: 'unchanged', blocked: 'blocked', stepsDone: 'steps_done', message: 'message', finishedAt: 'finished_at' };

export class SqliteRunRepository implements RunRepository {
  private readonly sql: ReturnType<typeof preparedStatements>;

  constructor(db: Db) {
    this.sql = preparedStatements(db);
  }

  async insert(run: NewRun, now: number): Promise<ProvisioningRun> {
    const { lastInsertRowid } = this.sql(
      `INSERT INTO provisioning_runs (tenant_id, router_id, router_name, template_id, template_name, spec, mode, state, batch_id, concurrency, requested_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(run.tenantId, run.routerId, run.routerName, run.templateId, run.templateName, JSON.stringify(run.spec), run.mode, run.state, typeof run.batchOf === 'number' ? run.batchOf : null, run.concurrency, run.requestedBy, now);
    const id = Number(lastInsertRowid);
    if (run.batchOf === 'self') this.sql('UPDATE provisioning_runs SET batch_id = id WHERE id = ?').run(id);
    return (await this.get(id))!;
  }

  async get(id: number): Promise<ProvisioningRun | null> {
    const row = this.sql<[number], Row>(`SELECT ${COLUMNS} FROM provisioning_runs WHERE id = ?`).get(id);
    return row ? toRun(row) : null;
  }

  async spec(id: number): Promise<TemplateSpec | null> {
    const row = this.sql<[number], { spec: string }>('SELECT spec FROM provisioning_runs WHERE id = ?').get(id);
    return row ? templateSchema.parse(JSON.parse(row.spec)) : null;
  }

  async update(id: number, change: RunChange): Promise<ProvisioningRun> {
    const entries = Object.entries(change).filter(([, v]) => v !== undefined) as Array<[keyof RunChange, unknown]>;
    if (entries.length > 0) {
      const set = entries.map(([k]) => `${COLUMN_OF[k]} = ?`).join(', ');
      const values = entries.map(([k, v]) => (k === 'steps' ? JSON.stringify(v) : v));
      this.sql(`UPDATE provisioning_runs SET ${set} WHERE id = ?`).run(...values, id);
    }
    return (await this.get(id))!;
  }

  async list(filter: { tenantId: number | null; routerId?: number; batchId?: number; limit: number }): Promise<ProvisioningRun[]> {
    const rows = this.sql<[{ tenant: number | null; router: number | null; batch: number | null; limit: number }], Row>(
      `SELECT ${COLUMNS} FROM provisioning_runs
       WHERE (@tenant IS NULL OR tenant_id = @tenant) AND (@router IS NULL OR router_id = @router) AND (@batch IS NULL OR batch_id = @batch)
       ORDER BY id DESC LIMIT @limit`,
    ).all({ tenant: filter.tenantId, router: filter.routerId ?? null, batch: filter.batchId ?? null, limit: filter.limit });
    return rows.map(toRun);
  }

  async startable(batchId: number): Promise<ProvisioningRun[]> {
    const rows = this.sql<[number], Row & { dispatched: number }>(`SELECT ${COLUMNS}, dispatched FROM provisioning_runs WHERE batch_id = ? ORDER BY id`).all(batchId);
    const busy = rows.filter((r) => r.dispatched === 1 && (r.state === 'queued' || r.state === 'running')).length;
    const free = Math.max(0, (rows[0]?.concurrency ?? 1) - busy);
    return rows.filter((r) => r.dispatched === 0 && r.state === 'queued').slice(0, free).map(toRun);
  }

  async dispatch(id: number): Promise<void> {
    this.sql('UPDATE provisioning_runs SET dispatched = 1 WHERE id = ?').run(id);
  }

  async waitingOn(routerId: number): Promise<ProvisioningRun[]> {
    return this.sql<[number], Row>(`SELECT ${COLUMNS} FROM provisioning_runs WHERE router_id = ? AND state = 'waiting' ORDER BY id`).all(routerId).map(toRun);
  }
}
