import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { JobContext } from '../jobs/define-job';
import { PermanentJobError } from '../jobs/errors';
import { priceText, validityText } from './card-texts-contract';
import type { voucherSheetRequest, VoucherSheetReady } from './contract';
import { hotspotLoginUrl } from './login-url-contract';
import { renderSheetOffThread } from './sheet-renderer';
import { voucherSheetInput, type VoucherSheetInput } from './sheet-contract';
import { sheetsDir } from './voucher-expiry';
import type { VoucherServices } from './voucher-services';

type Services = Pick<VoucherServices, 'business' | 'bus' | 'dataDir'>;
export type SheetRequest = z.output<typeof voucherSheetRequest>;

/** The first few problems of an input that cannot print (a 10,000-card batch could have 10,000). */
function describeIssues(error: z.ZodError): string {
  const listed = error.issues.slice(0, 3).map((i) => i.message);
  return listed.join('; ') + (error.issues.length > listed.length ? `; and ${error.issues.length - listed.length} more` : '');
}

/**
 * Gathers a batch's cards (codes and opened passwords, the tenant's name and logo, the plan, its
 * price and validity) and renders the sheet off the main thread to <dataDir>/exports/sheets/<jobId>.pdf,
 * then records it for download and publishes VoucherSheetReady. The job's payload names only the
 * batch and the layout: the codes are read here and never stored with the job.
 */
export async function renderBatchSheet(services: Services, request: SheetRequest, ctx: Pick<JobContext, 'jobId' | 'tenantId' | 'signal'>): Promise<VoucherSheetReady> {
  const gathered = await services.business.read(async (tx) => {
    const batch = await tx.vouchers.batch(ctx.tenantId, request.batchId);
    if (!batch) return null;
    const plan = await tx.plans.get(batch.tenantId, batch.planId);
    const settings = await tx.tenants.settings(batch.tenantId);
    const vouchers = await tx.vouchers.credentials(batch.id, request.states);
    return plan ? { batch, plan, settings, vouchers } : null;
  });
  if (!gathered) throw new PermanentJobError(`voucher batch ${request.batchId} no longer exists`);
  const { batch, plan, settings, vouchers } = gathered;
  if (vouchers.length === 0) throw new PermanentJobError(`batch ${batch.id} has no ${request.states.join(' or ')} vouchers to print: choose other states`);
  let cards: VoucherSheetInput['cards'];
  try {
    cards = vouchers.map((v) => ({ username: v.code, password: batch.separatePassword ? v.password : null, qrText: hotspotLoginUrl(request.loginUrl, v.code, v.password) }));
  } catch (error) {
    throw new PermanentJobError((error as Error).message);
  }
  // Checked here as well as on the worker: a sheet that cannot print fails at once, not after retries.
  const input = voucherSheetInput.safeParse({
    layout: request.layout,
    cardsPerPage: request.cardsPerPage,
    tenantName: settings.name,
    logo: settings.logo,
    planName: plan.name,
    priceText: priceText(plan.priceMinor, plan.currency, settings.locale),
    validityText: validityText(plan),
    cards,
  });
  if (!input.success) throw new PermanentJobError(`cannot print batch ${batch.id}: ${describeIssues(input.error)}`);
  const dir = sheetsDir(services.dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${ctx.jobId}.pdf`);
  const { bytes, pages } = await renderSheetOffThread(input.data, path, ctx.signal);
  const ready: VoucherSheetReady = { jobId: ctx.jobId, batchId: batch.id, fileName: `vouchers-batch-${batch.id}-${request.layout}.pdf`, bytes, pages, cards: cards.length };
  await services.business.run(async (tx) => {
    await tx.vouchers.insertSheet({ jobId: ctx.jobId, tenantId: batch.tenantId, batchId: batch.id, fileName: ready.fileName, path, bytes }, Date.now());
    tx.afterCommit(() => services.bus.publish('VoucherSheetReady', ready, batch.tenantId));
  });
  return ready;
}
