import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext, type ScheduleDefinition } from '../jobs/define-job';
import { withRouterLock } from '../provisioning/router-lock';
import { voucherSheetRequest } from './contract';
import { sweepVouchers } from './voucher-expiry';
import { pushBatch } from './voucher-push';
import { expireOnRouter } from './voucher-router-expiry';
import { renderBatchSheet } from './voucher-sheet-job';
import type { VoucherServices } from './voucher-services';

type Ctx = MainJobContext<VoucherServices>;

const id = z.number().int().positive();

/** The unique key of a batch's push to a router: one queued or running at a time. */
export const pushKey = (batchId: number, routerId: number): string => `vouchers.push:${batchId}:${routerId}`;

/**
 * Vouchers as jobs: the push of a batch to each router (resumable, idempotent by name), the
 * minute's sweep (expired, used up, old sheets), the spent vouchers' expiry on each router and
 * the printable sheet. Payloads carry ids and
 * choices only; codes and passwords are read from the store by the handler.
 */
export const voucherJobs = jobSet(
  defineJob({
    name: 'vouchers.push',
    queue: 'hotspot-provisioning',
    runs: 'main',
    summary: 'Puts a voucher batch on one router as hotspot users (only those it does not have yet), with the plan’s profile first.',
    payload: z.object({ batchId: id, routerId: id }).strict(),
    // One change at a time per router: the plan's own sync may be putting the same profile there.
    handler: ({ batchId, routerId }, ctx: Ctx) => withRouterLock(routerId, () => pushBatch(ctx.services, batchId, routerId, ctx)),
  }),
  defineJob({
    name: 'vouchers.expire',
    queue: 'subscription-reconnection',
    runs: 'main',
    // The next minute's sweep is the retry.
    maxAttempts: 1,
    summary: 'Marks active vouchers past their validity expired and those past their limits on the router used up, queues their expiry on their routers; deletes sheets older than a day.',
    payload: z.object({}).strict(),
    handler: (_payload, { services }: Ctx) => sweepVouchers(services),
  }),
  defineJob({
    name: 'vouchers.expire-on-router',
    queue: 'hotspot-provisioning',
    runs: 'main',
    summary: 'Gives a router’s expired and used-up voucher users their plan’s expiry (disable, remove or move to the expired profile) and ends their sessions.',
    payload: z.object({ routerId: id }).strict(),
    // One change at a time per router: a push must not add a user this is disabling.
    handler: ({ routerId }, ctx: Ctx) => withRouterLock(routerId, () => expireOnRouter(ctx.services, routerId, { signal: ctx.signal })),
  }),
  defineJob({
    name: 'vouchers.render-sheet',
    queue: 'default',
    runs: 'main',
    summary: 'Renders a batch’s printable voucher sheet (PDF) off the main thread.',
    payload: voucherSheetRequest,
    handler: (request, ctx: Ctx) => renderBatchSheet(ctx.services, request, ctx),
  }),
);

export const voucherSchedules: ScheduleDefinition[] = [{ key: 'vouchers.expire', job: 'vouchers.expire', payload: {}, every: { seconds: 60 } }];
