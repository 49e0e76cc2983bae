import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';
import { A4_CARDS_PER_PAGE, SHEET_LAYOUTS } from './sheet-contract';

export const VOUCHER_CHARSETS = ['digits', 'letters', 'mixed'] as const;
export type VoucherCharset = (typeof VOUCHER_CHARSETS)[number];

/** unused → active at first login → expired (time) or used up (limits). */
export const VOUCHER_STATES = ['unused', 'active', 'expired', 'used-up'] as const;
export type VoucherState = (typeof VOUCHER_STATES)[number];

/** Spent: the voucher lets no one in any more, and its plan's expiry behaviour goes to its routers. */
export const SPENT_VOUCHER_STATES = ['expired', 'used-up'] as const satisfies readonly VoucherState[];

/**
 * Where a spent voucher's expiry behaviour (its plan's disable, remove or move) stands on its
 * routers: applied and its sessions ended (`done`), not yet applied because the router is offline
 * or its job has not run (`waiting`), or refused by the router (`refused`: tried again later).
 */
export type RouterExpiryState = 'done' | 'waiting' | 'refused';

/** A batch's spent vouchers on one router, by where their expiry behaviour stands. */
export interface BatchRouterExpiry {
  done: number;
  waiting: number;
  refused: number;
  /** Why some wait or were refused (offline, or the router's own words); null when all are done. */
  message: string | null;
}

export const BATCH_PUSH_STATES = ['pending', 'pushing', 'done', 'failed'] as const;
export type BatchPushState = (typeof BATCH_PUSH_STATES)[number];

/** One router's share of a batch: how many of its vouchers are on it. */
export interface BatchRouterProgress {
  routerId: number;
  state: BatchPushState;
  pushed: number;
  total: number;
  /** Vouchers the router refused, with its own words (first few). */
  failures: Array<{ code: string; message: string }>;
  failedCount: number;
  message: string | null;
  updatedAt: string;
  /** Absent until one of the batch's vouchers is spent (expired or used up). */
  expiry?: BatchRouterExpiry;
}

export interface VoucherBatchSummary {
  id: number;
  tenantId: number;
  planId: number;
  planName: string;
  count: number;
  codeLength: number;
  prefix: string;
  charset: VoucherCharset;
  separatePassword: boolean;
  comment: string;
  counts: Record<VoucherState, number>;
  routers: BatchRouterProgress[];
  createdAt: string;
}

export interface VoucherSummary {
  id: number;
  batchId: number;
  code: string;
  state: VoucherState;
  activatedAt: string | null;
  validUntil: string | null;
  routerId: number | null;
  /** A spent voucher's expiry on its batch's routers, the least advanced of them (refused, then waiting); absent otherwise. */
  routerExpiry?: RouterExpiryState;
}

