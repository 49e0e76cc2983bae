import { cached, type LocaleSettings } from './locale';

/**
 * A counter scaled into its unit, to three significant figures in the locale's digits:
 * en 1.50 · 15.0 · 150 · 1,023; de 1,50 · 15,0 · 150 · 1.023. Fixed fraction digits per
 * magnitude (not Intl's significant digits) so a value at or above 1000 keeps its integer part
 * ("1,023 B", never "1,020 B").
 */
export function significant(value: number, settings: LocaleSettings): string {
  const fractionDigits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return cached(`sig|${settings.locale ?? ''}|${fractionDigits}`, () =>
    new Intl.NumberFormat(settings.locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
  ).format(value);
}
