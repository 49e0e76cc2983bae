import type { Result } from '../../../../main/contract/errors';
import type { ProvisioningRun, ProvisioningTemplate } from '../../../../main/provisioning/contract';
import type { TemplateSpec } from '../../../../main/provisioning/template-contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { toast } from '../../components/toast-store';
import { provisioningActions, resetProvisioningStore, RUNS_SHOWN, useProvisioningStore } from './provisioning-store';

interface Snapshot {
  templates: ProvisioningTemplate[];
  runs: ProvisioningRun[];
}

/** Both reads of the view as one snapshot: the store shows nothing until it has both. */
async function fetchSnapshot(tenantId: number, asAdmin: boolean): Promise<Result<Snapshot>> {
  const [templates, runs] = await Promise.all([api.invoke('provisioning.templates', asAdmin ? { tenantId } : {}), api.invoke('provisioning.runs', { limit: RUNS_SHOWN })]);
  if (!templates.ok) return templates;
  if (!runs.ok) return runs;
  return { ok: true, data: { templates: templates.data.templates, runs: runs.data.runs } };
}

/**
 * Provisioning: `provisioning.templates` + `provisioning.runs` once, then the template and run
 * events of `tenant.{id}.provisioning` (a gap or reconnect refetches both).
 */
export function attachProvisioning(tenantId: number, asAdmin: boolean): () => void {
  resetProvisioningStore(tenantId);
  return attachLiveChannel<Snapshot>({
    channel: `tenant.${tenantId}.provisioning`,
    fetchSnapshot: () => fetchSnapshot(tenantId, asAdmin),
    onSnapshot: (data) => provisioningActions.snapshot(data.templates, data.runs),
    onEvent: provisioningActions.event,
    onError: provisioningActions.failed,
  });
}

const templateName = (id: number) => useProvisioningStore.getState().templates.get(id)?.name ?? `template ${id}`;

/** The answer to this person's action; events from others change the screen silently. */
function answer<T>(result: Result<T>, done: string | null, attempt: string): Result<T> {
  if (result.ok && done) toast('ok', done);
  else if (!result.ok) toast('bad', `could not ${attempt}: ${result.error.message}`);
  return result;
}

/** The saved template goes into the store at once; its event repeats it harmlessly. */
export async function createTemplate(template: TemplateSpec, tenantId: number | null): Promise<Result<ProvisioningTemplate>> {
  const result = await api.invoke('provisioning.createTemplate', tenantId === null ? { template } : { template, tenantId });
  if (result.ok) provisioningActions.upsertTemplate(result.data);
  return answer(result, `template ${template.name} created`, `create template ${template.name}`);
}

export async function updateTemplate(id: number, template: TemplateSpec): Promise<Result<ProvisioningTemplate>> {
  const result = await api.invoke('provisioning.updateTemplate', { id, template });
  if (result.ok) provisioningActions.upsertTemplate(result.data);
  return answer(result, `template ${template.name} saved`, `save template ${templateName(id)}`);
}

export async function deleteTemplate(id: number): Promise<Result<{ id: number }>> {
  const name = templateName(id);
  const result = await api.invoke('provisioning.deleteTemplate', { id });
  if (result.ok) provisioningActions.removeTemplate(id);
  return answer(result, `template ${name} deleted`, `delete template ${name}`);
}

/** Asks for a plan; it shows when its run arrives (RouterProvisioningPlanned, state planned). */
export async function planTemplate(templateId: number, routerId: number): Promise<Result<{ runId: number; jobId: number }>> {
  const result = await api.invoke('provisioning.plan', { templateId, routerId });
  if (result.ok) provisioningActions.planned(result.data.runId);
  return answer(result, null, `plan ${templateName(templateId)}`);
}

/** Starts an apply to one or many routers; its rows follow the runs' events. */
export async function applyTemplate(templateId: number, routerIds: number[], concurrency: number): Promise<Result<{ batchId: number; runIds: number[] }>> {
  const result = await api.invoke('provisioning.apply', { templateId, routerIds, concurrency });
  if (result.ok) provisioningActions.applying(result.data.batchId, result.data.runIds);
  const where = routerIds.length === 1 ? 'the router' : `${routerIds.length} routers`;
  return answer(result, `applying ${templateName(templateId)} to ${where}`, `apply ${templateName(templateId)}`);
}
