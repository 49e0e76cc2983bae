import type { BusinessTx } from '../business/business-tx';
import { PermanentJobError } from '../jobs/errors';
import { routerMenu } from '../plans/plan-sync';
import { planSummary } from '../plans/plan-summary';
import type { MenuOp, MenuOpResult } from '../routers/io/shard-protocol';
import type { ProvisioningRun, ProvisioningStep } from './contract';
import type { PlannedStep } from './plan-diff';
import { planOnRouter } from './plan-on-router';
import type { ProvisioningServices } from './provisioning-services';
import { routerLocked, withRouterLock } from './router-lock';
import type { RunChange } from './run-repository';
import { RouterRefusedError, RouterUnavailableError } from './router-unavailable';

type Services = Omit<ProvisioningServices, 'log'>;

const FINAL = new Set(['planned', 'applied', 'failed']);
const stepOf = ({ op: _op, ...step }: PlannedStep): ProvisioningStep => step;

/** Saves a change to the run and tells the tenant (after the commit); `more` joins the transaction. */
async function record(services: Services, runId: number, change: RunChange, event: 'RouterProvisioningPlanned' | 'RouterProvisioningCompleted' | 'RouterProvisioningFailed' = 'RouterProvisioningPlanned', more?: (tx: BusinessTx, run: ProvisioningRun) => Promise<void>): Promise<ProvisioningRun> {
  return services.business.run(async (tx) => {
    const run = await tx.provisioningRuns.update(runId, change);
    await more?.(tx, run);
    tx.afterCommit(() => services.bus.publish(event, run, run.tenantId));
    return run;
  });
}

/** The next runs of the batch get their jobs while fewer than its concurrency are under way. */
export async function dispatchBatch(tx: BusinessTx, batchId: number | null): Promise<void> {
  if (batchId === null) return;
  for (const run of await tx.provisioningRuns.startable(batchId)) {
    await tx.provisioningRuns.dispatch(run.id);
    await tx.jobs.enqueue('provisioning.run', { runId: run.id }, { tenantId: run.tenantId, uniqueKey: `provisioning.run:${run.id}` });
  }
}

/** A plan's profiles now live on the router: their plans list it, applied (drift checks follow it from now on). */
async function adoptPlans(services: Services, tx: BusinessTx, run: ProvisioningRun, planIds: readonly number[]): Promise<void> {
  for (const planId of planIds) {
    const plan = await tx.plans.get(run.tenantId, planId);
    if (!plan) continue;
    const after = plan.routerIds.includes(run.routerId) ? plan : await tx.plans.update(plan.id, { routerIds: [...plan.routerIds, run.routerId] }, Date.now());
    await tx.provisioning.set(run.tenantId, 'plan', plan.id, run.routerId, { state: 'applied', message: null, drift: [] }, Date.now());
    const summary = await planSummary(tx, after);
    tx.afterCommit(() => services.bus.publish('PlanUpdated', summary, run.tenantId));
  }
}

/**
 * Sends the plan's steps one at a time, in order (a pool before the server that uses it). At the
 * first refusal it stops and removes what this run added, newest first; changed values stay (the
 * router's old ones are in the plan). Returns the steps with their outcome.
 */
async function carryOut(services: Services, run: ProvisioningRun, planned: PlannedStep[]): Promise<{ steps: ProvisioningStep[]; refused: string | null }> {
  const steps = planned.map(stepOf);
  const added: Array<{ index: number; op: MenuOp }> = [];
  for (let i = 0; i < planned.length; i++) {
    const [result] = (await routerMenu(services, run.routerId, [planned[i]!.op])) as [MenuOpResult];
    if (!result.ok) {
      steps[i] = { ...steps[i]!, status: 'refused', message: result.message };
      for (let j = i + 1; j < steps.length; j++) steps[j] = { ...steps[j]!, status: 'not-applied' };
      for (const { index, op } of added.reverse()) {
        const [undone] = (await routerMenu(services, run.routerId, [op])) as [MenuOpResult];
        if (undone.ok) steps[index] = { ...steps[index]!, status: 'undone' };
      }
      return { steps, refused: `the router refused step ${i + 1} of ${planned.length} (${planned[i]!.label}): ${result.message}` };
    }
    steps[i] = { ...steps[i]!, status: 'applied' };
    if (planned[i]!.op.verb === 'add' && result.ret) added.push({ index: i, op: { verb: 'remove', path: planned[i]!.op.path, id: result.ret } });
    await services.business.run(async (tx) => {
      await tx.provisioningRuns.update(run.id, { stepsDone: i + 1 });
      tx.afterCommit(() => services.bus.publish('RouterProvisioningProgress', { runId: run.id, routerId: run.routerId, batchId: run.batchId, step: i + 1, of: planned.length, label: planned[i]!.label }, run.tenantId));
    });
  }
  return { steps, refused: null };
}

