import type { InvokeInput } from '../../../../main/contract';
import type { Result } from '../../../../main/contract/errors';
import type { VoucherBatchSummary } from '../../../../main/vouchers/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { downloadText } from '../../components/csv';
import { toast } from '../../components/toast-store';
import { localeSelectors, useLocaleStore } from '../../format/locale-store';
import { formatNumber } from '../../format/number';
import { resetVouchersStore, useVouchersStore, vouchersActions } from './vouchers-store';

/**
 * Vouchers: one `vouchers.batches`, then VoucherBatchCreated / VoucherBatchUpdated (counts, push
 * progress) and VoucherActivated on `tenant.{id}.vouchers`; a gap or reconnect refetches, the
 * open batch's list included.
 */
export function attachVouchers(tenantId: number, asAdmin: boolean): () => void {
  resetVouchersStore();
  return attachLiveChannel<{ batches: VoucherBatchSummary[] }>({
    channel: `tenant.${tenantId}.vouchers`,
    fetchSnapshot: () => api.invoke('vouchers.batches', asAdmin ? { tenantId } : {}),
    onSnapshot: (data) => {
      vouchersActions.snapshot(data.batches);
      const open = useVouchersStore.getState().open;
      if (open?.vouchers) void openBatch(open.batchId);
    },
    onEvent: vouchersActions.event,
    onError: vouchersActions.failed,
  });
}

/** The vouchers of one batch, for its page (codes, state, activation, validity). */
export async function openBatch(batchId: number): Promise<void> {
  vouchersActions.opening(batchId);
  const result = await api.invoke('vouchers.list', { batchId });
  if (result.ok) vouchersActions.openLoaded(batchId, result.data.vouchers);
  else vouchersActions.openFailed(batchId, result.error.message);
}

const batchName = (batch: Pick<VoucherBatchSummary, 'id' | 'planName'>) => `batch #${batch.id} (${batch.planName})`;

export async function generateBatch(input: InvokeInput<'vouchers.generate'>, planName: string): Promise<Result<VoucherBatchSummary>> {
  const result = await api.invoke('vouchers.generate', input);
  if (result.ok) {
    vouchersActions.upsert(result.data);
    toast('ok', `${formatNumber(result.data.count, localeSelectors.settings(useLocaleStore.getState()))} ${planName} vouchers generated (${batchName(result.data)}); pushing to their routers`);
  } else toast('bad', `could not generate ${planName} vouchers: ${result.error.message}`);
  return result;
}

/** The batch as CSV (codes and passwords), handed to the browser or the desktop's save dialog as a file. */
export async function exportBatch(batch: VoucherBatchSummary): Promise<void> {
  const result = await api.invoke('vouchers.export', { batchId: batch.id });
  if (!result.ok) {
    toast('bad', `could not export ${batchName(batch)}: ${result.error.message}`);
    return;
  }
  downloadText(result.data.fileName, result.data.csv);
  toast('ok', `${batchName(batch)} exported as ${result.data.fileName}`);
}

/** Sends what is missing of the batch to one router (or all) again. */
export async function repushBatch(batch: VoucherBatchSummary, routerId: number | null, routerName: string | null): Promise<void> {
  const result = await api.invoke('vouchers.repush', routerId === null ? { batchId: batch.id } : { batchId: batch.id, routerId });
  const where = routerName ?? 'its routers';
  if (result.ok) toast('ok', `pushing ${batchName(batch)} to ${where} again`);
  else toast('bad', `could not push ${batchName(batch)} to ${where}: ${result.error.message}`);
}
