import type { LedgerEntry, LedgerKind, PaymentProvider, PaymentSummary } from '../../../../main/payments/contract';
import type { LocaleSettings } from '../../format/locale';
import { formatAmount } from '../../format/number';

/** A subscriber's account as the page shows it: the ledger, its balance, and the receipts its payments came with. */
export interface SubscriberLedger {
  currency: string;
  /** Newest first: staff read an account from the latest movement down. */
  entries: LedgerEntry[];
  balanceMinor: number;
  /** The receipt of each payment an entry names (a payment or its reversal), by payment id. */
  receipts: ReadonlyMap<number, LedgerReceipt>;
}

export interface LedgerReceipt {
  provider: PaymentProvider;
  reference: string;
}

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  payment: 'Payment',
  reversal: 'Reversal',
  adjustment: 'Adjustment',
  charge: 'Plan charge',
};

/** The answers of `payments.ledger` and `payments.list` for one subscriber as one account. */
export function subscriberLedgerOf(ledger: { currency: string; entries: readonly LedgerEntry[]; balanceMinor: number }, payments: readonly PaymentSummary[]): SubscriberLedger {
  return {
    currency: ledger.currency,
    entries: [...ledger.entries].sort((a, b) => b.id - a.id),
    balanceMinor: ledger.balanceMinor,
    receipts: new Map(payments.map((p) => [p.id, { provider: p.provider, reference: p.reference }])),
  };
}

/**
 * Events that move a subscriber's ledger, each naming it as `subscriberId`: payments received,
 * assigned or reversed and adjustments (`tenant.{id}.payments`), and an extension or renewal,
 * which charges the plan (`SubscriptionExtended` on `tenant.{id}.subscribers`).
 */
const LEDGER_EVENTS: ReadonlySet<string> = new Set(['PaymentReceived', 'PaymentAssigned', 'PaymentReversed', 'LedgerAdjusted', 'SubscriptionExtended']);

/** Whether an event changes this subscriber's ledger (others' payments do not). */
export function ledgerEventConcerns(name: string, payload: unknown, subscriberId: number): boolean {
  return LEDGER_EVENTS.has(name) && (payload as { subscriberId?: unknown } | null)?.subscriberId === subscriberId;
}

/**
 * An entry's amount with its sign always shown (`+Ksh 50.00`, `-Ksh 1,500.00`), in the entry's
 * own currency: a ledger is read as movements in and out.
 */
export function signedAmount(minorUnits: number, currency: string, settings: LocaleSettings): string {
  const shown = formatAmount(minorUnits, { ...settings, currency });
  // A negative amount carries the locale's own minus; a positive one gets its plus here.
  return minorUnits > 0 ? `+${shown}` : shown;
}
