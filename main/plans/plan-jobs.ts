import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext, type ScheduleDefinition } from '../jobs/define-job';
import { RouterUnavailableError } from '../provisioning/router-unavailable';
import { withRouterLock } from '../provisioning/router-lock';
import { PLAN_KINDS } from './contract';
import type { PlanServices } from './plan-services';
import { removePlanFromRouter, syncPlanOnRouter } from './plan-sync';

type Ctx = MainJobContext<PlanServices>;

const ids = { planId: z.number().int().positive(), routerId: z.number().int().positive() };

/**
 * A router that is down is not a failed job: the plan shows `pending` there and the provisioning
 * listeners push it again when the router is back online.
 */
const waitIfUnavailable = (error: unknown) => {
  if (error instanceof RouterUnavailableError) return { waiting: error.message };
  throw error;
};

/** Plans kept on their routers as profiles (desired state), on the hotspot-provisioning queue. */
export const planJobs = jobSet(
  defineJob({
    name: 'plans.sync',
    queue: 'hotspot-provisioning',
    runs: 'main',
    summary: 'Makes a plan’s profile on one router match the plan (or, with check, reports how it drifted).',
    payload: z.object({ ...ids, check: z.boolean().default(false), previousName: z.string().max(64).optional() }).strict(),
    handler: async ({ planId, routerId, check, previousName }, { services }: Ctx) => {
      try {
        return { state: await withRouterLock(routerId, () => syncPlanOnRouter(services, planId, routerId, { mode: check ? 'check' : 'apply', previousName })) };
      } catch (error) {
        return waitIfUnavailable(error);
      }
    },
  }),
  defineJob({
    name: 'plans.check-all',
    queue: 'hotspot-provisioning',
    runs: 'main',
    maxAttempts: 1,
    summary: 'Reads every plan’s profile on its online routers: drift is reported, plans still waiting are applied.',
    payload: z.object({}).strict(),
    handler: async (_p, { services, signal }: Ctx) => {
      const plans = await services.business.read(async (tx) => {
        const records = await tx.plans.list(null);
        return { records, states: await tx.provisioning.statesOf('plan', records.map((r) => r.id)) };
      });
      let checked = 0;
      for (const plan of plans.records) {
        for (const routerId of plan.routerIds) {
          if (signal.aborted) return { checked };
          if (services.routerStatus.get(routerId).state !== 'online') continue;
          const state = plans.states.get(plan.id)?.find((s) => s.routerId === routerId)?.state;
          if (state === 'removing') continue;
          const mode = state === 'pending' || state === 'failed' ? 'apply' : 'check';
          await withRouterLock(routerId, () => syncPlanOnRouter(services, plan.id, routerId, { mode })).catch(() => undefined);
          checked++;
        }
      }
      return { checked };
    },
  }),
  defineJob({
    name: 'plans.remove-profile',
    queue: 'hotspot-provisioning',
    runs: 'main',
    summary: 'Removes a plan’s profile from a router the plan no longer lives on.',
    payload: z.object({ ...ids, tenantId: z.number().int().positive(), kind: z.enum(PLAN_KINDS), name: z.string().max(64) }).strict(),
    handler: async ({ planId, routerId, tenantId, kind, name }, { services }: Ctx) => {
      try {
        await withRouterLock(routerId, () => removePlanFromRouter(services, { id: planId, tenantId, kind, name }, routerId));
        return { removed: true };
      } catch (error) {
        return waitIfUnavailable(error);
      }
    },
  }),
);

/** Drift is looked for every five minutes (and on demand from the Plans view). */
export const planSchedules: ScheduleDefinition[] = [{ key: 'plans.check-all', job: 'plans.check-all', payload: {}, every: { seconds: 300 } }];
