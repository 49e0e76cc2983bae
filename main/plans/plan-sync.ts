import type { MenuOp, MenuOpResult } from '../routers/io/shard-protocol';
import { RouterRefusedError, RouterUnavailableError } from '../provisioning/router-unavailable';
import type { DriftField, ProvisioningState } from './contract';
import type { PlanRecord } from './plan-repository';
import { managedAttributes, profileAttributes, profileDrift, profileMenu } from './plan-profile';
import type { PlanServices } from './plan-services';
import { planSummary } from './plan-summary';

type Services = Pick<PlanServices, 'business' | 'liveRouters' | 'bus'>;

/** Sends menu commands; an unreachable router is RouterUnavailableError (the item waits for it). */
export async function routerMenu(services: Pick<PlanServices, 'business' | 'liveRouters'>, routerId: number, ops: MenuOp[]): Promise<MenuOpResult[]> {
  try {
    return await services.liveRouters.menu(routerId, ops);
  } catch (error) {
    const name = (await services.business.read((tx) => tx.tenants.routerName(routerId))) ?? `#${routerId}`;
    throw new RouterUnavailableError(name, error);
  }
}

async function record(services: Services, plan: PlanRecord, routerId: number, state: ProvisioningState, message: string | null, drift: DriftField[] = []): Promise<void> {
  await services.business.run(async (tx) => {
    const current = await tx.plans.get(null, plan.id);
    if (!current || !current.routerIds.includes(routerId)) return;
    await tx.provisioning.set(plan.tenantId, 'plan', plan.id, routerId, { state, message, drift }, Date.now());
    const summary = await planSummary(tx, current);
    tx.afterCommit(() => services.bus.publish('PlanUpdated', summary, plan.tenantId));
  });
}

export interface PlanSyncOptions {
  /** `apply` makes the router's profile match; `check` only reports drift. */
  mode: 'apply' | 'check';
  /** The plan's name before a rename: that profile is renamed instead of a second one added. */
  previousName?: string;
}

/**
 * Brings one plan's profile on one router to the plan (desired state: read, then add or set only
 * what differs), or reports how it drifted. Records where the plan stands on the router and
 * publishes PlanUpdated. Throws RouterUnavailableError (the router is not reachable: recorded as
 * pending) or RouterRefusedError (the router's own words: recorded as failed).
 */
export async function syncPlanOnRouter(services: Services, planId: number, routerId: number, options: PlanSyncOptions): Promise<ProvisioningState | null> {
  // A change made while this ran (renamed, new limits) is applied by another pass, not lost.
  for (let pass = 0; pass < 3; pass++) {
    const plan = await services.business.read((tx) => tx.plans.get(null, planId));
    if (!plan || !plan.routerIds.includes(routerId)) return null;
    const state = await syncOnce(services, plan, routerId, options);
    const after = await services.business.read((tx) => tx.plans.get(null, planId));
    if (!after || after.updatedAt === plan.updatedAt) return state;
  }
  return null;
}

async function syncOnce(services: Services, plan: PlanRecord, routerId: number, options: PlanSyncOptions): Promise<ProvisioningState> {
  const path = profileMenu(plan.kind);
  const proplist = ['.id', 'name', ...managedAttributes(plan.kind)];
  const names = [plan.name, ...(options.previousName && options.previousName !== plan.name ? [options.previousName] : [])];
  let read: MenuOpResult[];
  try {
    read = await routerMenu(services, routerId, names.map((name) => ({ verb: 'print', path, proplist, query: [`?name=${name}`] })));
  } catch (error) {
    await record(services, plan, routerId, 'pending', (error as Error).message);
    throw error;
  }
  const rows = read.flatMap((r) => (r.ok ? r.rows : []));
  const row = rows.find((r) => r.name === plan.name) ?? rows[0];
  const wanted = profileAttributes(plan);
  const drift = row ? profileDrift(plan, row) : [];
  if (options.mode === 'check') {
    if (!row) {
      await record(services, plan, routerId, 'drift', `the profile '${plan.name}' is missing on the router`, [{ field: 'name', console: plan.name, router: null }]);
      return 'drift';
    }
    const state = drift.length > 0 ? 'drift' : 'applied';
    await record(services, plan, routerId, state, state === 'drift' ? 'the profile was changed on the router' : null, drift);
    return state;
  }
  const renamed = row !== undefined && row.name !== plan.name;
  let op: MenuOp | null = null;
  if (!row) op = { verb: 'add', path, attrs: { name: plan.name, ...wanted } };
  else if (renamed || drift.length > 0) op = { verb: 'set', path, id: row['.id']!, attrs: { ...(renamed ? { name: plan.name } : {}), ...Object.fromEntries(drift.map((d) => [d.field, d.console ?? ''])) } };
  if (op) {
    let result: MenuOpResult;
    try {
      [result] = (await routerMenu(services, routerId, [op])) as [MenuOpResult];
    } catch (error) {
      await record(services, plan, routerId, 'pending', (error as Error).message);
      throw error;
    }
    if (!result.ok) {
      await record(services, plan, routerId, 'failed', result.message);
      throw new RouterRefusedError(result.message);
    }
  }
  await record(services, plan, routerId, 'applied', null);
  return 'applied';
}

/** Removes a plan's profile from a router (the plan left it, or was deleted). Gone already is done. */
export async function removePlanFromRouter(services: Services, plan: { tenantId: number; id: number; kind: PlanRecord['kind']; name: string }, routerId: number): Promise<void> {
  const path = profileMenu(plan.kind);
  const [found] = (await routerMenu(services, routerId, [{ verb: 'print', path, proplist: ['.id', 'name'], query: [`?name=${plan.name}`] }])) as [MenuOpResult];
  const id = found.ok ? found.rows[0]?.['.id'] : undefined;
  if (id) {
    const [removed] = (await routerMenu(services, routerId, [{ verb: 'remove', path, id }])) as [MenuOpResult];
    if (!removed.ok && removed.category !== 0) throw new RouterRefusedError(removed.message);
  }
  await services.business.run((tx) => tx.provisioning.clear('plan', plan.id, [routerId]));
}

/** For pushes that need the plan's profile first (vouchers, subscribers): applies it or throws. */
export async function ensurePlanOnRouter(services: Services, planId: number, routerId: number): Promise<void> {
  await syncPlanOnRouter(services, planId, routerId, { mode: 'apply' });
}
