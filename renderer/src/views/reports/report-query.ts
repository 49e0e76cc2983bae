import { revenueInput, type ReportGroup } from '../../../../main/reports/contract';
import { addDays, localDateAt, monthStart, type Granularity, type LocalDate } from '../../../../main/reports/report-calendar-contract';

export const PRESETS = ['today', '7d', '30d', 'month', '12m', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export const PRESET_LABELS: Record<Preset, string> = {
  today: 'Today',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  month: 'This month',
  '12m': 'Last 12 months',
  custom: 'Custom dates',
};

export const GRANULARITY_LABELS: Record<Granularity, string> = { day: 'Days', week: 'Weeks (Monday first)', month: 'Months' };
export const GROUP_LABELS: Record<ReportGroup, string> = { none: 'Total only', plan: 'Plan', router: 'Router', operator: 'Operator' };

/** What the Reports view asks for: dates are days of the tenant's calendar, inclusive. */
export interface ReportQuery {
  preset: Preset;
  from: LocalDate;
  to: LocalDate;
  granularity: Granularity;
  groupBy: ReportGroup;
}

/** Today in the tenant's zone (the browser's own when no tenant is on screen): a Nairobi day, not Berlin's. */
export const todayIn = (timeZone: string | undefined, now = Date.now()): LocalDate =>
  localDateAt(now, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);

/** A preset's range ending today; the twelve months come by month, the rest by day. */
export function presetRange(preset: Exclude<Preset, 'custom'>, today: LocalDate): Pick<ReportQuery, 'from' | 'to' | 'granularity'> {
  switch (preset) {
    case 'today':
      return { from: today, to: today, granularity: 'day' };
    case '7d':
      return { from: addDays(today, -6), to: today, granularity: 'day' };
    case '30d':
      return { from: addDays(today, -29), to: today, granularity: 'day' };
    case 'month':
      return { from: monthStart(today), to: today, granularity: 'day' };
    case '12m':
      return { from: monthStart(today, -11), to: today, granularity: 'month' };
  }
}

export const initialQuery = (today: LocalDate): ReportQuery => ({ preset: '7d', ...presetRange('7d', today), groupBy: 'none' });

/**
 * Why the backend would refuse the query, in its own words (the contract's schema checks it
 * here first, so custom dates are answered as they are typed), or null when it is fine.
 */
export function queryProblem(query: ReportQuery): { field: 'from' | 'to' | 'granularity'; message: string } | null {
  const parsed = revenueInput.safeParse({ from: query.from, to: query.to, granularity: query.granularity, groupBy: query.groupBy });
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const field = issue.path[0] === 'to' ? 'to' : issue.path[0] === 'granularity' ? 'granularity' : 'from';
  return { field, message: issue.message };
}
