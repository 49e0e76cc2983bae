import { priceText } from '../vouchers/card-texts-contract';
import type { ActivityCell, ActivityReport, RevenueCell, RevenueReport, RevenueSeries } from './contract';
import { bucketLabel } from './report-calendar-contract';

/** A table of the PDF, every cell already words: the worker only lays it out. */
export interface PdfTable {
  caption: string;
  columns: Array<{ header: string; align: 'left' | 'right'; /** Share of the page width. */ weight: number }>;
  rows: string[][];
  footer: string[] | null;
}

/** What the report PDF says (workers/report-pdf/ draws it). */
export interface ReportDocument {
  title: string;
  subtitle: string;
  notes: string[];
  tables: PdfTable[];
}

/** A signed amount exactly from minor units, with the ISO code (`KES 1,500.00`, `-KES 50.00`): the PDF prints Latin fonts. */
export function moneyText(minor: number, currency: string, locale: string): string {
  const text = priceText(Math.abs(minor), currency, locale);
  return minor < 0 ? `-${text}` : text;
}

const GROUP_WORD = { none: 'total', plan: 'plan', router: 'router', operator: 'operator' } as const;
const left = (header: string, weight = 2) => ({ header, align: 'left' as const, weight });
const right = (header: string, weight = 1.3) => ({ header, align: 'right' as const, weight });

function moneyColumns(c: RevenueCell, currency: string, locale: string): string[] {
  const m = (minor: number) => moneyText(minor, currency, locale);
  return [String(c.payments), m(c.receivedMinor), m(c.reversedMinor), String(c.vouchers), m(c.voucherMinor), m(c.totalMinor)];
}
const MONEY_HEADERS = [right('Payments', 0.9), right('Received'), right('Reversed'), right('Vouchers', 0.9), right('Voucher value'), right('Total')];

const activityColumns = (c: ActivityCell) => [c.vouchersIssued, c.vouchersActivated, c.expiries, c.renewals, c.reconnections].map(String);
const ACTIVITY_HEADERS = [right('Vouchers issued', 1.5), right('Vouchers activated', 1.7), right('Expiries'), right('Renewals'), right('Reconnections')];

/**
 * The revenue and activity of a range as one document. Per bucket only the headline (the tenant,
 * or with several tenants their sum per currency) and one row per tenant and group beside it, so
 * an all-tenants year stays a few pages.
 */
export function reportDocument(revenue: RevenueReport, activity: ActivityReport): ReportDocument {
  const single = revenue.tenants.length === 1 ? revenue.tenants[0]! : null;
  const locale = single?.locale ?? 'en';
  const period = (i: number) => bucketLabel(revenue.buckets[i]!, revenue.granularity, locale);
  const tenantName = (id: number | null) => revenue.tenants.find((t) => t.tenantId === id)?.name ?? 'All tenants';
  const headlines = revenue.totals.filter((t) => (single ? t.tenantId === single.tenantId : t.tenantId === null));
  const tables: PdfTable[] = headlines.map((t) => ({
    caption: `Revenue by ${revenue.granularity} (${t.currency})${single ? '' : ', all tenants'}`,
    columns: [left('Period'), ...MONEY_HEADERS],
    rows: t.cells.map((c, i) => [period(i), ...moneyColumns(c, t.currency, locale)]),
    footer: ['Total', ...moneyColumns(t.total, t.currency, locale)],
  }));
  if (!single) {
    tables.push({
      caption: 'Revenue by tenant',
      columns: [left('Tenant'), ...MONEY_HEADERS],
      rows: revenue.totals.filter((t) => t.tenantId !== null).map((t) => [tenantName(t.tenantId), ...moneyColumns(t.total, t.currency, locale)]),
      footer: null,
    });
  }
  if (revenue.groupBy !== 'none') {
    const groupRow = (s: RevenueSeries) => [...(single ? [] : [tenantName(s.tenantId)]), s.label, ...moneyColumns(s.total, s.currency, locale)];
    tables.push({
      caption: `Revenue by ${GROUP_WORD[revenue.groupBy]}`,
      columns: [...(single ? [] : [left('Tenant')]), left(GROUP_WORD[revenue.groupBy].replace(/^./, (c) => c.toUpperCase()), 3), ...MONEY_HEADERS],
      rows: revenue.series.map(groupRow),
      footer: null,
    });
  }
  const headline = activity.series[activity.series.length - 1]!;
  tables.push({
    caption: `Activity by ${activity.granularity}${single ? '' : ', all tenants'}`,
    columns: [left('Period'), ...ACTIVITY_HEADERS],
    rows: headline.cells.map((c, i) => [period(i), ...activityColumns(c)]),
    footer: ['Total', ...activityColumns(headline.total)],
  });
  if (!single) {
    tables.push({
      caption: 'Activity by tenant',
      columns: [left('Tenant'), ...ACTIVITY_HEADERS, right('Active now')],
      rows: activity.series.filter((s) => s.tenantId !== null).map((s) => [s.label, ...activityColumns(s.total), String(s.activeSubscribers)]),
      footer: null,
    });
  }
  const first = bucketLabel({ key: revenue.from, from: revenue.from, to: revenue.from }, 'day', locale);
  const last = bucketLabel({ key: revenue.to, from: revenue.to, to: revenue.to }, 'day', locale);
  const generated = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: single?.timeZone ?? 'UTC' }).format(Date.parse(revenue.generatedAt));
  return {
    title: `${single?.name ?? 'All tenants'}: revenue and activity`,
    subtitle: `${first} to ${last}, by ${revenue.granularity}${revenue.groupBy === 'none' ? '' : ` and ${GROUP_WORD[revenue.groupBy]}`}. Generated ${generated}${single ? ` (${single.timeZone})` : ' UTC'}.`,
    notes: [
      `Subscribers active now: ${headline.activeSubscribers}.`,
      single ? `Days, weeks and months follow the time zone ${single.timeZone}.` : 'Each tenant’s days follow its own time zone; amounts of different currencies are never added together.',
      'Received: payments received in the period, reversed or not; Reversed: taken off on the day of the reversal. Voucher value: vouchers activated in the period at their plan’s price (sold offline).',
      'Renewals: subscriptions extended by a payment or renewed from the balance.',
    ],
    tables,
  };
}
