import { useCallback, useEffect, useMemo, useState } from 'react';
import { PAYMENT_STATES, type PaymentSummary } from '../../../../main/payments/contract';
import { TenantPicker } from '../../components/tenant-picker';
import { ViewGate } from '../../components/view-gate';
import { useStale } from '../../stores/connection-store';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { AssignDialog } from './assign-dialog';
import { ImportDialog } from './import-dialog';
import { filterPayments, NO_FILTER, type PaymentFilter } from './payment-filter';
import { attachPayments } from './payments-live';
import { paymentsSelectors, usePaymentsStore } from './payments-store';
import { PaymentsTable } from './payments-table';
import { RecordDialog } from './record-dialog';
import { ReverseDialog } from './reverse-dialog';
import '../../styles/routers.css';
import '../../styles/business.css';
import '../../styles/payments.css';

type Open = { kind: 'record' } | { kind: 'import' } | { kind: 'assign'; payment: PaymentSummary } | { kind: 'reverse'; payment: PaymentSummary } | null;

/**
 * Payments: the recent list with a filter, the unmatched ones waiting for staff, recording by
 * hand and statement import (operators and admins), reversal (admins). One snapshot on mount, then events.
 */
export function PaymentsView() {
  const scope = useViewTenant();
  const { tenantId, isSystemAdmin, user } = scope;
  const isAdmin = user?.role === 'system_admin' || user?.role === 'tenant_admin';
  const canOperate = useSessionStore(sessionSelectors.canOperate);
  const payments = usePaymentsStore(paymentsSelectors.sorted);
  const unmatched = usePaymentsStore(paymentsSelectors.unmatched);
  const loaded = usePaymentsStore(paymentsSelectors.loaded);
  const error = usePaymentsStore(paymentsSelectors.error);
  const stale = useStale();
  const [filter, setFilter] = useState<PaymentFilter>(NO_FILTER);
  const [open, setOpen] = useState<Open>(null);
  const close = useCallback(() => setOpen(null), []);
  const shown = useMemo(() => filterPayments(payments, filter), [payments, filter]);
  const invokeTenant = isSystemAdmin ? tenantId : null;

  useEffect(() => {
    if (tenantId === null) return undefined;
    return attachPayments(tenantId, isSystemAdmin);
  }, [tenantId, isSystemAdmin]);

  const reverseButton = (p: PaymentSummary) =>
    isAdmin && p.state !== 'reversed' && p.state !== 'unmatched' ? (
      <button type="button" className="small" disabled={stale} data-testid={`payment-reverse-${p.id}`} onClick={() => setOpen({ kind: 'reverse', payment: p })}>
        Reverse
      </button>
    ) : null;
  const assignButton = (p: PaymentSummary) =>
    canOperate ? (
      <button type="button" className="small" disabled={stale} data-testid={`payment-assign-${p.id}`} onClick={() => setOpen({ kind: 'assign', payment: p })}>
        Assign…
      </button>
    ) : null;

  return (
    <section className="business-view payments-view" aria-labelledby="payments-title">
      <h1 id="payments-title">Payments</h1>
      <div className="toolbar">
        {isSystemAdmin && <TenantPicker />}
        {tenantId !== null && (
          <>
            <span className="counts" role="status">
              <strong data-testid="payments-count">{shown.length}</strong> payments · <strong data-testid="unmatched-count">{unmatched.length}</strong> unmatched
            </span>
            <input aria-label="Filter payments" type="search" placeholder="Receipt, account, payer, subscriber" data-testid="payments-filter" value={filter.text} onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))} />
            <select aria-label="Payment state" data-testid="payments-filter-state" value={filter.state} onChange={(e) => setFilter((f) => ({ ...f, state: e.target.value as PaymentFilter['state'] }))}>
              <option value="all">Every state</option>
              {PAYMENT_STATES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </>
        )}
        <span className="spacer" />
        {canOperate && tenantId !== null && (
          <>
            <button type="button" data-testid="payments-import" disabled={stale} onClick={() => setOpen({ kind: 'import' })}>
              Import statement
            </button>
            <button type="button" className="primary" data-testid="payments-record" disabled={stale} onClick={() => setOpen({ kind: 'record' })}>
              Record payment
            </button>
          </>
        )}
      </div>
      <ViewGate scope={scope} what="payments">
        {error && (
          <p className="error" role="alert" data-testid="payments-error">
            {error}
          </p>
        )}
        {!loaded ? (
          <p className="muted">Loading payments…</p>
        ) : (
          <>
            <h2 className="payments-heading">Unmatched</h2>
            {unmatched.length === 0 ? (
              <p className="muted" data-testid="unmatched-empty">
                Every payment is matched to a subscriber.
              </p>
            ) : (
              <PaymentsTable payments={unmatched} testId="unmatched" actions={canOperate ? assignButton : undefined} />
            )}
            <h2 className="payments-heading">Recent payments</h2>
            {shown.length === 0 ? (
              <p className="muted" data-testid="payments-empty">
                {payments.length === 0 ? `No payments yet.${canOperate ? ' Record one taken by hand, or import a statement.' : ''}` : 'No payment matches the filter.'}
              </p>
            ) : (
              <PaymentsTable payments={shown} testId="payments" actions={isAdmin ? reverseButton : undefined} />
            )}
          </>
        )}
      </ViewGate>
      {open?.kind === 'record' && <RecordDialog tenantId={invokeTenant} onClose={close} />}
      {open?.kind === 'import' && <ImportDialog tenantId={invokeTenant} onClose={close} />}
      {open?.kind === 'assign' && <AssignDialog payment={open.payment} tenantId={invokeTenant} onClose={close} />}
      {open?.kind === 'reverse' && <ReverseDialog payment={open.payment} onClose={close} />}
    </section>
  );
}
