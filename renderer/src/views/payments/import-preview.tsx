import type { CsvImportResult } from '../../../../main/payments/contract';
import { useFormat } from '../../format/use-format';

/** The dry run row by row: what will be imported, what is there already, and what is wrong and why. */
export function ImportPreview({ result }: { result: CsvImportResult }) {
  const format = useFormat();
  return (
    <>
      <p role="status" data-testid="import-counts">
        {result.counts.new} new, {result.counts.duplicate} already recorded, {result.counts.invalid} invalid
        {result.counts.invalid > 0 ? ': fix the invalid rows, the statement is imported whole or not at all.' : '.'}
      </p>
      <div className="table-box import-preview">
        <table className="data-table fit" data-testid="import-preview">
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">State</th>
              <th scope="col">Receipt</th>
              <th scope="col">Time</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Account</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.line} className={`import-${r.state}`} data-testid={`import-row-${r.line}`} data-state={r.state}>
                <td className="num">{r.line}</td>
                <td>
                  <span className={`payment-state state-${r.state}`}>{r.state}</span>
                </td>
                <td className="mono">{r.reference ?? '—'}</td>
                <td>{r.receivedAt ? format.dateTime(r.receivedAt) : '—'}</td>
                <td className="num">{r.amountMinor === null ? '—' : format.amount(r.amountMinor)}</td>
                <td>{r.accountReference ?? '—'}</td>
                <td data-testid={`import-row-${r.line}-message`}>{r.message ?? (r.state === 'new' ? (r.subscriberId === null ? 'will wait unmatched' : 'matches a subscriber') : '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
