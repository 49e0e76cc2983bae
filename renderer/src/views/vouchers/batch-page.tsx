import { useEffect, useMemo } from 'react';
import type { VoucherBatchSummary, VoucherSummary } from '../../../../main/vouchers/contract';
import { toast } from '../../components/toast-store';
import { VirtualTable, type TableColumn } from '../../components/virtual-table';
import { useFormat } from '../../format/use-format';
import { hashWithParams } from '../../stores/hash-params';
import { useStale } from '../../stores/connection-store';
import { expiryClass, expiryLine, pushLine, ROUTER_EXPIRY_LABELS, VOUCHER_STATE_LABELS, VoucherCounts } from './batch-progress';
import { exportBatch, openBatch, repushBatch } from './vouchers-live';
import { useVouchersStore, vouchersActions, vouchersSelectors } from './vouchers-store';

export interface BatchPageProps {
  batch: VoucherBatchSummary;
  routerName: (id: number) => string;
  canOperate: boolean;
  onPrint: () => void;
}

const backHash = () => hashWithParams(window.location.hash, { batch: null });

/** A code read out to a customer on the phone, or pasted into a message. */
async function copyCode(code: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(code);
    toast('ok', `code ${code} copied`);
  } catch {
    toast('bad', `could not copy ${code}: the clipboard is not available here`);
  }
}

/**
 * One batch (`#/vouchers?batch=<id>`): its counts, each router's push with the vouchers it
 * refused in the router's own words, and every voucher (virtualized) with its state, activation
 * and validity, live by VoucherActivated.
 */
export function BatchPage({ batch, routerName, canOperate, onPrint }: BatchPageProps) {
  const open = useVouchersStore(vouchersSelectors.open);
  const format = useFormat();
  const stale = useStale();

  useEffect(() => {
    void openBatch(batch.id);
    return vouchersActions.closed;
  }, [batch.id]);

  const columns = useMemo<TableColumn<VoucherSummary>[]>(
    () => [
      { id: 'code', header: 'Code', width: 160, grow: true, text: (v) => v.code, cell: (v) => <span className="mono">{v.code}</span> },
      {
        id: 'state',
        header: 'State',
        width: 100,
        text: (v) => VOUCHER_STATE_LABELS[v.state],
        cell: (v) => (
          <span className={`status-tag status-${v.state}`} data-testid={`voucher-state-${v.code}`}>
            {VOUCHER_STATE_LABELS[v.state]}
          </span>
        ),
      },
      { id: 'activatedAt', header: 'Activated', width: 200, text: (v) => format.dateTime(v.activatedAt), cell: (v) => format.dateTime(v.activatedAt) },
      { id: 'validUntil', header: 'Valid until', width: 200, text: (v) => format.dateTime(v.validUntil), cell: (v) => <span data-testid={`voucher-valid-${v.code}`}>{format.dateTime(v.validUntil)}</span> },
      { id: 'router', header: 'First used on', width: 140, priority: 2, text: (v) => (v.routerId === null ? '' : routerName(v.routerId)), cell: (v) => (v.routerId === null ? '—' : routerName(v.routerId)) },
      {
        id: 'routerExpiry',
        header: 'Expiry on routers',
        width: 150,
        priority: 2,
        text: (v) => (v.routerExpiry ? ROUTER_EXPIRY_LABELS[v.routerExpiry] : ''),
        cell: (v) => (v.routerExpiry ? <span data-testid={`voucher-router-expiry-${v.code}`}>{ROUTER_EXPIRY_LABELS[v.routerExpiry]}</span> : '—'),
      },
      {
        id: 'copy',
        header: 'Copy',
        width: 64,
        pinned: true,
        cell: (v) => (
          <span className="vt-actions">
            <button type="button" className="ghost small" aria-label={`Copy code ${v.code}`} onClick={() => void copyCode(v.code)}>
              Copy
            </button>
          </span>
        ),
      },
    ],
    [format, routerName],
  );
  const vouchers = open?.batchId === batch.id ? open.vouchers : null;

  return (
    <div className="detail-page batch-page" data-testid="batch-page">
      <a className="back" href={backHash()} data-testid="batch-back">
        ← All batches
      </a>
      <div className="toolbar">
        <h2 className="section-title">
          Batch #{batch.id} · {batch.planName}
        </h2>
        <span className="muted">{format.dateTime(batch.createdAt)}</span>
        <VoucherCounts batch={batch} />
        <span className="spacer" />
        {canOperate && (
          <>
            <button type="button" className="small" disabled={stale} onClick={() => void exportBatch(batch)} data-testid="batch-page-export">
              Export CSV
            </button>
            <button type="button" className="small primary" disabled={stale} onClick={onPrint} data-testid="batch-page-print">
              Print…
            </button>
          </>
        )}
      </div>
      <ul className="plan-routers" aria-label="Push to routers">
        {batch.routers.map((r) => (
          <li key={r.routerId} data-testid={`batch-page-push-${r.routerId}`}>
            <div className="plan-router-head">
              <span className={r.state === 'failed' || r.failedCount > 0 ? 'push-failed' : r.state === 'done' ? 'push-done' : undefined}>{pushLine(r, routerName(r.routerId), format.number)}</span>
              <span className="spacer" />
              {canOperate && r.state !== 'done' && r.state !== 'pushing' && (
                <button type="button" className="small" disabled={stale} onClick={() => void repushBatch(batch, r.routerId, routerName(r.routerId))} data-testid={`batch-repush-${r.routerId}`}>
                  Push again
                </button>
              )}
            </div>
            {r.message && <p className="plan-router-message muted">{r.message}</p>}
            {r.expiry && (
              <p className={`plan-router-message ${expiryClass(r.expiry) ?? 'muted'}`} data-testid={`batch-page-expiry-${r.routerId}`}>
                Spent vouchers {expiryLine(r.expiry, format.number)}
                {r.expiry.message && ` (${r.expiry.message})`}
              </p>
            )}
            {r.failures.length > 0 && (
              <ul className="push-failures" aria-label={`Refused by ${routerName(r.routerId)}`}>
                {r.failures.map((f) => (
                  <li key={f.code}>
                    <span className="mono">{f.code}</span>: {f.message}
                  </li>
                ))}
                {r.failedCount > r.failures.length && <li className="muted">and {format.number(r.failedCount - r.failures.length)} more</li>}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {open?.error && (
        <p className="error" role="alert">
          {open.error}
        </p>
      )}
      <div className="batch-list-box">
        <VirtualTable
          label={`Vouchers of batch ${batch.id}`}
          testId="batch-vouchers"
          columns={columns}
          rows={vouchers ?? []}
          rowKey={(v) => String(v.id)}
          rowTestId={(v) => `voucher-row-${v.code}`}
          empty={<span className="muted">{vouchers === null ? 'Loading the vouchers…' : 'This batch has no vouchers.'}</span>}
        />
      </div>
    </div>
  );
}
