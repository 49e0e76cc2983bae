import type { PaymentProvider, PaymentState, PaymentSummary } from './contract';

/** A payment as stored, payer in full (mask before broadcasting). */
export type PaymentRecord = PaymentSummary;

/** A payment to store: the summary's own fields, its time as epoch ms (id, state and stamps come from the store). */
export type NewPayment = Pick<
  PaymentSummary,
  'tenantId' | 'provider' | 'reference' | 'amountMinor' | 'currency' | 'payerPhone' | 'payerName' | 'accountReference' | 'subscriberId' | 'source' | 'recordedBy'
> & { receivedAt: number };

export interface PaymentFilter {
  state?: PaymentState;
  subscriberId?: number;
  provider?: PaymentProvider;
  search?: string;
  limit: number;
}

/** Payments of tenants (null tenant: a system admin, all), idempotent by provider reference. */
export interface PaymentRepository {
  list(tenantId: number | null, filter: PaymentFilter): Promise<PaymentRecord[]>;
  get(tenantId: number | null, id: number): Promise<PaymentRecord | null>;
  byReference(tenantId: number, provider: PaymentProvider, reference: string): Promise<PaymentRecord | null>;
  insert(payment: NewPayment, now: number): Promise<PaymentRecord>;
  /** Assigns (unmatched → matched) or reverses a payment. */
  setState(id: number, state: PaymentState, subscriberId: number | null): Promise<PaymentRecord>;
  /**
   * Marks a matched payment applied to its subscription; false when it was already (the apply
   * step ran before a crash): the one guard that makes applying a payment happen once.
   */
  markApplied(id: number, at: number): Promise<boolean>;
  /** Matched payments of the tenant not yet applied, oldest first. */
  toApply(tenantId: number, limit: number): Promise<number[]>;
  /** Tenants with a matched payment received before `before` and still not applied (a missed apply job). */
  tenantsWithUnapplied(createdBefore: number): Promise<number[]>;
  /** The subscriber of the tenant with this login name (case-insensitive), or null. */
  subscriberByLogin(tenantId: number, username: string): Promise<number | null>;
  /** Subscribers of the tenant whose phone has this key (phone-key.ts): one is a match, several are not. */
  subscribersByPhoneKey(tenantId: number, key: string): Promise<number[]>;
}
