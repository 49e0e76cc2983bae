import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';

/**
 * Where a payment came from. `cash` is taken by hand; `mpesa` receipts arrive by webhook, in a
 * statement or typed by hand, and one receipt is one payment whichever way it came; `mobile` is
 * other mobile money; `generic` is the documented JSON webhook of any other provider.
 */
export const PAYMENT_PROVIDERS = ['cash', 'mpesa', 'mobile', 'generic'] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];
/** Providers that post to the webhook endpoint (docs/protocol.md, "Payment webhooks"). */
export const WEBHOOK_PROVIDERS = ['generic', 'mpesa'] as const;
export type WebhookProvider = (typeof WEBHOOK_PROVIDERS)[number];

export const PAYMENT_STATES = ['matched', 'unmatched', 'reversed'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];
export const PAYMENT_SOURCES = ['manual', 'csv', 'webhook'] as const;
export type PaymentSource = (typeof PAYMENT_SOURCES)[number];
/**
 * `charge` is a plan's price taken from the balance when a subscription is extended (by a
 * payment, or renewed from the balance); `adjustment` is staff's correction, with a note.
 */
export const LEDGER_KINDS = ['payment', 'reversal', 'adjustment', 'charge'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * A payment as lists and events show it. In events (and to viewers) the payer's phone, name and
 * an account reference or subscriber login that is a phone number or email are masked.
 */
export interface PaymentSummary {
  id: number;
  tenantId: number;
  provider: PaymentProvider;
  /** The provider's receipt (M-Pesa `TransID`): unique per tenant and provider. */
  reference: string;
  /** Integer minor units of `currency` (cents): never a float. */
  amountMinor: number;
  currency: string;
  payerPhone: string | null;
  payerName: string | null;
  /** What the payer typed as the account (M-Pesa `BillRefNumber`): a username or phone. */
  accountReference: string | null;
  receivedAt: string;
  subscriberId: number | null;
  subscriberUsername: string | null;
  state: PaymentState;
  source: PaymentSource;
  /** Who recorded it by hand or imported it; null for webhooks. */
  recordedBy: string | null;
  createdAt: string;
}

export interface LedgerEntry {
  id: number;
  subscriberId: number;
  kind: LedgerKind;
  /** Signed minor units: a payment adds, a reversal and a charge take away. */
  amountMinor: number;
  currency: string;
  paymentId: number | null;
  note: string | null;
  at: string;
  by: string | null;
}

/** The columns of a statement that hold each field (header names as in the file's first line). */
export const csvMappingSchema = z
  .object({
    receipt: z.string().trim().min(1, 'the column of the receipt number').max(100),
    time: z.string().trim().min(1, 'the column of the payment time').max(100),
    amount: z.string().trim().min(1, 'the column of the amount').max(100),
    phone: z.string().trim().min(1).max(100).nullable(),
    account: z.string().trim().min(1).max(100).nullable(),
  })
  .strict();
export type CsvMapping = z.output<typeof csvMappingSchema>;

export const CSV_ROW_STATES = ['new', 'duplicate', 'invalid'] as const;
export type CsvRowState = (typeof CSV_ROW_STATES)[number];

/** One data row of a statement, reported one by one (line numbers as in the file). */
export interface CsvImportRow {
  line: number;
  state: CsvRowState;
  reference: string | null;
  amountMinor: number | null;
  receivedAt: string | null;
  payerPhone: string | null;
  accountReference: string | null;
  /** The subscriber the account reference matches; null: it will wait unmatched. */
  subscriberId: number | null;
  /** Why the row is invalid, in words to fix it by. */
  message: string | null;
}

export interface CsvImportResult {
  dryRun: boolean;
  columns: string[];
  mapping: CsvMapping;
  rows: CsvImportRow[];
  counts: Record<CsvRowState, number>;
  /** Payments written (0 on a dry run). */
  imported: number;
}

export interface WebhookSettings {
  configured: boolean;
  rotatedAt: string | null;
  /** Paths on the console server, one per provider (`/hooks/payments/{tenantId}/{provider}`). */
  paths: Record<WebhookProvider, string>;
}

const id = z.number().int().positive();
const amountMinor = z.number().int('an amount in whole minor units (cents)').min(1, 'more than nothing').max(1_000_000_000_000);
const PHONE = /^\+?[0-9][0-9 ()-]{5,20}$/;
/** Receipts are codes (M-Pesa `QK71ABC2XY`), never free text. */
export const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,79}$/;

export const paymentListInput = z
  .object({
    tenantId: id.optional(),
    state: z.enum(PAYMENT_STATES).optional(),
    subscriberId: id.optional(),
    provider: z.enum(PAYMENT_PROVIDERS).optional(),
    /** A receipt, account reference or payer phone, anywhere in it (case-insensitive). */
    search: z.string().trim().max(100).default(''),
    limit: z.number().int().min(1).max(5_000).default(500),
  })
  .strict();

export const paymentRecordInput = z
  .object({
    tenantId: id.optional(),
    subscriberId: id,
    provider: z.enum(['cash', 'mpesa', 'mobile']),
    /** The receipt; for cash without one the console makes one up. */
    reference: z.string().trim().regex(REFERENCE, 'a receipt number: letters, digits and . _ : / -, up to 80').optional(),
    amountMinor,
    payerPhone: z.string().trim().regex(PHONE, 'a phone number: digits, spaces or dashes, optionally starting with + and the country code').nullable().default(null),
    receivedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.provider !== 'cash' && p.reference === undefined) ctx.addIssue({ code: 'custom', path: ['reference'], message: 'enter the receipt number of the mobile money payment' });
  });

