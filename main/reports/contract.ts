import { z } from 'zod';
import { defineInvoke } from '../contract/define';
import { daysBetween, dateIndex, GRANULARITIES, type Granularity, type LocalDate, type ReportBucket } from './report-calendar-contract';

/**
 * How revenue is split: `plan` by the plan a payment paid for (the plan of the charge it paid,
 * else the subscriber's plan), `router` by the subscriber's first router (vouchers: the router
 * they were used on, else their batch's first router), `operator` by who recorded the payment
 * (webhooks: the provider; vouchers: who generated the batch).
 */
export const REPORT_GROUPS = ['none', 'plan', 'router', 'operator'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/** The longest range of each granularity, in days: a report stays a page of figures, not a data dump. */
export const MAX_RANGE_DAYS: Record<Granularity, number> = { day: 400, week: 3 * 366, month: 5 * 366 };
const RANGE_ADVICE: Record<Granularity, string> = {
  day: 'a daily report covers at most 400 days: choose weeks or months, or a shorter range',
  week: 'a weekly report covers at most 3 years: choose months, or a shorter range',
  month: 'a monthly report covers at most 5 years: choose a shorter range',
};

export interface ReportTenant {
  tenantId: number;
  name: string;
  timeZone: string;
  locale: string;
  currency: string;
}

/**
 * Money of one bucket, integer minor units of the series' currency. `received` is every payment
 * received then (later reversals do not rewrite a closed day); `reversed` is taken off on the day
 * of the reversal; `voucher` is vouchers activated then, at their plan's price (the console sees
 * no money for vouchers: they are sold offline, and a batch stores its plan, not a price).
 */
export interface RevenueCell {
  receivedMinor: number;
  reversedMinor: number;
  /** received − reversed: money through the console. */
  netMinor: number;
  voucherMinor: number;
  /** net + voucher. */
  totalMinor: number;
  payments: number;
  vouchers: number;
}

/** One row of a report: a group (or the total) of one tenant (null: the sum of every tenant) in one currency. */
export interface RevenueSeries {
  tenantId: number | null;
  /** Stable id of the group (`plan:3`, `router:7`, `operator:jane`, `total`); labels may repeat. */
  key: string;
  label: string;
  currency: string;
  /** One per bucket, in the buckets' order. */
  cells: RevenueCell[];
  total: RevenueCell;
}

export interface ReportRange {
  from: LocalDate;
  to: LocalDate;
  granularity: Granularity;
}

export interface RevenueReport extends ReportRange {
  groupBy: ReportGroup;
  buckets: ReportBucket[];
  /** The tenants reported on, each bucketed in its own time zone. */
  tenants: ReportTenant[];
  /** Per tenant, group and currency; the biggest total first. */
  series: RevenueSeries[];
  /**
   * Per tenant and currency the tenant's total; with several tenants also the sum per currency
   * (tenantId null): amounts of different currencies are never added.
   */
  totals: RevenueSeries[];
  generatedAt: string;
}

/** Counts of one bucket. Renewals: subscriptions extended by a payment or renewed from the balance (each charges the plan). */
export interface ActivityCell {
  vouchersIssued: number;
  vouchersActivated: number;
  expiries: number;
  renewals: number;
  reconnections: number;
}

export interface ActivitySeries {
  tenantId: number | null;
  label: string;
  cells: ActivityCell[];
  total: ActivityCell;
  /** Subscribers active now (not per bucket: the store keeps no past head counts). */
  activeSubscribers: number;
}

export interface ActivityReport extends ReportRange {
  buckets: ReportBucket[];
  tenants: ReportTenant[];
  /** One per tenant; with several tenants also their sum (tenantId null), last. */
  series: ActivitySeries[];
  generatedAt: string;
}

export interface ReportPdf {
  fileName: string;
  base64: string;
  bytes: number;
  pages: number;
}

const localDate = (what: string) => z.string().refine((v) => dateIndex(v) !== null, `${what}: a date such as 2026-12-02 (YYYY-MM-DD)`);

const rangeShape = {
  /** Omitted by a system admin: every tenant, and the sum. Tenant users always get their own. */
  tenantId: z.number().int().positive().optional(),
  /** First and last day (inclusive) in the tenant's own calendar and time zone. */
  from: localDate('the first day'),
  to: localDate('the last day'),
  granularity: z.enum(GRANULARITIES).default('day'),
};

function checkRange(r: { from: string; to: string; granularity: Granularity }, ctx: z.RefinementCtx): void {
  if (dateIndex(r.from) === null || dateIndex(r.to) === null) return;
  const days = daysBetween(r.from, r.to) + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'the last day comes before the first: swap them' });
  else if (days > MAX_RANGE_DAYS[r.granularity]) ctx.addIssue({ code: 'custom', path: ['from'], message: RANGE_ADVICE[r.granularity] });
}

export const activityInput = z.object(rangeShape).strict().superRefine(checkRange);
export const revenueInput = z
  .object({ ...rangeShape, groupBy: z.enum(REPORT_GROUPS).default('none') })
  .strict()
  .superRefine(checkRange);

export const reportInvokes = {
  'reports.revenue': defineInvoke<RevenueReport>()({
    input: revenueInput,
    summary: 'Money received per day, ISO week or month in the tenant’s time zone, optionally per plan, router or operator (system admins: every tenant and the sum per currency).',
  }),
  'reports.activity': defineInvoke<ActivityReport>()({
    input: activityInput,
    summary: 'Vouchers issued and activated, expiries, renewals and reconnections per bucket, and the subscribers active now.',
  }),
  'reports.pdf': defineInvoke<ReportPdf>()({
    input: revenueInput,
    summary: 'The revenue and activity reports of a range as one PDF (rendered off the main thread), base64.',
  }),
};
