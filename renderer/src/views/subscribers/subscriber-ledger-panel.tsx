import { useCallback, useEffect, useState } from 'react';
import { localeSelectors, useLocaleStore } from '../../format/locale-store';
import { formatAmount } from '../../format/number';
import { useFormat } from '../../format/use-format';
import { useStale } from '../../stores/connection-store';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { PROVIDER_LABELS } from '../payments/payments-table';
import { LEDGER_KIND_LABELS, signedAmount, type SubscriberLedger } from './subscriber-ledger';
import { AdjustDialog } from './subscriber-ledger-adjust-dialog';
import { attachSubscriberLedger } from './subscriber-ledger-live';
import '../../styles/subscriber-ledger.css';

export interface SubscriberLedgerPanelProps {
  tenantId: number;
  subscriberId: number;
  username: string;
  /** The signed-in user is a system admin: invokes name the tenant. */
  asAdmin: boolean;
  /** Nothing more is written to a deleted subscriber. */
  deleted: boolean;
}

/**
 * The "Account" panel of a subscriber: the balance (a sum of the ledger, in the tenant's
 * currency), every entry newest first with its date in the tenant's zone, and "Adjust balance"
 * for admins. Live through events only: see subscriber-ledger-live.ts.
 */
export function SubscriberLedgerPanel({ tenantId, subscriberId, username, asAdmin, deleted }: SubscriberLedgerPanelProps) {
  const [ledger, setLedger] = useState<SubscriberLedger | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const format = useFormat();
  const settings = useLocaleStore(localeSelectors.settings);
  const stale = useStale();
  // Adjusting is the admins' (main/auth/permissions.ts): others read the account.
  const canAdjust = useSessionStore(sessionSelectors.canAdminister);
  const close = useCallback(() => setAdjusting(false), []);

  useEffect(() => {
    setLedger(null);
    setError(null);
    return attachSubscriberLedger(tenantId, subscriberId, asAdmin, {
      data: (next) => {
        setLedger(next);
        setError(null);
      },
      error: setError,
    });
  }, [tenantId, subscriberId, asAdmin]);

  return (
    <section className="ledger-panel" aria-labelledby={`ledger-title-${subscriberId}`} data-testid="subscriber-ledger">
      <div className="toolbar">
        <h2 className="section-title" id={`ledger-title-${subscriberId}`}>
          Account
        </h2>
        {ledger && (
          <span className="ledger-balance" data-negative={ledger.balanceMinor < 0}>
            Balance{' '}
            <strong data-testid="subscriber-balance" data-minor={ledger.balanceMinor}>
              {formatAmount(ledger.balanceMinor, { ...settings, currency: ledger.currency })}
            </strong>
          </span>
        )}
        <span className="spacer" />
        {canAdjust && ledger && !deleted && (
          <button type="button" className="small" disabled={stale} onClick={() => setAdjusting(true)} data-testid="subscriber-adjust">
            Adjust balance
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert" data-testid="subscriber-ledger-error">
          {error}
        </p>
      )}
      {!ledger ? (
        !error && <p className="muted">Loading the account…</p>
      ) : ledger.entries.length === 0 ? (
        <p className="muted" data-testid="subscriber-ledger-empty">
          No payments or adjustments yet.
        </p>
      ) : (
        <div className="table-box">
          <table className="data-table fit business-table ledger-table" data-testid="subscriber-ledger-table">
            <caption className="ledger-caption">Ledger of {username}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Receipt</th>
                <th scope="col">Note</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {ledger.entries.map((e) => {
                const receipt = e.paymentId === null ? undefined : ledger.receipts.get(e.paymentId);
                return (
                  <tr key={e.id} data-testid={`ledger-row-${e.id}`} data-kind={e.kind} data-minor={e.amountMinor}>
                    <td>
                      <time dateTime={e.at}>{format.dateTime(e.at)}</time>
                    </td>
                    <td>{LEDGER_KIND_LABELS[e.kind]}</td>
                    <td className="num ledger-amount" data-negative={e.amountMinor < 0} data-testid={`ledger-amount-${e.id}`}>
                      {signedAmount(e.amountMinor, e.currency, settings)}
                    </td>
                    <td className="stacked">
                      {receipt ? (
                        <>
                          <span>{PROVIDER_LABELS[receipt.provider]}</span>
                          <span className="mono small-text" data-testid={`ledger-receipt-${e.id}`}>
                            {receipt.reference}
                          </span>
                        </>
                      ) : e.paymentId !== null ? (
                        <span className="muted">payment {e.paymentId}</span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="ledger-note">{e.note ?? ''}</td>
                    <td>{e.by ?? <span className="muted">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {adjusting && ledger && (
        <AdjustDialog subscriberId={subscriberId} username={username} tenantId={asAdmin ? tenantId : null} currency={ledger.currency} balanceMinor={ledger.balanceMinor} onClose={close} />
      )}
    </section>
  );
}
