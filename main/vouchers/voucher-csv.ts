import type { VoucherCredentials } from './voucher-repository';
import type { VoucherSummary } from './contract';

/**
 * One RFC 4180 field: quoted when it holds a comma, quote or line break, quotes doubled. Every
 * value here is the console's own (codes, plan names that start with a letter or digit, prices,
 * ISO times), so no cell can start a spreadsheet formula.
 */
const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A batch as CSV: one voucher a line, CRLF line ends, a header first. */
export function batchCsv(
  vouchers: readonly VoucherSummary[],
  credentials: ReadonlyMap<number, VoucherCredentials>,
  plan: { name: string; priceText: string },
): string {
  const header = ['code', 'password', 'plan', 'price', 'state', 'valid until'];
  const rows = vouchers.map((v) => [v.code, credentials.get(v.id)?.password ?? v.code, plan.name, plan.priceText, v.state, v.validUntil ?? '']);
  return [header, ...rows].map((cells) => cells.map(field).join(',')).join('\r\n') + '\r\n';
}
