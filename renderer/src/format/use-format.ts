import { useMemo } from 'react';
import { formatDateTime } from './date-time';
import { formatDuration } from './duration';
import { localeSelectors, useLocaleStore } from './locale-store';
import { formatAmount, formatNumber } from './number';

/**
 * The formatters of the tenant on screen, for components: every date, number and amount goes
 * through here so a change of the tenant's locale or time zone re-renders them all.
 */
export function useFormat() {
  const settings = useLocaleStore(localeSelectors.settings);
  return useMemo(
    () => ({
      dateTime: (value: string | number | null | undefined) => formatDateTime(value, settings),
      date: (value: string | number | null | undefined) => formatDateTime(value, settings, 'date'),
      time: (value: string | number | null | undefined) => formatDateTime(value, settings, 'time'),
      clock: (value: string | number | null | undefined) => formatDateTime(value, settings, 'clock'),
      number: (value: number) => formatNumber(value, settings),
      amount: (minorUnits: number) => formatAmount(minorUnits, settings),
      duration: formatDuration,
    }),
    [settings],
  );
}
