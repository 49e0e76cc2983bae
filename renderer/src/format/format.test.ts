import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';
import { formatDuration } from './duration';
import { formatRate } from './rate';
import { formatDateTime } from './date-time';
import { resetLocaleStore, setTenantLocale } from './locale-store';
import { formatAmount, formatNumber } from './number';

const EN_KE = { locale: 'en-KE' };
const DE_DE = { locale: 'de-DE' };

describe('formatBytes', () => {
  it('uses binary units with three significant figures', () => {
    expect(formatBytes(0, EN_KE)).toBe('0 B');
    expect(formatBytes(1536, EN_KE)).toBe('1.50 KiB');
    expect(formatBytes(15 * 1024 * 1024, EN_KE)).toBe('15.0 MiB');
    expect(formatBytes(300 * 1024 ** 3, EN_KE)).toBe('300 GiB');
  });
  it("writes the decimal separator and digit grouping of the tenant's locale, keeping the unit", () => {
    expect(formatBytes(1023, EN_KE)).toBe('1,023 B');
    expect(formatBytes(1023, DE_DE)).toBe('1.023 B');
    expect(formatBytes(1536, DE_DE)).toBe('1,50 KiB');
    expect(formatBytes(15 * 1024 * 1024, DE_DE)).toBe('15,0 MiB');
    expect(formatBytes(1023.5 * 1024 ** 5, EN_KE)).toBe('1,024 PiB');
    expect(formatBytes(1023.5 * 1024 ** 5, DE_DE)).toBe('1.024 PiB');
  });
  it('shows a dash for values that are not counters', () => {
    expect(formatBytes(-1, DE_DE)).toBe('—');
    expect(formatBytes(Number.NaN, EN_KE)).toBe('—');
  });
});

describe('formatRate', () => {
  it('uses decimal bit units', () => {
    expect(formatRate(0, EN_KE)).toBe('0 bps');
    expect(formatRate(999, EN_KE)).toBe('999 bps');
    expect(formatRate(1_250_000, EN_KE)).toBe('1.25 Mbps');
    expect(formatRate(12_500, EN_KE)).toBe('12.5 kbps');
    expect(formatRate(2e9, EN_KE)).toBe('2.00 Gbps');
  });
  it("writes the tenant's decimal separator", () => {
    expect(formatRate(1_250_000, DE_DE)).toBe('1,25 Mbps');
    expect(formatRate(12_500, DE_DE)).toBe('12,5 kbps');
    expect(formatRate(250_000, DE_DE)).toBe('250 kbps');
  });
  it('groups the digits of a rate past the largest unit', () => {
    expect(formatRate(1_500e12, EN_KE)).toBe('1,500 Tbps');
    expect(formatRate(1_500e12, DE_DE)).toBe('1.500 Tbps');
  });
  it('carries a value that rounds to 1000 into the next unit', () => {
    expect(formatRate(999_700, EN_KE)).toBe('1.00 Mbps');
    expect(formatRate(999_700, DE_DE)).toBe('1,00 Mbps');
  });
});

describe('bytes and rates without settings', () => {
  afterEach(resetLocaleStore);
  it('follow the tenant on screen, as the live tables and the dashboard call them', () => {
    setTenantLocale({ tenantId: 1, name: 'Berlin Net', timeZone: 'Europe/Berlin', locale: 'de-DE', currency: 'EUR', logo: null });
    expect(formatBytes(1536)).toBe('1,50 KiB');
    expect(formatRate(1_250_000)).toBe('1,25 Mbps');
    setTenantLocale({ tenantId: 2, name: 'Nairobi Net', timeZone: 'Africa/Nairobi', locale: 'en-KE', currency: 'KES', logo: null });
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatRate(1_250_000)).toBe('1.25 Mbps');
  });
});

describe('formatDuration', () => {
  it('keeps the two largest non-zero units', () => {
    expect(formatDuration(9)).toBe('9s');
    expect(formatDuration(65)).toBe('1m 5s');
    expect(formatDuration(3725)).toBe('1h 2m');
    expect(formatDuration(93784)).toBe('1d 2h');
    expect(formatDuration(86400)).toBe('1d');
    expect(formatDuration(0)).toBe('0s');
  });
  it('separates units with a space, the one duration format of the console', () => {
    expect(formatDuration(315)).toBe('5m 15s');
    expect(formatDuration(2 * 604800 + 4 * 86400)).toBe('18d');
  });
  it('shows a dash for unknown', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
  });
});

/** ICU joins some parts with no-break spaces (U+00A0, U+202F), which differ between ICU versions. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatDateTime', () => {
  const at = '2026-12-02T06:45:05Z';
  it("writes a moment in the tenant's zone and locale, 24-hour where the locale does", () => {
    expect(plain(formatDateTime(at, { locale: 'en-GB', timeZone: 'Africa/Nairobi' }))).toBe('2 Dec 2026, 09:45:05');
    expect(plain(formatDateTime(at, { locale: 'de-DE', timeZone: 'Europe/Berlin' }))).toBe('02.12.2026, 07:45:05');
    expect(plain(formatDateTime(at, { locale: 'en-US', timeZone: 'America/New_York' }))).toBe('Dec 2, 2026, 1:45:05 AM');
  });
  it('crosses the date line with the zone', () => {
    expect(plain(formatDateTime('2026-12-02T23:30:00Z', { locale: 'en-GB', timeZone: 'Pacific/Auckland' }, 'date'))).toBe('3 Dec 2026');
    expect(plain(formatDateTime('2026-12-02T23:30:00Z', { locale: 'en-GB', timeZone: 'UTC' }, 'time'))).toBe('23:30:00');
    expect(formatDateTime('2026-12-02T13:05:00Z', { locale: 'en-US', timeZone: 'Africa/Nairobi' }, 'clock')).toBe('16:05');
  });
  it('takes ISO strings, epoch milliseconds and dates alike, and shows a dash for nothing', () => {
    const settings = { locale: 'en-GB', timeZone: 'UTC' };
    expect(formatDateTime(Date.parse(at), settings)).toBe(formatDateTime(at, settings));
    expect(formatDateTime(new Date(at), settings)).toBe(formatDateTime(at, settings));
    expect(plain(formatDateTime(null, settings))).toBe('—');
    expect(plain(formatDateTime('not a date', settings))).toBe('—');
  });
});

describe('formatNumber and formatAmount', () => {
  it("groups digits the locale's way", () => {
    expect(formatNumber(1234567, { locale: 'en-KE' })).toBe('1,234,567');
    expect(formatNumber(1234567, { locale: 'de-DE' })).toBe('1.234.567');
  });
  it('reads integer minor units in the currency of the tenant', () => {
    expect(plain(formatAmount(150050, { locale: 'en-KE', currency: 'KES' }))).toBe('Ksh 1,500.50');
    expect(plain(formatAmount(150050, { locale: 'de-DE', currency: 'EUR' }))).toBe('1.500,50 €');
    // Yen have no minor unit: the stored integer is the amount.
    expect(plain(formatAmount(1500, { locale: 'ja-JP', currency: 'JPY' }))).toBe('￥1,500');
    expect(plain(formatAmount(1.5, { locale: 'en-KE', currency: 'KES' }))).toBe('—');
  });
});
