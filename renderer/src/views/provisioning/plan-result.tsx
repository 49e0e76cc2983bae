import type { ProvisioningRun } from '../../../../main/provisioning/contract';
import { PlanSteps } from './plan-steps';
import { RunStateBadge } from './run-state';

const count = (run: ProvisioningRun, action: 'add' | 'set' | 'remove') => run.steps.filter((s) => s.action === action).length;

/**
 * The plan this person asked for: under way, then its steps by menu — or "no changes" — and,
 * when the plan cannot be applied as it stands, why (Apply stays off).
 */
export function PlanResult({ run, canApply, applying, onApply }: { run: ProvisioningRun; canApply: boolean; applying: boolean; onApply: () => void }) {
  if (run.state !== 'planned' && run.state !== 'failed') {
    return (
      <div className="plan-result" data-testid="plan-result" data-state={run.state} aria-busy="true">
        <p>
          Planning <strong>{run.templateName}</strong> on <strong>{run.routerName}</strong> <RunStateBadge run={run} testId="plan-result-state" />
        </p>
        {run.message && <p className="muted small-text">{run.message}</p>}
      </div>
    );
  }
  if (run.state === 'failed') {
    return (
      <div className="plan-result" data-testid="plan-result" data-state={run.state}>
        <p className="error" role="alert">
          Could not plan {run.templateName} on {run.routerName}: {run.message ?? 'the router did not answer'}
        </p>
      </div>
    );
  }
  const empty = run.steps.length === 0;
  return (
    <div className="plan-result" data-testid="plan-result" data-state={run.state}>
      <div className="detail-head">
        <strong>
          Plan of {run.templateName} for {run.routerName}
        </strong>
        <span className="spacer" />
        {canApply && (
          <button type="button" className="primary" disabled={run.blocked !== null || empty || applying} onClick={onApply} data-testid="plan-apply">
            Apply to {run.routerName}
          </button>
        )}
      </div>
      {run.blocked && (
        <p className="error blocked" role="alert" data-testid="plan-blocked">
          This plan cannot be applied as it stands: {run.blocked}
        </p>
      )}
      {empty ? (
        <p className="notice" data-testid="plan-no-changes">
          No changes: the router matches the template ({run.unchanged} rows already right).
        </p>
      ) : (
        <>
          <p className="muted" data-testid="plan-summary">
            {count(run, 'add')} to add, {count(run, 'set')} to change, {count(run, 'remove')} to remove; {run.unchanged} rows already right.
          </p>
          <PlanSteps steps={run.steps} showStatus={false} testId="plan-steps" />
        </>
      )}
    </div>
  );
}
