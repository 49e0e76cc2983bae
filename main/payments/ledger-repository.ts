import type { LedgerEntry, LedgerKind } from './contract';

export interface NewLedgerEntry {
  tenantId: number;
  subscriberId: number;
  kind: LedgerKind;
  amountMinor: number;
  currency: string;
  paymentId: number | null;
  note: string | null;
  by: string | null;
  /** The plan a charge bought (reports group revenue by it); absent for other kinds. */
  planId?: number | null;
}

/**
 * The append-only ledger of each subscriber: entries are added, never changed or deleted (the
 * store refuses both), and a balance is their sum, never a field someone edits.
 */
export interface LedgerRepository {
  append(entry: NewLedgerEntry, at: number): Promise<LedgerEntry>;
  entries(tenantId: number, subscriberId: number): Promise<LedgerEntry[]>;
  balance(tenantId: number, subscriberId: number): Promise<number>;
}
