import { cached, type LocaleSettings } from './locale';

export type DateTimeStyle = 'date-time' | 'date' | 'time' | 'clock';

const OPTIONS: Record<DateTimeStyle, Intl.DateTimeFormatOptions> = {
  // "medium" dates name the month ("2 Dec 2026", "Dec 2, 2026"): never the ambiguous 12/2/2026.
  'date-time': { dateStyle: 'medium', timeStyle: 'medium' },
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'medium' },
  // A compact 24-hour "since 13:45" beside an alert, where the date is today's and AM/PM would crowd the line.
  clock: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

/**
 * A moment in the tenant's locale and time zone, 24-hour or 12-hour as that locale writes it:
 * en-GB "2 Dec 2026, 09:45:05", de-DE "02.12.2026, 09:45:05". A missing or unreadable value is "—".
 */
export function formatDateTime(value: string | number | Date | null | undefined, settings: LocaleSettings = {}, style: DateTimeStyle = 'date-time'): string {
  if (value === null || value === undefined) return '—';
  const at = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(at)) return '—';
  const { locale, timeZone } = settings;
  return cached(`dt|${style}|${locale ?? ''}|${timeZone ?? ''}`, () => new Intl.DateTimeFormat(locale, { ...OPTIONS[style], timeZone })).format(at);
}
