import type { CsvMapping } from '../../../../main/payments/contract';

export const MAPPING_FIELDS = ['receipt', 'time', 'amount', 'phone', 'account'] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];
export const MAPPING_LABELS: Record<MappingField, string> = { receipt: 'Receipt', time: 'Time', amount: 'Amount', phone: 'Payer phone', account: 'Account' };
const REQUIRED: ReadonlySet<MappingField> = new Set(['receipt', 'time', 'amount']);

/** The column chosen for each field; '' is not chosen. */
export type MappingValues = Record<MappingField, string>;
export const emptyMapping = (): MappingValues => ({ receipt: '', time: '', amount: '', phone: '', account: '' });

export const mappingValuesOf = (mapping: CsvMapping): MappingValues => ({ receipt: mapping.receipt, time: mapping.time, amount: mapping.amount, phone: mapping.phone ?? '', account: mapping.account ?? '' });

/**
 * The mapping to send: none when nothing is chosen (the tenant's saved one applies), else the
 * chosen columns, or which required ones are missing.
 */
export function mappingInputOf(values: MappingValues): { ok: true; mapping: CsvMapping | undefined } | { ok: false; missing: MappingField[] } {
  if (MAPPING_FIELDS.every((f) => values[f] === '')) return { ok: true, mapping: undefined };
  const missing = MAPPING_FIELDS.filter((f) => REQUIRED.has(f) && values[f] === '');
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, mapping: { receipt: values.receipt, time: values.time, amount: values.amount, phone: values.phone || null, account: values.account || null } };
}