export const paymentImportInput = z
  .object({
    tenantId: id.optional(),
    csv: z.string().min(1, 'the statement is empty').max(240_000, 'at most 240,000 characters: split the statement'),
    provider: z.enum(['mpesa', 'mobile', 'generic']).default('mpesa'),
    /** Omitted: the mapping saved by the tenant's last import. */
    mapping: csvMappingSchema.optional(),
    dryRun: z.boolean().default(true),
  })
  .strict();

/**
 * A staff correction of a subscriber's balance (admins): a signed amount (negative takes from the
 * balance) and the reason, which the ledger and the audit keep.
 */
export const ledgerAdjustInput = z
  .object({
    tenantId: id.optional(),
    subscriberId: id,
    amountMinor: z
      .number()
      .int('a whole number of minor units (cents), no fractions')
      .min(-1_000_000_000_000)
      .max(1_000_000_000_000)
      .refine((v) => v !== 0, 'an adjustment of nothing changes nothing: enter an amount, negative to take from the balance'),
    note: z.string().trim().min(3, 'say why the balance changes (at least 3 characters)').max(500, 'at most 500 characters'),
  })
  .strict();

/** What `LedgerAdjusted` carries: no note (free text may hold a phone or email), the actor masked. */
export interface LedgerAdjustedEvent {
  subscriberId: number;
  entryId: number;
  amountMinor: number;
  currency: string;
  balanceMinor: number;
  by: string | null;
}

export const paymentInvokes = {
  'payments.list': defineInvoke<{ payments: PaymentSummary[] }>()({
    input: paymentListInput,
    summary: 'Recent payments of the tenant, newest first, filtered (payer masked for viewers).',
  }),
  'payments.unmatched': defineInvoke<{ payments: PaymentSummary[] }>()({
    input: z.object({ tenantId: id.optional(), limit: z.number().int().min(1).max(5_000).default(500) }).strict(),
    summary: 'Payments whose account reference matched no subscriber, waiting for staff to assign them.',
  }),
  'payments.record': defineInvoke<PaymentSummary & { duplicate: boolean }>()({
    input: paymentRecordInput,
    summary: 'Records a cash or mobile money payment taken by hand for a subscriber (a receipt already recorded is not recorded twice).',
  }),
  'payments.assign': defineInvoke<PaymentSummary>()({
    input: z.object({ id, subscriberId: id }).strict(),
    summary: 'Assigns an unmatched payment to a subscriber: it enters the subscriber’s ledger.',
  }),
  'payments.reverse': defineInvoke<PaymentSummary>()({
    input: z.object({ id, reason: z.string().trim().min(3, 'say why the payment is reversed').max(500) }).strict(),
    summary: 'Reverses a payment (admins): a reversal entry in the ledger, never a delete; audited.',
  }),
  'payments.ledger': defineInvoke<{ subscriberId: number; currency: string; entries: LedgerEntry[]; balanceMinor: number }>()({
    input: z.object({ subscriberId: id }).strict(),
    summary: 'A subscriber’s ledger, oldest first, and its balance (the sum of the entries).',
  }),
  'payments.importCsv': defineInvoke<CsvImportResult>()({
    input: paymentImportInput,
    summary: 'Imports a CSV statement: a dry run previews it row by row; a real run imports the whole file in one transaction or nothing, and saves the column mapping.',
  }),
  'payments.webhookSettings': defineInvoke<WebhookSettings>()({
    input: z.object({ tenantId: id.optional() }).strict(),
    summary: 'Whether the tenant’s payment webhooks have a secret, and their paths (admins).',
  }),
  'payments.rotateWebhookSecret': defineInvoke<WebhookSettings & { secret: string }>()({
    input: z.object({ tenantId: id.optional() }).strict(),
    summary: 'Makes a new webhook signing secret (admins); shown this once, sealed at rest; the old one stops working.',
  }),
  'payments.adjust': defineInvoke<{ entry: LedgerEntry; balanceMinor: number; currency: string }>()({
    input: ledgerAdjustInput,
    summary: 'Corrects a subscriber’s balance (admins): one adjustment entry with its reason in the ledger, never an edit; audited.',
  }),
};

export const paymentEvents = {
  PaymentReceived: defineEvent<PaymentSummary>()({ scope: 'tenant', topic: 'payments', summary: 'A payment was recorded and matched to a subscriber (payer masked).' }),
  PaymentUnmatched: defineEvent<PaymentSummary>()({ scope: 'tenant', topic: 'payments', summary: 'A payment matched no subscriber and waits for staff (payer masked).' }),
  PaymentAssigned: defineEvent<PaymentSummary>()({ scope: 'tenant', topic: 'payments', summary: 'Staff assigned an unmatched payment to a subscriber (payer masked).' }),
  PaymentReversed: defineEvent<PaymentSummary>()({ scope: 'tenant', topic: 'payments', summary: 'An admin reversed a payment (payer masked).' }),
  LedgerAdjusted: defineEvent<LedgerAdjustedEvent>()({ scope: 'tenant', topic: 'payments', summary: 'An admin adjusted a subscriber’s balance: the entry’s amount and the new balance (no note).' }),
};
