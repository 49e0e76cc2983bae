import type { BatchPushState, VoucherBatchSummary, VoucherCharset, VoucherState, VoucherSummary } from './contract';

export interface NewVoucherBatch {
  tenantId: number;
  planId: number;
  codeLength: number;
  prefix: string;
  charset: VoucherCharset;
  separatePassword: boolean;
  comment: string;
  createdBy: number | null;
  routerIds: number[];
  /** Codes already reserved in the tenant's login names; passwords null when equal to the code. */
  vouchers: Array<{ code: string; password: string | null }>;
}

/** A voucher with what a router push or a sheet needs (the password opened). */
export interface VoucherCredentials {
  id: number;
  code: string;
  password: string;
  state: VoucherState;
}

export type BatchRecord = Omit<VoucherBatchSummary, 'planName'>;

/** Voucher batches and their vouchers, per tenant (null: a system admin, all). Separate passwords are sealed at rest. */
export interface VoucherRepository {
  insertBatch(batch: NewVoucherBatch, now: number): Promise<BatchRecord>;
  batches(tenantId: number | null): Promise<BatchRecord[]>;
  batch(tenantId: number | null, batchId: number): Promise<BatchRecord | null>;
  vouchers(batchId: number): Promise<VoucherSummary[]>;
  credentials(batchId: number, states?: readonly VoucherState[]): Promise<VoucherCredentials[]>;
  setPushProgress(batchId: number, routerId: number, progress: { state: BatchPushState; pushed: number; failed: number; failures: Array<{ code: string; message: string }>; message: string | null }, now: number): Promise<void>;
  /** Batches with work left on a router (pending, pushing or failed): pushed again when it comes back. */
  waitingOn(routerId: number): Promise<Array<{ batchId: number; tenantId: number }>>;
  /** The unused voucher of the tenant with this code, if any. */
  unusedByCode(tenantId: number, code: string): Promise<VoucherSummary | null>;
  activate(id: number, at: number, validUntil: number | null, routerId: number): Promise<void>;
  /** Active vouchers whose validity ended by `now` become expired; resolves with the batches touched. */
  expireDue(now: number): Promise<number[]>;
  /** Batches that are not used up or expired, by plan (a plan in use stays). */
  liveCountByPlan(planId: number): Promise<number>;
}
