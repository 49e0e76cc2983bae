import { open } from 'node:fs/promises';
import type { BusinessTx } from '../business/business-tx';
import type { Session, SessionUser } from '../auth/session';
import { readScope, writeTenant } from '../auth/tenant-scope';
import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import { priceText } from './card-texts-contract';
import { maskBatch, maskVoucher } from './code-mask';
import { SHEET_CHUNK_BYTES, type SheetChunk, type voucherInvokes } from './contract';
import { hotspotLoginUrl } from './login-url-contract';
import { drawPassword, issueCodes } from './voucher-codes';
import { batchCsv } from './voucher-csv';
import { pushKey } from './voucher-jobs';
import type { BatchRecord } from './voucher-repository';
import type { VoucherServices } from './voucher-services';

const actor = (user: SessionUser | null) => (user ? { id: user.id, username: user.username } : null);

/** Viewers read batches and vouchers with the codes masked; the roles that sell them see them whole. */
const seesCodes = (session: Session) => session.user !== null && session.user.role !== 'viewer';

async function requireBatch(tx: BusinessTx, session: Session, batchId: number): Promise<BatchRecord> {
  const batch = await tx.vouchers.batch(readScope(session), batchId);
  if (!batch) throw new DomainError('not_found', `voucher batch ${batchId} does not exist in your tenant`);
  return batch;
}

const sheetGone = (jobId: number) => new DomainError('not_found', `the sheet of job ${jobId} is not ready, or was deleted after a day: render it again`);