export const voucherBatchInput = z
  .object({
    tenantId: z.number().int().positive().optional(),
    planId: z.number().int().positive(),
    count: z.number().int().min(1, 'at least 1 voucher').max(10_000, 'at most 10,000 vouchers in a batch'),
    codeLength: z.number().int().min(4, 'codes of at least 4 characters').max(16, 'codes of at most 16 characters'),
    prefix: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{0,8}$/, 'a prefix of up to 8 letters or digits')
      .default(''),
    charset: z.enum(VOUCHER_CHARSETS),
    /** False: the code is both username and password (one code to type). */
    separatePassword: z.boolean().default(false),
    comment: z
      .string()
      .trim()
      .max(60, 'a comment of at most 60 characters')
      .regex(/^[^"\\]*$/, 'no quotes or backslashes')
      .default(''),
    /** The plan's routers when omitted; otherwise some of them. */
    routerIds: z.array(z.number().int().positive()).max(1000).optional(),
  })
  .strict();

export const voucherSheetRequest = z
  .object({
    batchId: z.number().int().positive(),
    layout: z.enum(SHEET_LAYOUTS),
    cardsPerPage: z
      .number()
      .int()
      .refine((n) => (A4_CARDS_PER_PAGE as readonly number[]).includes(n), `one of ${A4_CARDS_PER_PAGE.join(', ')}`)
      .default(A4_CARDS_PER_PAGE[1]),
    /** The hotspot's login page, e.g. http://login.wifi/login: the QR code opens it with the credentials. */
    loginUrl: z.url({ protocol: /^https?$/, error: 'the hotspot login page, e.g. http://login.wifi/login' }),
    /** Only these states (default: unused vouchers). */
    states: z.array(z.enum(VOUCHER_STATES)).min(1).default(['unused']),
  })
  .strict();

/** A rendered sheet, ready to download (the host hands out its bytes). */
export interface VoucherSheetReady {
  jobId: number;
  batchId: number;
  fileName: string;
  bytes: number;
  pages: number;
  cards: number;
}

/** One piece of a sheet's bytes; ask again from `offset + bytes` until `done`. */
export interface SheetChunk {
  fileName: string;
  totalBytes: number;
  offset: number;
  base64: string;
  done: boolean;
}

export const SHEET_CHUNK_BYTES = 512 * 1024;

const id = z.number().int().positive();

export const voucherInvokes = {
  'vouchers.batches': defineInvoke<{ batches: VoucherBatchSummary[] }>()({
    input: z.object({ tenantId: id.optional() }).strict(),
    summary: 'Voucher batches of the tenant with live counts (unused, active, expired, used up) and push progress per router.',
  }),
  'vouchers.generate': defineInvoke<VoucherBatchSummary>()({
    input: voucherBatchInput,
    summary: 'Generates a batch of unique codes (stored at once) and queues one push job per router.',
  }),
  'vouchers.list': defineInvoke<{ vouchers: VoucherSummary[] }>()({
    input: z.object({ batchId: id }).strict(),
    summary: 'The vouchers of a batch (codes, state, validity).',
  }),
  'vouchers.export': defineInvoke<{ fileName: string; csv: string }>()({
    input: z.object({ batchId: id }).strict(),
    summary: 'A batch as CSV (code, password, plan, price, state, valid until), for operators and admins.',
  }),
  'vouchers.repush': defineInvoke<{ jobIds: number[] }>()({
    input: z.object({ batchId: id, routerId: id.optional() }).strict(),
    summary: 'Pushes a batch to its routers again (only what is missing is sent).',
  }),
  'vouchers.renderSheet': defineInvoke<{ jobId: number }>()({
    input: voucherSheetRequest,
    summary: 'Queues the PDF voucher sheet of a batch (rendered off the main thread); VoucherSheetReady follows.',
  }),
  'vouchers.downloadSheet': defineInvoke<SheetChunk>()({
    input: z.object({ jobId: id, offset: z.number().int().min(0).default(0) }).strict(),
    summary: 'A rendered sheet (PDF) in chunks of up to 512 KiB from `offset`, for saving, printing or download.',
  }),
};

export const voucherEvents = {
  VoucherBatchCreated: defineEvent<VoucherBatchSummary>()({ scope: 'tenant', topic: 'vouchers', summary: 'A voucher batch was generated.' }),
  VoucherBatchUpdated: defineEvent<VoucherBatchSummary>()({
    scope: 'tenant',
    topic: 'vouchers',
    summary: 'A batch’s counts, push progress or expiry on its routers changed (n of m per router, failures with the router’s words; spent vouchers done or waiting per router).',
  }),
  VoucherActivated: defineEvent<VoucherSummary & { planName: string }>()({
    scope: 'tenant',
    topic: 'vouchers',
    summary: 'A voucher was used for the first time: its validity runs from now.',
  }),
  VoucherSheetReady: defineEvent<VoucherSheetReady>()({ scope: 'tenant', topic: 'vouchers', summary: 'A voucher sheet PDF was rendered.' }),
};
