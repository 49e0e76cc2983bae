import { useCallback, useEffect, useState } from 'react';
import type { VoucherBatchSummary } from '../../../../main/vouchers/contract';
import { TenantPicker } from '../../components/tenant-picker';
import { ViewGate } from '../../components/view-gate';
import { useFormat } from '../../format/use-format';
import { hashWithParams } from '../../stores/hash-params';
import { useStale } from '../../stores/connection-store';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { attachPlans } from '../plans/plans-live';
import { attachRouters } from '../routers/routers-live';
import { useRoutersStore } from '../routers/routers-store';
import { useHashValue } from '../subscribers/use-hash-value';
import { PushLines, VoucherCounts } from './batch-progress';
import { BatchPage } from './batch-page';
import { GenerateDialog } from './generate-dialog';
import { PrintDialog } from './print-dialog';
import { attachVouchers, exportBatch } from './vouchers-live';
import { useVouchersStore, vouchersSelectors } from './vouchers-store';
import '../../styles/routers.css';
import '../../styles/business.css';

const openBatchPage = (id: number) => {
  window.location.hash = hashWithParams(window.location.hash, { batch: String(id) });
};

/** How the codes look: "HQ+6 mixed", "8 digits, own password". */
const codeSpec = (b: VoucherBatchSummary) => `${b.prefix ? `${b.prefix}+` : ''}${b.codeLength} ${b.charset}${b.separatePassword ? ', own password' : ''}`;

/**
 * Vouchers: batches with live counts (unused, active, expired, used up) and push progress per
 * router; a batch's page lists its vouchers (`?batch=<id>`). Generate, print and export for
 * operators and admins. One fetch each on mount (batches, plans, routers), then events.
 */
export function VouchersView() {
  const scope = useViewTenant();
  const { tenantId, isSystemAdmin } = scope;
  const canOperate = useSessionStore(sessionSelectors.canOperate);
  const batches = useVouchersStore(vouchersSelectors.sorted);
  const loaded = useVouchersStore(vouchersSelectors.loaded);
  const error = useVouchersStore(vouchersSelectors.error);
  const routers = useRoutersStore((s) => s.routers);
  const opened = Number(useHashValue('batch'));
  const openedBatch = useVouchersStore(vouchersSelectors.byId(Number.isInteger(opened) ? opened : 0));
  const stale = useStale();
  const format = useFormat();
  const [generating, setGenerating] = useState(false);
  const [printing, setPrinting] = useState<VoucherBatchSummary | null>(null);
  const closeGenerate = useCallback(() => setGenerating(false), []);
  const closePrint = useCallback(() => setPrinting(null), []);
  const routerName = useCallback((id: number) => routers.get(id)?.name ?? `router ${id}`, [routers]);

  useEffect(() => {
    if (tenantId === null) return undefined;
    const detach = [attachVouchers(tenantId, isSystemAdmin), attachPlans(tenantId, isSystemAdmin), attachRouters(tenantId, isSystemAdmin)];
    return () => detach.forEach((d) => d());
  }, [tenantId, isSystemAdmin]);

  const generated = (batch: VoucherBatchSummary) => {
    setGenerating(false);
    openBatchPage(batch.id);
  };

  return (
    <section className="business-view" aria-labelledby="vouchers-title">
      <h1 id="vouchers-title">Vouchers</h1>
      <div className="toolbar">
        {isSystemAdmin && <TenantPicker />}
        {tenantId !== null && !openedBatch && (
          <span className="counts" role="status">
            <strong data-testid="batches-count">{batches.length}</strong> batches
          </span>
        )}
        <span className="spacer" />
        {canOperate && tenantId !== null && (
          <button type="button" className="primary" data-testid="vouchers-generate" disabled={stale} onClick={() => setGenerating(true)}>
            Generate vouchers
          </button>
        )}
      </div>
      <ViewGate scope={scope} what="vouchers">
        {error && (
          <p className="error" role="alert" data-testid="vouchers-error">
            {error}
          </p>
        )}
        {openedBatch ? (
          <BatchPage batch={openedBatch} routerName={routerName} canOperate={canOperate} onPrint={() => setPrinting(openedBatch)} />
        ) : !loaded ? (
          <p className="muted">Loading batches…</p>
        ) : batches.length === 0 ? (
          <p className="muted" data-testid="batches-empty">
            No vouchers yet.{canOperate ? ' Generate a batch for a hotspot plan to sell prepaid access.' : ''}
          </p>
        ) : (
          <div className="table-box">
            <table className="data-table fit business-table" data-testid="batches-table">
              <thead>
                <tr>
                  <th scope="col">Batch</th>
                  <th scope="col">Plan</th>
                  <th scope="col" className="num">
                    Vouchers
                  </th>
                  <th scope="col">By state</th>
                  <th scope="col">On the routers</th>
                  <th scope="col">Comment</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr key={b.id} data-testid={`batch-row-${b.id}`}>
                    <td className="stacked">
                      <strong>#{b.id}</strong>
                      <span className="muted small-text">{format.dateTime(b.createdAt)}</span>
                    </td>
                    <td>{b.planName}</td>
                    <td className="stacked num">
                      <span data-testid={`batch-total-${b.id}`}>{format.number(b.count)}</span>
                      <span className="muted small-text mono">{codeSpec(b)}</span>
                    </td>
                    <td>
                      <VoucherCounts batch={b} />
                    </td>
                    <td>
                      <PushLines batch={b} routerName={routerName} />
                    </td>
                    <td>{b.comment || '—'}</td>
                    <td className="actions-cell">
                      <div className="actions">
                        <button type="button" className="small" data-testid={`batch-open-${b.id}`} onClick={() => openBatchPage(b.id)}>
                          Vouchers
                        </button>
                        {canOperate && (
                          <>
                            <button type="button" className="small" data-testid={`batch-print-${b.id}`} disabled={stale} onClick={() => setPrinting(b)}>
                              Print…
                            </button>
                            <button type="button" className="small" data-testid={`batch-export-${b.id}`} disabled={stale} onClick={() => void exportBatch(b)}>
                              CSV
                            </button>
                          </>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ViewGate>
      {generating && <GenerateDialog tenantId={isSystemAdmin ? tenantId : null} onClose={closeGenerate} onGenerated={generated} />}
      {printing && tenantId !== null && <PrintDialog batch={printing} tenantId={tenantId} onClose={closePrint} />}
    </section>
  );
}
