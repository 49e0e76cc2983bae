import { useId, useState, type ReactNode, type RefObject } from 'react';
import { useStale } from '../../stores/connection-store';
import { routersSelectors, useRoutersStore } from '../routers/routers-store';
import { PlanResult } from './plan-result';
import { applyTemplate, planTemplate } from './provisioning-live';
import { provisioningActions, provisioningSelectors, useProvisioningStore } from './provisioning-store';

export interface PlanPanelProps {
  templateId: number | null;
  onTemplate: (id: number | null) => void;
  /** Gets focus when a template row's "Plan…" chooses the template. */
  routerRef: RefObject<HTMLSelectElement | null>;
  canOperate: boolean;
  /** The apply under way, shown under the plan (or in its place once the plan was applied). */
  children?: ReactNode;
}

/** Plan a template on one router, read the plan when it arrives, and apply it there. */
export function PlanPanel({ templateId, onTemplate, routerRef, canOperate, children }: PlanPanelProps) {
  const id = useId();
  const stale = useStale();
  const templates = useProvisioningStore(provisioningSelectors.templates);
  const routers = useRoutersStore(routersSelectors.sorted);
  const planRun = useProvisioningStore(provisioningSelectors.planRun);
  const [routerId, setRouterId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const plan = async () => {
    if (templateId === null || routerId === null) return;
    setBusy(true);
    await planTemplate(templateId, routerId);
    setBusy(false);
  };
  const apply = async () => {
    if (!planRun || planRun.templateId === null) return;
    setBusy(true);
    const result = await applyTemplate(planRun.templateId, [planRun.routerId], 1);
    setBusy(false);
    // The apply plans afresh on the router and shows its own rows: this plan has served.
    if (result.ok) provisioningActions.planned(null);
  };

  return (
    <section className="provisioning-part" aria-labelledby={`${id}-title`} data-testid="plan-panel">
      <h2 id={`${id}-title`}>Plan and apply</h2>
      {canOperate ? (
        <div className="toolbar plan-choose">
          <label htmlFor={`${id}-template`}>Template</label>
          <select id={`${id}-template`} value={templateId ?? ''} onChange={(e) => onTemplate(e.target.value === '' ? null : Number(e.target.value))} data-testid="plan-template">
            <option value="">Choose a template</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-router`}>Router</label>
          <select id={`${id}-router`} ref={routerRef} value={routerId ?? ''} onChange={(e) => setRouterId(e.target.value === '' ? null : Number(e.target.value))} data-testid="plan-router">
            <option value="">Choose a router</option>
            {routers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({r.status.state})
              </option>
            ))}
          </select>
          <button type="button" className="primary" disabled={stale || busy || templateId === null || routerId === null} onClick={() => void plan()} data-testid="plan-submit">
            Plan
          </button>
          <span className="muted small-text">Reads the router and lists what applying would change; nothing is sent yet.</span>
        </div>
      ) : (
        <p className="muted">Operators and admins plan and apply templates; the history below shows what was done.</p>
      )}
      {planRun && <PlanResult run={planRun} canApply={canOperate} applying={busy || stale} onApply={() => void apply()} />}
      {children}
    </section>
  );
}