const outcome = (steps: readonly ProvisioningStep[]) => {
  const applied = steps.filter((s) => s.status === 'applied').length;
  const undone = steps.filter((s) => s.status === 'undone').length;
  return `${applied} step(s) applied${undone ? `, ${undone} added by this run removed again` : ''}`;
};

/**
 * One run of the `provisioning.run` job: a fresh plan (what the router has now), then, for an
 * apply, its steps. One provisioning per router at a time; a run whose router is down waits for it
 * (the provisioning listeners start it again when the router is back), and a run that was already
 * finished is left alone, so the job is safe to run twice.
 */
export async function runProvisioning(services: Services, runId: number): Promise<{ state: string }> {
  const { run, spec } = await services.business.read(async (tx) => ({ run: await tx.provisioningRuns.get(runId), spec: await tx.provisioningRuns.spec(runId) }));
  if (!run || !spec || FINAL.has(run.state)) return { state: run?.state ?? 'gone' };
  if (routerLocked(run.routerId)) await record(services, runId, { state: 'waiting', message: `waiting for another provisioning of '${run.routerName}' to finish` });
  return withRouterLock(run.routerId, async () => {
    await record(services, runId, { state: 'running', message: null, stepsDone: 0 });
    try {
      const plan = await planOnRouter(services, { tenantId: run.tenantId, routerId: run.routerId, templateId: run.templateId ?? 0, spec });
      const planned = { steps: plan.steps.map(stepOf), unchanged: plan.unchanged, blocked: plan.blocked };
      if (run.mode === 'plan') {
        await record(services, runId, { ...planned, state: 'planned', finishedAt: Date.now() });
        return { state: 'planned' };
      }
      if (plan.blocked) {
        await record(services, runId, { ...planned, state: 'failed', message: `nothing was sent: ${plan.blocked}`, finishedAt: Date.now() }, 'RouterProvisioningFailed', (tx, r) => dispatchBatch(tx, r.batchId));
        throw new RouterRefusedError(`template '${run.templateName}' on '${run.routerName}': nothing was sent: ${plan.blocked}`);
      }
      await record(services, runId, { steps: planned.steps, unchanged: plan.unchanged, blocked: null });
      const done = await carryOut(services, run, plan.steps);
      if (done.refused) {
        await record(services, runId, { steps: done.steps, state: 'failed', message: `${done.refused}; ${outcome(done.steps)}`, finishedAt: Date.now() }, 'RouterProvisioningFailed', (tx, r) => dispatchBatch(tx, r.batchId));
        throw new RouterRefusedError(`template '${run.templateName}' on '${run.routerName}': ${done.refused}`);
      }
      await record(services, runId, { steps: done.steps, state: 'applied', message: done.steps.length === 0 ? 'nothing to change: the router matches the template' : outcome(done.steps), finishedAt: Date.now() }, 'RouterProvisioningCompleted', async (tx, r) => {
        await adoptPlans(services, tx, r, spec.planIds);
        await dispatchBatch(tx, r.batchId);
      });
      return { state: 'applied' };
    } catch (error) {
      if (error instanceof RouterRefusedError) throw error; // recorded above
      if (!(error instanceof RouterUnavailableError)) {
        // Anything else ends the run too: a screen must never show it running for good.
        const message = `stopped by an error in the console (${error instanceof Error ? error.message : String(error)}): plan or apply again`;
        await record(services, runId, { state: 'failed', message, finishedAt: Date.now() }, 'RouterProvisioningFailed', (tx, r) => dispatchBatch(tx, r.batchId));
        throw new PermanentJobError(`template '${run.templateName}' on '${run.routerName}': ${message}`, { cause: error });
      }
      // Desired state: when the router is back, the run plans afresh, so nothing is sent twice.
      await record(services, runId, { state: 'waiting', message: error.message }, 'RouterProvisioningPlanned', async (tx, r) => {
        await dispatchBatch(tx, r.batchId);
        // Back already (a short drop): the listener saw it come online before this run waited.
        if (services.routerStatus.get(r.routerId).state === 'online') await tx.jobs.enqueue('provisioning.run', { runId }, { tenantId: r.tenantId, runAt: new Date(Date.now() + 2000) });
      });
      return { state: 'waiting' };
    }
  });
}
