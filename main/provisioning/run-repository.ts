import type { ProvisioningRun, RunState } from './contract';
import type { TemplateSpec } from './template-contract';

export interface NewRun {
  tenantId: number;
  routerId: number;
  routerName: string;
  templateId: number;
  templateName: string;
  spec: TemplateSpec;
  mode: ProvisioningRun['mode'];
  state: RunState;
  /** Runs of one apply-to-many share the first run's id; null for a run on its own. */
  batchOf: 'self' | number | null;
  concurrency: number;
  requestedBy: string | null;
}

export type RunChange = Partial<Pick<ProvisioningRun, 'state' | 'steps' | 'unchanged' | 'blocked' | 'stepsDone' | 'message'>> & { finishedAt?: number | null };

/** Plans and applies of templates on routers (the routers' provisioning history). */
export interface RunRepository {
  insert(run: NewRun, now: number): Promise<ProvisioningRun>;
  get(id: number): Promise<ProvisioningRun | null>;
  /** The template as it was when the run was asked for. */
  spec(id: number): Promise<TemplateSpec | null>;
  update(id: number, change: RunChange): Promise<ProvisioningRun>;
  /** Newest first; `tenantId` null: every tenant. */
  list(filter: { tenantId: number | null; routerId?: number; batchId?: number; limit: number }): Promise<ProvisioningRun[]>;
  /** The batch's runs that may start now: oldest undispatched first, while fewer than its concurrency run. */
  startable(batchId: number): Promise<ProvisioningRun[]>;
  /** The run's job was queued (in the same transaction). */
  dispatch(id: number): Promise<void>;
  /** Runs of the router waiting for it to come back online. */
  waitingOn(routerId: number): Promise<ProvisioningRun[]>;
}
