import { useState } from 'react';
import type { PlanSummary } from '../../../../main/plans/contract';
import { useStale } from '../../stores/connection-store';
import { useFormat } from '../../format/use-format';
import { adoptPlan, reapplyPlan } from './plans-live';
import { StateChip, stateTitle } from './state-chip';

export interface PlanDetailProps {
  plan: PlanSummary;
  routerName: (routerId: number) => string;
  /** Re-apply and adopt: admins only (plans.reapply / plans.adopt). */
  canManage: boolean;
}

/**
 * Where the plan stands on each of its routers, in full: the router's message when it refused,
 * and for drift each field as the console and the router have it, with Re-apply (the console's
 * wins) and Adopt router's (the router's wins) for admins.
 */
export function PlanDetail({ plan, routerName, canManage }: PlanDetailProps) {
  const stale = useStale();
  const format = useFormat();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    await action();
    setBusy(null);
  };

  return (
    <div className="plan-detail" data-testid={`plan-detail-${plan.id}`}>
      {plan.routers.length === 0 ? (
        <p className="muted">This plan is on no router yet: edit it to choose its routers.</p>
      ) : (
        <ul className="plan-routers">
          {plan.routers.map((status) => {
            const name = routerName(status.routerId);
            const key = `${plan.id}-${status.routerId}`;
            return (
              <li key={status.routerId} data-testid={`plan-router-${key}`}>
                <div className="plan-router-head">
                  <StateChip routerName={name} state={status.state} title={stateTitle(status)} testId={`plan-detail-state-${key}`} />
                  <span className="muted small-text">since {format.dateTime(status.updatedAt)}</span>
                  <span className="spacer" />
                  {canManage && status.state !== 'applied' && status.state !== 'removing' && (
                    <button type="button" className="small" disabled={stale || busy !== null} data-testid={`plan-reapply-${key}`} onClick={() => void run(`r${key}`, () => reapplyPlan(plan.id, status.routerId, name))}>
                      Re-apply
                    </button>
                  )}
                  {canManage && status.state === 'drift' && (
                    <button type="button" className="small" disabled={stale || busy !== null} data-testid={`plan-adopt-${key}`} onClick={() => void run(`a${key}`, () => adoptPlan(plan.id, status.routerId, name))}>
                      Adopt router’s
                    </button>
                  )}
                </div>
                {status.message && (
                  <p className={status.state === 'failed' ? 'error plan-router-message' : 'muted plan-router-message'} data-testid={`plan-router-message-${key}`}>
                    {name}: {status.message}
                  </p>
                )}
                {status.drift.length > 0 && (
                  <table className="drift-table" data-testid={`plan-drift-${key}`}>
                    <caption className="muted small-text">Changed on {name} by hand</caption>
                    <thead>
                      <tr>
                        <th scope="col">Field</th>
                        <th scope="col">Console</th>
                        <th scope="col">Router</th>
                      </tr>
                    </thead>
                    <tbody>
                      {status.drift.map((d) => (
                        <tr key={d.field}>
                          <th scope="row" className="mono">
                            {d.field}
                          </th>
                          <td className="mono">{d.console ?? '—'}</td>
                          <td className="mono">{d.router ?? '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
