import { useState } from 'react';
import type { ProvisioningRun } from '../../../../main/provisioning/contract';
import { PlanSteps } from './plan-steps';
import { isFinal, type RunProgress } from './runs-reducer';
import { RunProgressBar, RunStateBadge, stepTally } from './run-state';

/** One router of an apply: live progress while it runs, then applied or failed with the router's words and the steps' outcome. */
export function ApplyRunRow({ run, progress }: { run: ProvisioningRun; progress: RunProgress | undefined }) {
  // Open by itself when the router refused (what was applied and what was not is the point then).
  const [toggled, setOpen] = useState<boolean | null>(null);
  const open = toggled ?? run.state === 'failed';
  const testId = `apply-run-${run.routerId}`;
  return (
    <li className={`apply-run run-${run.state}`} data-testid={testId} data-state={run.state}>
      <div className="apply-run-head">
        <strong>{run.routerName}</strong>
        <RunStateBadge run={run} testId={`${testId}-state`} />
        {run.state === 'running' && <RunProgressBar run={run} progress={progress} testId={`${testId}-progress`} />}
        {isFinal(run) && run.steps.length > 0 && <span className="muted small-text">{stepTally(run)}</span>}
        <span className="spacer" />
        {isFinal(run) && run.steps.length > 0 && (
          <button type="button" className="small" aria-expanded={open} onClick={() => setOpen(!open)} data-testid={`${testId}-steps-toggle`}>
            {open ? 'Hide steps' : 'Steps'}
          </button>
        )}
      </div>
      {run.message && (
        <p className={run.state === 'failed' ? 'error' : 'muted small-text'} role={run.state === 'failed' ? 'alert' : undefined} data-testid={`${testId}-message`}>
          {run.message}
        </p>
      )}
      {open && isFinal(run) && <PlanSteps steps={run.steps} showStatus testId={`${testId}-steps`} />}
    </li>
  );
}