export const voucherHandlers: DomainHandlers<keyof typeof voucherInvokes, Pick<VoucherServices, 'business' | 'bus'>> = {
  'vouchers.batches': ({ tenantId }, { services, session }) =>
    services.business.read(async (tx) => {
      const batches = await tx.vouchers.batches(readScope(session) ?? tenantId ?? null);
      return { batches: seesCodes(session) ? batches : batches.map(maskBatch) };
    }),

  'vouchers.generate': ({ tenantId, planId, count, codeLength, prefix, charset, separatePassword, comment, routerIds: requested }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    return services.business.run(async (tx) => {
      const plan = await tx.plans.get(tenant, planId);
      if (!plan) throw new DomainError('not_found', `plan ${planId} does not exist in this tenant`, { fields: { planId: 'choose one of the tenant’s plans' } });
      if (plan.kind !== 'hotspot') {
        throw new DomainError('invalid_input', `'${plan.name}' is a PPPoE plan and vouchers are hotspot logins: choose a hotspot plan`, { fields: { planId: 'choose a hotspot plan' } });
      }
      const routerIds = [...new Set(requested ?? plan.routerIds)];
      if (routerIds.length === 0) {
        throw new DomainError('invalid_input', `plan '${plan.name}' is on no router yet: add routers to the plan first`, { fields: { routerIds: 'the plan is on no router' } });
      }
      const outside = routerIds.filter((id) => !plan.routerIds.includes(id));
      if (outside.length > 0) {
        throw new DomainError('invalid_input', `router ${outside.join(', ')} does not carry plan '${plan.name}': choose among the plan’s routers, or add the router to the plan first`, {
          fields: { routerIds: 'choose among the plan’s routers' },
        });
      }
      const now = Date.now();
      const codes = await issueCodes(tx, tenant, { prefix, charset, length: codeLength }, count);
      const vouchers = codes.map((code) => ({ code, password: separatePassword ? drawPassword(codeLength) : null }));
      const batch = await tx.vouchers.insertBatch({ tenantId: tenant, planId, codeLength, prefix, charset, separatePassword, comment, createdBy: session.user?.id ?? null, routerIds, vouchers }, now);
      // In the same transaction: a stored batch always has its pushes queued, and a failed one has neither.
      for (const routerId of routerIds) await tx.jobs.enqueue('vouchers.push', { batchId: batch.id, routerId }, { tenantId: tenant, uniqueKey: pushKey(batch.id, routerId) });
      await tx.audit.record({
        at: now,
        tenantId: tenant,
        actor: actor(session.user),
        action: 'vouchers.generated',
        target: { type: 'voucher_batch', id: batch.id, label: `batch ${batch.id} (${plan.name})` },
        details: { planId, count, codeLength, prefix, charset, separatePassword, routerIds },
      });
      tx.afterCommit(() => services.bus.publish('VoucherBatchCreated', maskBatch(batch), tenant));
      return batch;
    });
  },

  'vouchers.list': ({ batchId }, { services, session }) =>
    services.business.read(async (tx) => {
      await requireBatch(tx, session, batchId);
      const vouchers = await tx.vouchers.vouchers(batchId);
      return { vouchers: seesCodes(session) ? vouchers : vouchers.map(maskVoucher) };
    }),

  'vouchers.export': ({ batchId }, { services, session }) =>
    services.business.run(async (tx) => {
      const batch = await requireBatch(tx, session, batchId);
      const plan = await tx.plans.get(batch.tenantId, batch.planId);
      const { locale } = await tx.tenants.settings(batch.tenantId);
      const credentials = new Map((await tx.vouchers.credentials(batchId)).map((c) => [c.id, c]));
      const csv = batchCsv(await tx.vouchers.vouchers(batchId), credentials, { name: batch.planName, priceText: plan ? priceText(plan.priceMinor, plan.currency, locale) : '' });
      await tx.audit.record({
        at: Date.now(),
        tenantId: batch.tenantId,
        actor: actor(session.user),
        action: 'vouchers.exported',
        target: { type: 'voucher_batch', id: batch.id, label: `batch ${batch.id} (${batch.planName})` },
        details: { count: credentials.size, format: 'csv' },
      });
      return { fileName: `vouchers-batch-${batch.id}.csv`, csv };
    }),

  'vouchers.repush': ({ batchId, routerId }, { services, session }) =>
    services.business.run(async (tx) => {
      const batch = await requireBatch(tx, session, batchId);
      const routers = routerId === undefined ? batch.routers : batch.routers.filter((r) => r.routerId === routerId);
      if (routers.length === 0) throw new DomainError('not_found', `batch ${batchId} is not pushed to router ${routerId}: choose one of its routers`, { fields: { routerId: 'not a router of this batch' } });
      const jobIds: number[] = [];
      for (const r of routers) {
        await tx.vouchers.setPushProgress(batchId, r.routerId, { state: 'pending', pushed: r.pushed, failed: r.failedCount, failures: r.failures, message: null }, Date.now());
        const payload = { batchId, routerId: r.routerId };
        let queued = await tx.jobs.enqueue('vouchers.push', payload, { tenantId: batch.tenantId, uniqueKey: pushKey(batchId, r.routerId) });
        // A finished push whose job is not marked finished yet (it has just written its outcome)
        // still holds the unique key: this request needs a push of its own after it.
        if (queued.deduplicated && (r.state === 'done' || r.state === 'failed')) {
          queued = await tx.jobs.enqueue('vouchers.push', payload, { tenantId: batch.tenantId, uniqueKey: `${pushKey(batchId, r.routerId)}:again` });
        }
        jobIds.push(queued.jobId);
      }
      const updated = (await tx.vouchers.batch(null, batchId))!;
      tx.afterCommit(() => services.bus.publish('VoucherBatchUpdated', maskBatch(updated), updated.tenantId));
      return { jobIds };
    }),

  'vouchers.renderSheet': (request, { services, session }) => {
    try {
      hotspotLoginUrl(request.loginUrl, 'code', 'code');
    } catch (error) {
      throw new DomainError('invalid_input', (error as Error).message, { fields: { loginUrl: (error as Error).message } });
    }
    return services.business.run(async (tx) => {
      const batch = await requireBatch(tx, session, request.batchId);
      const { jobId } = await tx.jobs.enqueue('vouchers.render-sheet', request, { tenantId: batch.tenantId });
      // Audited when queued: printing hands out codes, and only the invoke knows who asked.
      await tx.audit.record({
        at: Date.now(),
        tenantId: batch.tenantId,
        actor: actor(session.user),
        action: 'vouchers.printed',
        target: { type: 'voucher_batch', id: batch.id, label: `batch ${batch.id} (${batch.planName})` },
        details: { jobId, layout: request.layout, cardsPerPage: request.cardsPerPage, states: request.states },
      });
      return { jobId };
    });
  },

  'vouchers.downloadSheet': async ({ jobId, offset }, { services, session }): Promise<SheetChunk> => {
    const sheet = await services.business.read((tx) => tx.vouchers.sheet(readScope(session), jobId));
    if (!sheet) throw sheetGone(jobId);
    const file = await open(sheet.path, 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? sheetGone(jobId) : error;
    });
    try {
      const { size } = await file.stat();
      if (offset > size) throw new DomainError('invalid_input', `the sheet has ${size} bytes: ask from an offset up to that`, { fields: { offset: `at most ${size}` } });
      const chunk = Buffer.alloc(Math.min(SHEET_CHUNK_BYTES, size - offset));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, offset);
      return { fileName: sheet.fileName, totalBytes: size, offset, base64: chunk.subarray(0, bytesRead).toString('base64'), done: offset + bytesRead >= size };
    } finally {
      await file.close();
    }
  },
};
