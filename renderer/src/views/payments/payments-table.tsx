import type { ReactNode } from 'react';
import type { PaymentProvider, PaymentSummary } from '../../../../main/payments/contract';
import { useFormat } from '../../format/use-format';

export const PROVIDER_LABELS: Record<PaymentProvider, string> = { cash: 'Cash', mpesa: 'M-Pesa', mobile: 'Mobile money', generic: 'Webhook' };

export interface PaymentsTableProps {
  payments: readonly PaymentSummary[];
  testId: string;
  /** The buttons of a row (Assign, Reverse); none: no Actions column. */
  actions?: ((p: PaymentSummary) => ReactNode) | undefined;
}

/** Payments as rows: time in the tenant's zone, amount in its currency, the payer masked as sent. */
export function PaymentsTable({ payments, testId, actions }: PaymentsTableProps) {
  const format = useFormat();
  return (
    <div className="table-box">
      <table className="data-table fit business-table payments-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Provider / receipt</th>
            <th scope="col">Payer</th>
            <th scope="col">Account</th>
            <th scope="col">Subscriber</th>
            <th scope="col">State</th>
            {actions && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {payments.map((p) => (
            <tr key={p.id} data-testid={`${testId}-row-${p.id}`} data-reference={p.reference} data-state={p.state}>
              <td className="stacked">
                <span>{format.dateTime(p.receivedAt)}</span>
                {p.recordedBy && <span className="muted small-text">by {p.recordedBy}</span>}
              </td>
              <td className="num" data-testid={`${testId}-amount-${p.id}`}>
                {format.amount(p.amountMinor)}
              </td>
              <td className="stacked">
                <span>{PROVIDER_LABELS[p.provider]}</span>
                <span className="mono small-text">{p.reference}</span>
              </td>
              <td className="stacked">
                <span>{p.payerPhone ?? '—'}</span>
                {p.payerName && <span className="muted small-text">{p.payerName}</span>}
              </td>
              <td>{p.accountReference ?? '—'}</td>
              <td data-testid={`${testId}-subscriber-${p.id}`}>{p.subscriberUsername ?? <span className="muted">none</span>}</td>
              <td>
                <span className={`payment-state state-${p.state}`} data-testid={`${testId}-state-${p.id}`}>
                  {p.state}
                </span>
              </td>
              {actions && (
                <td className="actions-cell">
                  <div className="actions">{actions(p)}</div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
