import { create } from 'zustand';
import type { VoucherBatchSummary, VoucherSummary } from '../../../../main/vouchers/contract';

/** The vouchers of the batch whose page is open: loaded once, then kept by VoucherActivated. */
export interface OpenBatch {
  batchId: number;
  vouchers: readonly VoucherSummary[] | null;
  /** Activations that came while the list was loading: applied to it when it arrives (it may predate them). */
  early: readonly VoucherSummary[];
  error: string | null;
}

export interface VouchersState {
  batches: ReadonlyMap<number, VoucherBatchSummary>;
  loaded: boolean;
  error: string | null;
  open: OpenBatch | null;
}

export const initialVouchersState: VouchersState = { batches: new Map(), loaded: false, error: null, open: null };

/** Voucher batches with live counts and push progress. Pure (no bridge); see vouchers-live.ts. */
export const useVouchersStore = create<VouchersState>(() => initialVouchersState);

let sortedCache: { batches: VouchersState['batches']; result: VoucherBatchSummary[] } | null = null;

export const vouchersSelectors = {
  /** Newest batch first: the one just generated is the one being printed. */
  sorted: (s: VouchersState): VoucherBatchSummary[] => {
    if (sortedCache?.batches === s.batches) return sortedCache.result;
    const result = [...s.batches.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    sortedCache = { batches: s.batches, result };
    return result;
  },
  byId: (id: number) => (s: VouchersState) => s.batches.get(id) ?? null,
  loaded: (s: VouchersState) => s.loaded,
  error: (s: VouchersState) => s.error,
  open: (s: VouchersState) => s.open,
};

const set = useVouchersStore.setState;

/** The listed vouchers with these activations; the code stays the listed one (an event's is masked). */
function withActivated(vouchers: readonly VoucherSummary[], activated: readonly VoucherSummary[]): readonly VoucherSummary[] {
  if (activated.length === 0) return vouchers;
  const byId = new Map(activated.map((v) => [v.id, v]));
  return vouchers.map((v) => {
    const change = byId.get(v.id);
    return change ? { ...v, state: change.state, activatedAt: change.activatedAt, validUntil: change.validUntil, routerId: change.routerId } : v;
  });
}

export const vouchersActions = {
  snapshot(list: readonly VoucherBatchSummary[]) {
    set({ batches: new Map(list.map((b) => [b.id, b])), loaded: true, error: null });
  },
  upsert(batch: VoucherBatchSummary) {
    set((s) => ({ batches: new Map(s.batches).set(batch.id, batch) }));
  },
  /** A voucher's first login: its row in the open batch changes; the batch's counts come with VoucherBatchUpdated. */
  activated(voucher: VoucherSummary) {
    set((s) => {
      const open = s.open;
      if (!open || open.batchId !== voucher.batchId) return {};
      if (!open.vouchers) return { open: { ...open, early: [...open.early, voucher] } };
      return { open: { ...open, vouchers: withActivated(open.vouchers, [voucher]) } };
    });
  },
  /** Applies one event of `tenant.{id}.vouchers` (VoucherSheetReady is the print dialog's). */
  event(name: string, payload: unknown) {
    if (name === 'VoucherBatchCreated' || name === 'VoucherBatchUpdated') vouchersActions.upsert(payload as VoucherBatchSummary);
    else if (name === 'VoucherActivated') {
      const { planName: _planName, ...voucher } = payload as VoucherSummary & { planName: string };
      vouchersActions.activated(voucher);
    }
  },
  failed(message: string) {
    set({ error: message });
  },
  opening(batchId: number) {
    set({ open: { batchId, vouchers: null, early: [], error: null } });
  },
  openLoaded(batchId: number, vouchers: readonly VoucherSummary[]) {
    set((s) => (s.open?.batchId === batchId ? { open: { batchId, vouchers: withActivated(vouchers, s.open.early), early: [], error: null } } : {}));
  },
  openFailed(batchId: number, message: string) {
    set((s) => (s.open?.batchId === batchId ? { open: { ...s.open, error: message } } : {}));
  },
  closed() {
    set({ open: null });
  },
};

export function resetVouchersStore(): void {
  sortedCache = null;
  set(initialVouchersState, true);
}
