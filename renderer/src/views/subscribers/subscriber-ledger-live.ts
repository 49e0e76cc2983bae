import type { InvokeInput, InvokeOutput } from '../../../../main/contract';
import type { ChannelMessage } from '../../../../main/contract/api';
import type { Result } from '../../../../main/contract/errors';
import { api } from '../../bridge/api';
import { toast } from '../../components/toast-store';
import { beginResync } from '../../stores/connection-store';
import { ledgerEventConcerns, subscriberLedgerOf, type SubscriberLedger } from './subscriber-ledger';

/** Receipts of a subscriber's payments looked up for the ledger: more than any one account has. */
const RECEIPTS_LIMIT = 5_000;

/**
 * A subscriber's account: `payments.ledger` and the receipts of its payments on open, and again
 * whenever an event names this subscriber as moving its ledger (see `ledgerEventConcerns`) or a
 * channel reports missed events; no polling. Payment events carry the payment, not the entry and
 * balance, so the page fetches rather than patches. Events that arrive while a fetch runs make
 * one more fetch after it, not one each. Returns the unsubscribe.
 */
export function attachSubscriberLedger(
  tenantId: number,
  subscriberId: number,
  asAdmin: boolean,
  on: { data: (ledger: SubscriberLedger) => void; error: (message: string) => void },
): () => void {
  let active = true;
  let running = false;
  let queued: Array<() => void> | null = null;

  const fetchOnce = async (): Promise<Result<SubscriberLedger>> => {
    const [ledger, payments] = await Promise.all([
      api.invoke('payments.ledger', { subscriberId }),
      api.invoke('payments.list', { subscriberId, limit: RECEIPTS_LIMIT, ...(asAdmin ? { tenantId } : {}) }),
    ]);
    if (!ledger.ok) return ledger;
    // Without the receipts the entries still show; only their receipt column stays empty.
    return { ok: true, data: subscriberLedgerOf(ledger.data, payments.ok ? payments.data.payments : []) };
  };

  const load = (done?: () => void) => {
    if (running) {
      (queued ??= []).push(done ?? (() => {}));
      return;
    }
    running = true;
    void fetchOnce().then((result) => {
      running = false;
      done?.();
      if (active) {
        if (result.ok) on.data(result.data);
        else on.error(result.error.message);
      }
      const waiting = queued;
      queued = null;
      if (waiting && active) load(() => waiting.forEach((d) => d()));
      else waiting?.forEach((d) => d());
    });
  };

  const listener = (message: ChannelMessage) => {
    if (message.kind === 'resync') load(beginResync());
    else if (ledgerEventConcerns(message.name, message.payload, subscriberId)) load();
  };
  const unsubscribes = [api.subscribe(`tenant.${tenantId}.payments`, listener), api.subscribe(`tenant.${tenantId}.subscribers`, listener)];
  load();
  return () => {
    active = false;
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}

export type AdjustResult = Result<InvokeOutput<'payments.adjust'>>;

/** One adjustment, answered with a toast naming the subscriber; the ledger follows by its event. */
export async function adjustBalance(input: InvokeInput<'payments.adjust'>, username: string): Promise<AdjustResult> {
  const result = await api.invoke('payments.adjust', input);
  if (result.ok) toast('ok', `balance of ${username} adjusted`);
  else toast('bad', `could not adjust the balance of ${username}: ${result.error.message}`);
  return result;
}
