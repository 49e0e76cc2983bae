import { CsvError, parse } from 'csv-parse/sync';
import { parseMajorAmount } from '../adoption/major-amount';
import { DomainError } from '../contract/errors';
import { REFERENCE, type CsvMapping } from './contract';
import { statementTime } from './payment-time';

const PHONE = /^\+?[0-9][0-9 ()-]{5,20}$/;
/** Rows one file may hold: a month of a busy till, and a preview that still fits a reply. */
export const MAX_STATEMENT_ROWS = 5_000;

/** One data row read with the mapping: its payment fields, or why it cannot be one. */
export type StatementRow =
  | { line: number; ok: true; reference: string; amountMinor: number; receivedAt: number; payerPhone: string | null; accountReference: string | null }
  | { line: number; ok: false; reference: string | null; message: string };

export interface Statement {
  columns: string[];
  rows: StatementRow[];
}

const malformed = (message: string, details?: Record<string, unknown>) => new DomainError('invalid_input', message, details);

/**
 * Reads a CSV statement (header line first) with the tenant's column mapping. A file CSV cannot
 * read at all, or a mapping naming columns the header lacks, is refused whole; a row that is not
 * a payment (no receipt, a withdrawal, a time or amount that does not read) is reported with its
 * line and why.
 */
export function readStatement(csv: string, mapping: CsvMapping, zone: string, minorDigits: number): Statement {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) throw malformed(`The statement is not readable as CSV: ${error.message}. Export it again as CSV (comma-separated, quoted fields).`);
    throw error;
  }
  const [header, ...data] = records;
  if (!header) throw malformed('The statement has no header line: its first line must name the columns.');
  const columns = header.record;
  if (data.length > MAX_STATEMENT_ROWS) throw malformed(`The statement has ${data.length} rows; import at most ${MAX_STATEMENT_ROWS} at a time (split it by date).`);
  const index = (field: keyof CsvMapping): number | null => {
    const name = mapping[field];
    if (name === null) return null;
    const at = columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
    if (at < 0) throw malformed(`The statement has no column '${name}' (mapped to ${field}); its columns are: ${columns.join(', ')}.`, { fields: { [`mapping.${field}`]: 'choose one of the statement’s columns' }, columns });
    return at;
  };
  const at = { receipt: index('receipt')!, time: index('time')!, amount: index('amount')!, phone: index('phone'), account: index('account') };
  return { columns, rows: data.map(({ record, info }) => readRow(record, info.lines, at, zone, minorDigits)) };
}

function readRow(cells: string[], line: number, at: Record<'receipt' | 'time' | 'amount', number> & Record<'phone' | 'account', number | null>, zone: string, minorDigits: number): StatementRow {
  const cell = (i: number | null) => (i === null ? '' : (cells[i] ?? ''));
  const reference = cell(at.receipt);
  const bad = (message: string): StatementRow => ({ line, ok: false, reference: reference || null, message });
  if (!REFERENCE.test(reference)) return bad(reference ? `the receipt '${reference.slice(0, 40)}' is not a receipt number (letters, digits and . _ : / -)` : 'no receipt number');
  const amountText = cell(at.amount);
  if (/^\s*-/.test(amountText)) return bad(`the amount ${amountText} is money paid out, not received`);
  const amountMinor = parseMajorAmount(amountText, minorDigits);
  if (amountMinor === null || amountMinor <= 0) return bad(amountText ? `the amount '${amountText.slice(0, 40)}' is not an amount received (e.g. 1500 or 1,500.00)` : 'no amount');
  const receivedAt = statementTime(cell(at.time), zone);
  if (receivedAt === null) return bad(`the time '${cell(at.time).slice(0, 40)}' does not read as a date and time (e.g. 2024-01-15 14:23:05)`);
  const phone = cell(at.phone);
  if (phone && !PHONE.test(phone)) return bad(`the phone '${phone.slice(0, 40)}' is not a phone number`);
  const account = cell(at.account).slice(0, 100);
  return { line, ok: true, reference, amountMinor, receivedAt, payerPhone: phone || null, accountReference: account || null };
}
