import type { InvokeInput } from '../../../../main/contract';
import type { Result } from '../../../../main/contract/errors';
import type { PlanSummary } from '../../../../main/plans/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { toast } from '../../components/toast-store';
import { plansActions, resetPlansStore, usePlansStore } from './plans-store';

/**
 * Plans: one `plans.list`, then PlanCreated / PlanUpdated / PlanDeleted on `tenant.{id}.plans`
 * (a gap or reconnect refetches). Subscribers and Vouchers attach it too, for plan names and prices.
 */
export function attachPlans(tenantId: number, asAdmin: boolean): () => void {
  resetPlansStore();
  return attachLiveChannel<{ plans: PlanSummary[] }>({
    channel: `tenant.${tenantId}.plans`,
    fetchSnapshot: () => api.invoke('plans.list', asAdmin ? { tenantId } : {}),
    onSnapshot: (data) => plansActions.snapshot(data.plans),
    onEvent: plansActions.event,
    onError: plansActions.failed,
  });
}

const nameOf = (id: number) => usePlansStore.getState().plans.get(id)?.name ?? `plan ${id}`;

/** The answer to this person's action, naming the plan (and router): events from others change the table silently. */
function answer<T>(result: Result<T>, done: string, attempt: string): Result<T> {
  if (result.ok) toast('ok', done);
  else toast('bad', `could not ${attempt}: ${result.error.message}`);
  return result;
}

/** The saved plan goes into the store at once; its event repeats it harmlessly. */
export async function createPlan(input: InvokeInput<'plans.create'>): Promise<Result<PlanSummary>> {
  const result = await api.invoke('plans.create', input);
  if (result.ok) plansActions.upsert(result.data);
  return answer(result, `plan ${input.name} created`, `create plan ${input.name}`);
}

export async function updatePlan(input: InvokeInput<'plans.update'>): Promise<Result<PlanSummary>> {
  const before = nameOf(input.id);
  const result = await api.invoke('plans.update', input);
  if (result.ok) plansActions.upsert(result.data);
  return answer(result, `plan ${result.ok ? result.data.name : before} saved`, `save plan ${before}`);
}

export async function deletePlan(id: number): Promise<Result<{ id: number }>> {
  const name = nameOf(id);
  const result = await api.invoke('plans.delete', { id });
  if (result.ok) plansActions.removed(id);
  return answer(result, `plan ${name} deleted`, `delete plan ${name}`);
}

/** Writes the plan's profile to one router (or all) again; the state chips follow by PlanUpdated. */
export async function reapplyPlan(id: number, routerId: number | null, routerName: string | null): Promise<Result<{ jobIds: number[] }>> {
  const name = nameOf(id);
  const where = routerName ?? 'its routers';
  const result = await api.invoke('plans.reapply', routerId === null ? { id } : { id, routerId });
  return answer(result, `re-applying plan ${name} to ${where}`, `re-apply plan ${name} to ${where}`);
}

/** Takes the profile as edited on this router into the plan. */
export async function adoptPlan(id: number, routerId: number, routerName: string): Promise<Result<PlanSummary>> {
  const name = nameOf(id);
  const result = await api.invoke('plans.adopt', { id, routerId });
  if (result.ok) plansActions.upsert(result.data);
  return answer(result, `plan ${name} adopted from ${routerName}`, `adopt plan ${name} from ${routerName}`);
}

/** Reads the plan's profile on each of its routers; differences come back as drift (PlanUpdated). */
export async function checkPlanDrift(id: number): Promise<Result<{ jobIds: number[] }>> {
  const name = nameOf(id);
  const result = await api.invoke('plans.checkDrift', { id });
  return answer(result, `checking plan ${name} on its routers`, `check plan ${name} on its routers`);
}
