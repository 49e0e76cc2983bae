import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProvisioningTemplate } from '../../../../main/provisioning/contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { TenantPicker } from '../../components/tenant-picker';
import { ViewGate } from '../../components/view-gate';
import { useStale } from '../../stores/connection-store';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { attachPlans } from '../plans/plans-live';
import { attachRouters } from '../routers/routers-live';
import { ApplyBatch } from './apply-batch';
import { ApplyDialog } from './apply-dialog';
import { PlanPanel } from './plan-panel';
import { attachProvisioning, deleteTemplate } from './provisioning-live';
import { provisioningSelectors, useProvisioningStore } from './provisioning-store';
import { RunsHistory } from './runs-history';
import { TemplateDialog } from './template-dialog';
import { TemplatesTable } from './templates-table';
import '../../styles/routers.css';
import '../../styles/business.css';
import './provisioning.css';

type Editing = { template: ProvisioningTemplate | null } | null;

/**
 * Router provisioning: the tenant's templates (desired state), a plan for one router, applies
 * with live progress, and the history. One fetch on mount, then `tenant.{id}.provisioning` events.
 */
export function ProvisioningView() {
  const scope = useViewTenant();
  const { tenantId, isSystemAdmin, user } = scope;
  const isAdmin = user?.role === 'system_admin' || user?.role === 'tenant_admin';
  const canOperate = useSessionStore(sessionSelectors.canOperate);
  const templates = useProvisioningStore(provisioningSelectors.templates);
  const loaded = useProvisioningStore(provisioningSelectors.loaded);
  const error = useProvisioningStore(provisioningSelectors.error);
  const stale = useStale();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ProvisioningTemplate | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [applyMany, setApplyMany] = useState<ProvisioningTemplate | null>(null);
  const [planTemplateId, setPlanTemplateId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const routerRef = useRef<HTMLSelectElement>(null);
  const closeForm = useCallback(() => setEditing(null), []);
  const closeApply = useCallback(() => setApplyMany(null), []);
  const cancelDelete = useCallback(() => {
    setDeleting(null);
    setDeleteError(null);
  }, []);

  useEffect(() => {
    if (tenantId === null) return undefined;
    const detach = [attachProvisioning(tenantId, isSystemAdmin), attachPlans(tenantId, isSystemAdmin), attachRouters(tenantId, isSystemAdmin)];
    return () => detach.forEach((d) => d());
  }, [tenantId, isSystemAdmin]);

  const confirmDelete = async () => {
    if (!deleting) return;
    setBusy(true);
    const result = await deleteTemplate(deleting.id);
    setBusy(false);
    if (result.ok) cancelDelete();
    else setDeleteError(result.error.message);
  };
  const choosePlan = (t: ProvisioningTemplate) => {
    setPlanTemplateId(t.id);
    routerRef.current?.focus();
  };

  return (
    <section aria-labelledby="provisioning-title" className="provisioning-view">
      <h1 id="provisioning-title">Provisioning</h1>
      <div className="toolbar">
        {isSystemAdmin && <TenantPicker />}
        {tenantId !== null && (
          <span className="counts" role="status">
            <strong data-testid="templates-count">{templates.length}</strong> templates
          </span>
        )}
        <span className="spacer" />
        {isAdmin && tenantId !== null && (
          <button type="button" className="primary" data-testid="template-add" disabled={stale} onClick={() => setEditing({ template: null })}>
            New template
          </button>
        )}
      </div>
      <ViewGate scope={scope} what="provisioning">
        {error && (
          <p className="error" role="alert" data-testid="provisioning-error">
            {error}
          </p>
        )}
        {!loaded ? (
          <p className="muted">Loading templates…</p>
        ) : (
          <>
            {templates.length === 0 ? (
              <p className="muted" data-testid="templates-empty">
                No templates yet.{isAdmin ? ' Create one to set routers up the same way: hotspot, PPPoE, pools, plans, API hardening.' : ' An admin of the tenant creates them.'}
              </p>
            ) : (
              <TemplatesTable templates={templates} canEdit={isAdmin} canOperate={canOperate} onEdit={(t) => setEditing({ template: t })} onDelete={setDeleting} onPlan={choosePlan} onApplyMany={setApplyMany} />
            )}
            <PlanPanel templateId={planTemplateId} onTemplate={setPlanTemplateId} routerRef={routerRef} canOperate={canOperate}>
              <ApplyBatch />
            </PlanPanel>
            <RunsHistory />
          </>
        )}
      </ViewGate>
      {editing && <TemplateDialog template={editing.template} tenantId={isSystemAdmin ? tenantId : null} onClose={closeForm} />}
      {applyMany && <ApplyDialog template={applyMany} onClose={closeApply} />}
      {deleting && (
        <ConfirmDialog title="Delete template?" confirmLabel="Delete" danger busy={busy} testId="template-delete-confirm" onCancel={cancelDelete} onConfirm={() => void confirmDelete()}>
          <p>
            Delete <strong>{deleting.name}</strong>? Routers keep what it set up; the history keeps its runs.
          </p>
          {deleteError && (
            <p className="error" role="alert" data-testid="template-delete-error">
              {deleteError}
            </p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
