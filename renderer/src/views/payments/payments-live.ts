import type { InvokeInput } from '../../../../main/contract';
import type { Result } from '../../../../main/contract/errors';
import type { CsvImportResult, PaymentSummary } from '../../../../main/payments/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { toast } from '../../components/toast-store';
import { paymentsActions, resetPaymentsStore } from './payments-store';

/** How many recent payments the list holds: a day or two of a busy tenant, small enough to render. */
const RECENT_PAYMENTS = 500;

/**
 * Payments: one `payments.list` and one `payments.unmatched` (older unmatched ones may be past the
 * recent list), then PaymentReceived / Unmatched / Assigned / Reversed on `tenant.{id}.payments`.
 */
export function attachPayments(tenantId: number, asAdmin: boolean): () => void {
  resetPaymentsStore();
  const scope = asAdmin ? { tenantId } : {};
  return attachLiveChannel<PaymentSummary[][]>({
    channel: `tenant.${tenantId}.payments`,
    fetchSnapshot: async () => {
      const [recent, unmatched] = await Promise.all([api.invoke('payments.list', { ...scope, limit: RECENT_PAYMENTS }), api.invoke('payments.unmatched', scope)]);
      if (!recent.ok) return recent;
      if (!unmatched.ok) return unmatched;
      return { ok: true, data: [recent.data.payments, unmatched.data.payments] };
    },
    onSnapshot: paymentsActions.snapshot,
    onEvent: paymentsActions.event,
    onError: paymentsActions.failed,
  });
}

/** The answer to this person's action, naming the receipt: events from others change the list silently. */
function answer<T>(result: Result<T>, done: string, attempt: string): Result<T> {
  if (result.ok) toast('ok', done);
  else toast('bad', `could not ${attempt}: ${result.error.message}`);
  return result;
}

/** The recorded payment goes into the list at once; its event repeats it harmlessly. */
export async function recordPayment(input: InvokeInput<'payments.record'>, username: string): Promise<Result<PaymentSummary>> {
  const result = await api.invoke('payments.record', input);
  if (result.ok) paymentsActions.upsert(result.data);
  const receipt = result.ok ? result.data.reference : (input.reference ?? 'cash');
  const done = result.ok && result.data.duplicate ? `receipt ${receipt} was already recorded: nothing added` : `payment ${receipt} recorded for ${username}`;
  return answer(result, done, `record the payment for ${username}`);
}

export async function assignPayment(payment: PaymentSummary, subscriberId: number, username: string): Promise<Result<PaymentSummary>> {
  const result = await api.invoke('payments.assign', { id: payment.id, subscriberId });
  if (result.ok) paymentsActions.upsert(result.data);
  return answer(result, `payment ${payment.reference} assigned to ${username}`, `assign payment ${payment.reference}`);
}

export async function reversePayment(payment: PaymentSummary, reason: string): Promise<Result<PaymentSummary>> {
  const result = await api.invoke('payments.reverse', { id: payment.id, reason });
  if (result.ok) paymentsActions.upsert(result.data);
  return answer(result, `payment ${payment.reference} reversed`, `reverse payment ${payment.reference}`);
}

/** A dry run answers only in the dialog; the real import also toasts, since it changes money. */
export async function importStatement(input: InvokeInput<'payments.importCsv'>): Promise<Result<CsvImportResult>> {
  const result = await api.invoke('payments.importCsv', input);
  if (input.dryRun) return result;
  return answer(result, `statement imported: ${result.ok ? result.data.imported : 0} payments`, 'import the statement');
}
