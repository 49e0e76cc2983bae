import type { BusinessTx } from '../business/business-tx';
import { currencyMinorDigits } from '../adoption/major-amount';
import { DomainError } from '../contract/errors';
import type { EventBus } from '../events/event-bus';
import type { CsvImportResult, CsvImportRow, CsvMapping, PaymentProvider } from './contract';
import { readStatement } from './csv-statement';
import { matchAccount, recordPayment } from './payment-recording';

export interface CsvImportRequest {
  tenantId: number;
  csv: string;
  provider: PaymentProvider;
  mapping: CsvMapping | undefined;
  dryRun: boolean;
  by: string | null;
}

const count = (rows: readonly CsvImportRow[], state: CsvImportRow['state']) => rows.filter((r) => r.state === state).length;

/**
 * A statement previewed (a dry run: reads only) or imported. Each row is reported: new, a
 * receipt already recorded (or earlier in the file), or invalid with why. A real run with any
 * invalid row imports nothing, and otherwise imports every new row in the caller's one
 * transaction, saving the mapping for the tenant's next statement.
 */
export async function importStatement(tx: BusinessTx, bus: Pick<EventBus, 'publish'>, request: CsvImportRequest): Promise<CsvImportResult> {
  const { tenantId, provider } = request;
  const settings = await tx.tenants.settings(tenantId);
  const mapping = request.mapping ?? (await tx.paymentSettings.csvMapping(tenantId));
  if (mapping === null) {
    throw new DomainError('invalid_input', 'Map the statement’s columns first (receipt, time, amount, payer phone, account): this tenant has no saved mapping yet.', { fields: { mapping: 'required for the first import' } });
  }
  const statement = readStatement(request.csv, mapping, settings.timeZone, currencyMinorDigits(settings.currency));
  const seen = new Set<string>();
  const rows: CsvImportRow[] = [];
  for (const row of statement.rows) {
    if (!row.ok) {
      rows.push({ line: row.line, state: 'invalid', reference: row.reference, amountMinor: null, receivedAt: null, payerPhone: null, accountReference: null, subscriberId: null, message: row.message });
      continue;
    }
    const duplicate = seen.has(row.reference) || (await tx.payments.byReference(tenantId, provider, row.reference)) !== null;
    seen.add(row.reference);
    rows.push({
      line: row.line,
      state: duplicate ? 'duplicate' : 'new',
      reference: row.reference,
      amountMinor: row.amountMinor,
      receivedAt: new Date(row.receivedAt).toISOString(),
      payerPhone: row.payerPhone,
      accountReference: row.accountReference,
      subscriberId: await matchAccount(tx, tenantId, row.accountReference),
      message: duplicate ? 'this receipt is recorded already' : null,
    });
  }
  const counts = { new: count(rows, 'new'), duplicate: count(rows, 'duplicate'), invalid: count(rows, 'invalid') };
  const result = { dryRun: request.dryRun, columns: statement.columns, mapping, rows, counts, imported: 0 };
  if (request.dryRun) return result;
  if (counts.invalid > 0) {
    const invalid = rows.filter((r) => r.state === 'invalid').map((r) => ({ line: r.line, message: r.message }));
    throw new DomainError('invalid_input', `${counts.invalid} row(s) of the statement are invalid (first: line ${invalid[0]!.line}, ${invalid[0]!.message}): nothing was imported. Fix them, or remove them, and import again.`, { rows: invalid });
  }
  const now = Date.now();
  for (const row of statement.rows) {
    if (!row.ok) continue;
    const { duplicate } = await recordPayment(
      tx,
      bus,
      { tenantId, provider, reference: row.reference, amountMinor: row.amountMinor, currency: settings.currency, payerPhone: row.payerPhone, payerName: null, accountReference: row.accountReference, receivedAt: row.receivedAt, source: 'csv', recordedBy: request.by },
      now,
    );
    if (!duplicate) result.imported++;
  }
  await tx.paymentSettings.saveCsvMapping(tenantId, mapping);
  return result;
}
