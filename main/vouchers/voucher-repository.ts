import type { ExpiryAction } from '../plans/contract';
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

/**
 * Vouchers found on a router (an import, main/adoption): codes already reserved, in the states
 * the router's comments tell; they are on that router already.
 */
export interface ImportedVoucherBatch {
  tenantId: number;
  planId: number;
  routerId: number;
  comment: string;
  createdBy: number | null;
  vouchers: ReadonlyArray<{ code: string; password: string | null; state: VoucherState; activatedAt: number | null; validUntil: number | null }>;
}

/** A voucher with what a router push or a sheet needs (the password opened). */
export interface VoucherCredentials {
  id: number;
  code: string;
  password: string;
  state: VoucherState;
}

/** A batch as stored, with its plan's name, counts by state and progress per router. */
export type BatchRecord = VoucherBatchSummary;

export interface PushProgress {
  state: BatchPushState;
  pushed: number;
  failed: number;
  /** The first few refusals (the store keeps at most MAX_STORED_FAILURES). */
  failures: Array<{ code: string; message: string }>;
  message: string | null;
}

/** An unused voucher that a login may activate, with the plan its validity comes from. */
export interface ActivationCandidate {
  id: number;
  batchId: number;
  code: string;
  planId: number;
}

/** Where a batch has active vouchers whose plan limits uptime or traffic (the router counts both). */
export interface LimitedActiveVouchers {
  tenantId: number;
  routerId: number;
  batchId: number;
  batchComment: string;
}

/** What a code of a batch looks like: `prefix` then `length` characters of `alphabet`. */
export interface CodeShape {
  prefix: string;
  alphabet: string;
  length: number;
}

/** A spent voucher whose plan's expiry behaviour is still to be applied on a router. */
export interface RouterExpiryItem {
  voucherId: number;
  batchId: number;
  tenantId: number;
  code: string;
  expiry: ExpiryAction;
  /** With expiry `move`: the profile the user moves to. */
  expiredProfile: string | null;
}

/** What one attempt did for a voucher on a router: applied (or nothing left to do), or refused in the router's words. */
export type RouterExpiryOutcome = { voucherId: number; done: true } | { voucherId: number; done: false; message: string };

export interface SheetRecord {
  jobId: number;
  tenantId: number;
  batchId: number;
  fileName: string;
  path: string;
  bytes: number;
}

/** Refusals kept per batch and router: enough to see what the router objects to. */
export const MAX_STORED_FAILURES = 20;

/** Voucher batches and their vouchers, per tenant (null: a system admin, all). Separate passwords are sealed at rest. */
export interface VoucherRepository {
  /** Stores the batch, its vouchers (unused) and a pending progress row per router. */
  insertBatch(batch: NewVoucherBatch, now: number): Promise<BatchRecord>;
  /** Stores vouchers taken over from a router as a batch, pushed there already (its progress `done`). */
  importBatch(batch: ImportedVoucherBatch, now: number): Promise<BatchRecord>;
  batches(tenantId: number | null): Promise<BatchRecord[]>;
  batch(tenantId: number | null, batchId: number): Promise<BatchRecord | null>;
  vouchers(batchId: number): Promise<VoucherSummary[]>;
  credentials(batchId: number, states?: readonly VoucherState[]): Promise<VoucherCredentials[]>;
  setPushProgress(batchId: number, routerId: number, progress: PushProgress, now: number): Promise<void>;
  /** Batches whose push to a router has not finished (pending or pushing): pushed again when it is online. */
  waitingOn(routerId: number): Promise<Array<{ batchId: number; tenantId: number }>>;
  /** The tenant's unused vouchers among `codes` (exact, as the router compares names), in one lookup. */
  unusedByCodes(tenantId: number, codes: readonly string[]): Promise<ActivationCandidate[]>;
  activate(id: number, at: number, validUntil: number | null, routerId: number): Promise<void>;
  /**
   * Active vouchers whose validity ended by `now` become expired; resolves with the batches touched.
   * Their expiry on each router of their batch is queued (pending) in the same step.
   */
  expireDue(now: number): Promise<number[]>;
  limitedActive(): Promise<LimitedActiveVouchers[]>;
  /** Active vouchers of the batch among `codes` become used up (their router-side expiry queued); resolves with how many did. */
  markUsedUp(batchId: number, codes: readonly string[]): Promise<number>;
  /** Routers (with their tenant) that have spent vouchers to expire whose time to try has come; only `routerId` when given. */
  routersWithExpiryDue(now: number, routerId?: number): Promise<Array<{ routerId: number; tenantId: number }>>;
  /** Up to `limit` of a router's spent vouchers still to expire there and due by `now`, by voucher id after `afterVoucherId`. */
  routerExpiryDue(routerId: number, now: number, afterVoucherId: number, limit: number): Promise<RouterExpiryItem[]>;
  /** Records an attempt on a router: done ones are done; refused ones keep pending with the message until `retryAt`. Resolves with the batches touched. */
  settleRouterExpiry(routerId: number, outcomes: readonly RouterExpiryOutcome[], retryAt: number, now: number): Promise<number[]>;
  /** The router cannot be reached: its pending vouchers say why (unchanged message: nothing written). Resolves with the batches touched. */
  routerExpiryWaiting(routerId: number, message: string, now: number): Promise<number[]>;
  /** Login names of the tenant (codes and usernames) that have the shape, compared case-insensitively. */
  namesOfShape(tenantId: number, shape: CodeShape): Promise<number>;
  insertSheet(sheet: SheetRecord, now: number): Promise<void>;
  sheet(tenantId: number | null, jobId: number): Promise<SheetRecord | null>;
  /** Forgets sheets rendered before `cutoff` (their files are deleted by the caller). */
  deleteSheetsBefore(cutoff: number): Promise<void>;
}
