import type { JobContext } from '../jobs/define-job';
import { PermanentJobError } from '../jobs/errors';
import { ensurePlanOnRouter, routerMenu } from '../plans/plan-sync';
import type { PlanRecord } from '../plans/plan-repository';
import { RouterRefusedError, RouterUnavailableError } from '../provisioning/router-unavailable';
import { formatDuration } from '../routers/client/values';
import type { MenuOp } from '../routers/io/shard-protocol';
import { maskBatch } from './code-mask';
import { SPENT_VOUCHER_STATES, type VoucherState } from './contract';
import type { PushProgress, VoucherCredentials } from './voucher-repository';
import type { VoucherServices } from './voucher-services';

export const HOTSPOT_USERS = '/ip/hotspot/user';

/**
 * The comment a batch's users carry on the router: mikhmon marks voucher users with a leading
 * `vc-` (its reports and our own import read that), then the console's batch id, so a push can
 * ask the router which of the batch's users it already has, then the operator's batch comment.
 */
export const routerComment = (batchId: number, comment: string): string => `vc-noc${batchId}${comment ? ` ${comment}` : ''}`;

const isSpent = (state: VoucherState): boolean => (SPENT_VOUCHER_STATES as readonly VoucherState[]).includes(state);

/** Adds per menu request; progress is recorded after each (routerMenu keeps 32 of them in flight). */
const CHUNK = 500;
/** VoucherBatchUpdated at most this often while a push runs (the last one always goes out). */
const PUBLISH_EVERY_MS = 250;
/** RouterOS's answer to an add of a name it has: the voucher is there (idempotent by name). */
const ALREADY_THERE = 'already have user with this name';

type Services = Pick<VoucherServices, 'business' | 'liveRouters' | 'bus'>;

/** What a push did, in counts (a job result: no codes). */
export interface PushOutcome {
  state: PushProgress['state'];
  total: number;
  /**
   * The batch's vouchers the router had already (listed before sending, or refused as a name it
   * has), and the spent ones it lacks: an expired or used-up voucher is not put on a router.
   */
  alreadyThere: number;
  sent: number;
  refused: number;
}

function addOp(voucher: VoucherCredentials, plan: PlanRecord, comment: string): MenuOp {
  const attrs: Record<string, string> = { name: voucher.code, password: voucher.password, profile: plan.name, comment };
  if (plan.uptimeLimitSeconds !== null) attrs['limit-uptime'] = formatDuration(plan.uptimeLimitSeconds);
  if (plan.dataLimitBytes !== null) attrs['limit-bytes-total'] = String(plan.dataLimitBytes);
  return { verb: 'add', path: HOTSPOT_USERS, attrs };
}

/** Records one router's progress in its own unit of work; publishes the batch when asked to. */
async function record(services: Services, batchId: number, routerId: number, progress: PushProgress, publish: boolean): Promise<void> {
  await services.business.run(async (tx) => {
    await tx.vouchers.setPushProgress(batchId, routerId, progress, Date.now());
    if (!publish) return;
    const batch = await tx.vouchers.batch(null, batchId);
    if (batch) tx.afterCommit(() => services.bus.publish('VoucherBatchUpdated', maskBatch(batch), batch.tenantId));
  });
}

/**
 * Puts a batch on one router, resumably: the plan's profile first, then asks the router which of
 * the batch's users it has (by the batch's comment) and sends only the missing adds, pipelined,
 * recording progress after each chunk. A router that is or goes offline leaves the batch pending
 * there (voucher-listeners.ts pushes again when it is back) and ends the job without using up its
 * retries; what the router refuses is kept per voucher in its own words.
 */
