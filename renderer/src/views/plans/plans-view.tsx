import { Fragment, useCallback, useEffect, useState } from 'react';
import type { PlanSummary } from '../../../../main/plans/contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ExportCsvButton, type CsvColumn } from '../../components/export-csv-button';
import { TenantPicker } from '../../components/tenant-picker';
import { ViewGate } from '../../components/view-gate';
import { useFormat } from '../../format/use-format';
import { useStale } from '../../stores/connection-store';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { attachRouters } from '../routers/routers-live';
import { useRoutersStore } from '../routers/routers-store';
import { validityWords } from './duration-input';
import { PlanDetail } from './plan-detail';
import { KIND_LABELS, PlanFormDialog } from './plan-form-dialog';
import { limitsText, rateText } from './plan-text';
import { attachPlans, checkPlanDrift, deletePlan } from './plans-live';
import { plansSelectors, usePlansStore } from './plans-store';
import { StateChip, stateTitle } from './state-chip';
import '../../styles/routers.css';
import '../../styles/business.css';

type Editing = { plan: PlanSummary | null } | null;

/** Plans of the tenant with where each stands on its routers. One `plans.list` on mount, then events only. */
export function PlansView() {
  const scope = useViewTenant();
  const { tenantId, isSystemAdmin, user } = scope;
  const isAdmin = user?.role === 'system_admin' || user?.role === 'tenant_admin';
  const canOperate = useSessionStore(sessionSelectors.canOperate);
  const plans = usePlansStore(plansSelectors.sorted);
  const loaded = usePlansStore(plansSelectors.loaded);
  const error = usePlansStore(plansSelectors.error);
  const routers = useRoutersStore((s) => s.routers);
  const stale = useStale();
  const format = useFormat();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<PlanSummary | null>(null);
  // The backend's refusal names what uses the plan ("in use by 3 subscriber(s) and 20 voucher(s)").
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const closeForm = useCallback(() => setEditing(null), []);
  const cancelDelete = useCallback(() => {
    setDeleting(null);
    setDeleteError(null);
  }, []);
  const routerName = useCallback((id: number) => routers.get(id)?.name ?? `router ${id}`, [routers]);

  useEffect(() => {
    if (tenantId === null) return undefined;
    const detachPlans = attachPlans(tenantId, isSystemAdmin);
    const detachRouters = attachRouters(tenantId, isSystemAdmin);
    return () => {
      detachPlans();
      detachRouters();
    };
  }, [tenantId, isSystemAdmin]);

  const confirmDelete = async () => {
    if (!deleting) return;
    setBusy(true);
    const result = await deletePlan(deleting.id);
    setBusy(false);
    if (result.ok) cancelDelete();
    else setDeleteError(result.error.message);
  };

  const csvColumns: CsvColumn<PlanSummary>[] = [
    { header: 'Kind', text: (p) => KIND_LABELS[p.kind] },
    { header: 'Name', text: (p) => p.name },
    { header: 'Price', text: (p) => format.amount(p.priceMinor) },
    { header: 'Validity', text: (p) => validityWords(p.validitySeconds) },
    { header: 'Limits', text: limitsText },
    { header: 'Upload', text: (p) => rateText(p.rateLimit)?.upload ?? '' },
    { header: 'Download', text: (p) => rateText(p.rateLimit)?.download ?? '' },
    { header: 'Shared users', text: (p) => (p.sharedUsers === null ? '' : String(p.sharedUsers)) },
    { header: 'Pool', text: (p) => p.addressPool ?? '' },
    { header: 'Expiry', text: (p) => `${p.expiry === 'move' ? `move to ${p.expiredProfile ?? ''}` : p.expiry}${p.autoRenew ? ', auto-renews from balance' : ''}` },
    { header: 'Routers', text: (p) => p.routers.map((r) => `${routerName(r.routerId)}: ${r.state}`).join('; ') },
  ];
  const columnCount = 9;

  return (
    <section aria-labelledby="plans-title">
      <h1 id="plans-title">Plans</h1>
      <div className="toolbar">
        {isSystemAdmin && <TenantPicker />}
        {tenantId !== null && (
          <span className="counts" role="status">
            <strong data-testid="plans-count">{plans.length}</strong> plans
          </span>
        )}
        <span className="spacer" />
        {tenantId !== null && <ExportCsvButton fileName="plans" columns={csvColumns} rows={plans} testId="plans-export" />}
        {isAdmin && tenantId !== null && (
          <button type="button" className="primary" data-testid="plans-add" disabled={stale} onClick={() => setEditing({ plan: null })}>
            New plan
          </button>
        )}
      </div>
      <ViewGate scope={scope} what="plans">
        {error && (
          <p className="error" role="alert" data-testid="plans-error">
            {error}
          </p>
        )}
        {!loaded ? (
          <p className="muted">Loading plans…</p>
        ) : plans.length === 0 ? (
          <p className="muted" data-testid="plans-empty">
            No plans yet.{isAdmin ? ' Create one to sell hotspot time or PPPoE service.' : ' An admin of the tenant creates them.'}
          </p>
        ) : (
          <div className="table-box">
            <table className="data-table fit business-table" data-testid="plans-table">
              <thead>
                <tr>
                  <th scope="col">Plan</th>
                  <th scope="col" className="num">
                    Price
                  </th>
                  <th scope="col">Limits</th>
                  <th scope="col">Rate</th>
                  <th scope="col">Users / pool</th>
                  <th scope="col">Expiry</th>
                  <th scope="col">Routers</th>
                  <th scope="col">In use</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {plans.map((p) => {
                  const rate = rateText(p.rateLimit);
                  return (
                    <Fragment key={p.id}>
                      <tr data-testid={`plan-row-${p.id}`}>
                        <td className="stacked">
                          <strong data-testid={`plan-name-${p.id}`}>{p.name}</strong>
                          <span className="muted small-text">{KIND_LABELS[p.kind]}</span>
                        </td>
                        <td className="stacked num">
                          <span data-testid={`plan-price-${p.id}`}>{format.amount(p.priceMinor)}</span>
                          <span className="muted small-text">{validityWords(p.validitySeconds)}</span>
                        </td>
                        <td>{limitsText(p)}</td>
                        <td className="stacked">
                          {rate ? (
                            <>
                              <span>↑ {rate.upload}</span>
                              <span>↓ {rate.download}</span>
                              {rate.burst && (
                                <span className="tag" title={rate.burst}>
                                  burst
                                </span>
                              )}
                            </>
                          ) : (
                            <span className="muted">unlimited</span>
                          )}
                        </td>
                        <td className="stacked">
                          <span>{p.kind === 'hotspot' ? `${p.sharedUsers ?? '∞'} per login` : (p.localAddress ?? '—')}</span>
                          <span className="muted small-text">{p.addressPool ?? 'default pool'}</span>
                        </td>
                        <td className="stacked">
                          <span>{p.expiry}</span>
                          {p.expiry === 'move' && <span className="muted small-text">to {p.expiredProfile}</span>}
                          {p.autoRenew && (
                            <span className="muted small-text" data-testid={`plan-auto-renew-${p.id}`}>
                              auto-renew
                            </span>
                          )}
                        </td>
                        <td>
                          {p.routers.length === 0 ? (
                            <span className="muted">none</span>
                          ) : (
                            p.routers.map((r) => <StateChip key={r.routerId} routerName={routerName(r.routerId)} state={r.state} title={stateTitle(r)} testId={`plan-state-${p.id}-${r.routerId}`} />)
                          )}
                        </td>
                        <td className="stacked small-text">
                          <span>{p.subscriberCount} subscribers</span>
                          <span>{p.voucherCount} vouchers</span>
                        </td>
                        <td className="actions-cell">
                          <div className="actions">
                            <button type="button" className="small" aria-expanded={open === p.id} data-testid={`plan-details-${p.id}`} onClick={() => setOpen((o) => (o === p.id ? null : p.id))}>
                              Details
                            </button>
                            {isAdmin && (
                              <>
                                <button type="button" className="small" data-testid={`plan-edit-${p.id}`} disabled={stale} onClick={() => setEditing({ plan: p })}>
                                  Edit
                                </button>
                                <button type="button" className="small" data-testid={`plan-delete-${p.id}`} disabled={stale} onClick={() => setDeleting(p)}>
                                  Delete
                                </button>
                              </>
                            )}
                          </div>
                        </td>
                      </tr>
                      {open === p.id && (
                        <tr className="detail-row">
                          <td colSpan={columnCount}>
                            <div className="detail-head">
                              <strong>{p.name} on its routers</strong>
                              <span className="spacer" />
                              {canOperate && (
                                <button type="button" className="small" disabled={stale} data-testid={`plan-check-${p.id}`} onClick={() => void checkPlanDrift(p.id)}>
                                  Check routers for drift
                                </button>
                              )}
                            </div>
                            <PlanDetail plan={p} routerName={routerName} canManage={isAdmin} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </ViewGate>
      {editing && <PlanFormDialog plan={editing.plan} tenantId={isSystemAdmin ? tenantId : null} onClose={closeForm} />}
      {deleting && (
        <ConfirmDialog title="Delete plan?" confirmLabel="Delete" danger busy={busy} testId="plan-delete-confirm" onCancel={cancelDelete} onConfirm={() => void confirmDelete()}>
          <p>
            Delete <strong>{deleting.name}</strong>? Its profile is removed from its routers.
          </p>
          {(deleting.subscriberCount > 0 || deleting.voucherCount > 0) && (
            <p className="notice">
              {deleting.subscriberCount} subscribers and {deleting.voucherCount} unused or active vouchers use it: the console refuses to delete a plan in use.
            </p>
          )}
          {deleteError && (
            <p className="error" role="alert" data-testid="plan-delete-error">
              {deleteError}
            </p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
