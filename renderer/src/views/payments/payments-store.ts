import { create } from 'zustand';
import type { PaymentSummary } from '../../../../main/payments/contract';

export interface PaymentsState {
  payments: ReadonlyMap<number, PaymentSummary>;
  loaded: boolean;
  error: string | null;
}

export const initialPaymentsState: PaymentsState = { payments: new Map(), loaded: false, error: null };

/** The tenant's recent payments by id, unmatched ones included. Pure (no bridge); see payments-live.ts. */
export const usePaymentsStore = create<PaymentsState>(() => initialPaymentsState);

let sortedCache: { payments: PaymentsState['payments']; result: PaymentSummary[] } | null = null;
let unmatchedCache: { sorted: PaymentSummary[]; result: PaymentSummary[] } | null = null;

const sorted = (s: PaymentsState): PaymentSummary[] => {
  if (sortedCache?.payments === s.payments) return sortedCache.result;
  // Newest first, as the cashier reads a till; the id breaks ties within one second.
  const result = [...s.payments.values()].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id - a.id);
  sortedCache = { payments: s.payments, result };
  return result;
};

export const paymentsSelectors = {
  /** Newest first; memoized on the map, so components re-render only when payments change. */
  sorted,
  /** Payments waiting for staff to assign them (memoized). */
  unmatched: (s: PaymentsState): PaymentSummary[] => {
    const all = sorted(s);
    if (unmatchedCache?.sorted === all) return unmatchedCache.result;
    const result = all.filter((p) => p.state === 'unmatched');
    unmatchedCache = { sorted: all, result };
    return result;
  },
  loaded: (s: PaymentsState) => s.loaded,
  error: (s: PaymentsState) => s.error,
};

const set = usePaymentsStore.setState;
const EVENTS: ReadonlySet<string> = new Set(['PaymentReceived', 'PaymentUnmatched', 'PaymentAssigned', 'PaymentReversed']);

/**
 * Every event carries the whole payment, so one the snapshot already covers replays harmlessly.
 * Events mask the payer; a row this person just recorded keeps what its answer showed until then.
 */
export const paymentsActions = {
  snapshot(lists: ReadonlyArray<readonly PaymentSummary[]>) {
    const payments = new Map<number, PaymentSummary>();
    for (const list of lists) for (const p of list) payments.set(p.id, p);
    set({ payments, loaded: true, error: null });
  },
  upsert(payment: PaymentSummary) {
    set((s) => ({ payments: new Map(s.payments).set(payment.id, payment) }));
  },
  /** Applies one event of `tenant.{id}.payments`; other names are ignored. */
  event(name: string, payload: unknown) {
    if (EVENTS.has(name)) paymentsActions.upsert(payload as PaymentSummary);
  },
  failed(message: string) {
    set({ error: message });
  },
};

export function resetPaymentsStore(): void {
  sortedCache = null;
  unmatchedCache = null;
  set(initialPaymentsState, true);
}