export async function pushBatch(services: Services, batchId: number, routerId: number, ctx: Pick<JobContext, 'signal' | 'progress'>): Promise<PushOutcome | null> {
  const head = await services.business.read(async (tx) => {
    const batch = await tx.vouchers.batch(null, batchId);
    if (!batch || !batch.routers.some((r) => r.routerId === routerId)) return null;
    const plan = await tx.plans.get(null, batch.planId);
    const routerName = (await tx.tenants.routerName(routerId)) ?? `#${routerId}`;
    return plan ? { batch, plan, routerName } : null;
  });
  // The batch, its plan or the router was deleted since: nothing is left to push.
  if (!head) return null;
  const { batch, plan, routerName } = head;
  const outcome: PushOutcome = { state: 'pushing', total: batch.count, alreadyThere: 0, sent: 0, refused: 0 };
  const failures: PushProgress['failures'] = [];
  const progress = (state: PushProgress['state'], message: string | null): PushProgress => ({
    state,
    pushed: outcome.alreadyThere + outcome.sent,
    failed: outcome.refused,
    failures,
    message,
  });
  const fail = async (message: string, cause?: unknown): Promise<never> => {
    await record(services, batchId, routerId, progress('failed', message), true);
    throw new PermanentJobError(message, { cause });
  };
  try {
    try {
      await ensurePlanOnRouter(services, plan.id, routerId);
    } catch (error) {
      if (error instanceof RouterRefusedError) await fail(`router '${routerName}' refused the plan's profile '${plan.name}': ${error.message}`, error);
      throw error;
    }
    const comment = routerComment(batch.id, batch.comment);
    const [listed] = await routerMenu(services, routerId, [{ verb: 'print', path: HOTSPOT_USERS, proplist: ['name'], query: [`?comment=${comment}`] }]);
    if (!listed?.ok) return await fail(`router '${routerName}' would not list its hotspot users: ${listed?.message ?? 'no answer'}`);
    const onRouter = new Set(listed.rows.map((row) => row.name));
    const credentials = await services.business.read((tx) => tx.vouchers.credentials(batchId));
    // A spent voucher's user would let someone in again (its expiry on this router found nothing to change).
    const missing = credentials.filter((v) => !onRouter.has(v.code) && !isSpent(v.state));
    outcome.alreadyThere = credentials.length - missing.length;
    await record(services, batchId, routerId, progress('pushing', null), true);
    let publishedAt = Date.now();
    for (let start = 0; start < missing.length; start += CHUNK) {
      ctx.signal.throwIfAborted();
      const chunk = missing.slice(start, start + CHUNK);
      const results = await routerMenu(services, routerId, chunk.map((v) => addOp(v, plan, comment)));
      results.forEach((result, i) => {
        if (result.ok) outcome.sent += 1;
        else if (result.message.includes(ALREADY_THERE)) outcome.alreadyThere += 1;
        else {
          outcome.refused += 1;
          failures.push({ code: chunk[i]!.code, message: result.message });
        }
      });
      ctx.progress((outcome.alreadyThere + outcome.sent + outcome.refused) / Math.max(1, batch.count));
      const publish = Date.now() - publishedAt >= PUBLISH_EVERY_MS;
      if (publish) publishedAt = Date.now();
      await record(services, batchId, routerId, progress('pushing', null), publish);
    }
    outcome.state = outcome.refused > 0 ? 'failed' : 'done';
    const message = outcome.refused > 0 ? `router '${routerName}' refused ${outcome.refused} of ${batch.count} vouchers: see why beside each, fix the plan or the router, then push again` : null;
    await record(services, batchId, routerId, progress(outcome.state, message), true);
    return outcome;
  } catch (error) {
    if (error instanceof RouterUnavailableError) {
      outcome.state = 'pending';
      await record(services, batchId, routerId, progress('pending', error.message), true);
      return outcome;
    }
    // Cancelled or timed out: failed, not pending, so that only a person starts it again.
    if (ctx.signal.aborted && !(error instanceof PermanentJobError)) await fail(`the push to router '${routerName}' was stopped (${String(ctx.signal.reason)}): push the batch again`, error);
    throw error;
  }
}
