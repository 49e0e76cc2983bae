import { Fragment, useState } from 'react';
import type { ProvisioningRun } from '../../../../main/provisioning/contract';
import { useFormat } from '../../format/use-format';
import { PlanSteps } from './plan-steps';
import { RunProgressBar, RunStateBadge, stepTally } from './run-state';
import type { ProgressById } from './runs-reducer';

export interface RunsTableProps {
  runs: readonly ProvisioningRun[];
  progress: ProgressById;
  /** The Router column (off on a router's own page). */
  showRouter: boolean;
  testId: string;
}

/** Provisioning history: plans and applies newest first; a row opens to its steps. */
export function RunsTable({ runs, progress, showRouter, testId }: RunsTableProps) {
  const format = useFormat();
  const [open, setOpen] = useState<number | null>(null);
  const columns = showRouter ? 8 : 7;
  return (
    <div className="table-box">
      <table className="data-table runs-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">When</th>
            {showRouter && <th scope="col">Router</th>}
            <th scope="col">Template</th>
            <th scope="col">Mode</th>
            <th scope="col">State</th>
            <th scope="col">By</th>
            <th scope="col">Message</th>
            <th scope="col">Steps</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <Fragment key={run.id}>
              <tr data-testid={`${testId}-row`} data-run={run.id} data-state={run.state}>
                <td>{format.dateTime(run.finishedAt ?? run.createdAt)}</td>
                {showRouter && <td>{run.routerName}</td>}
                <td>{run.templateName}</td>
                <td>{run.mode}</td>
                <td className="stacked">
                  <RunStateBadge run={run} testId={`${testId}-state-${run.id}`} />
                  {run.state === 'running' && run.mode === 'apply' && <RunProgressBar run={run} progress={progress.get(run.id)} testId={`${testId}-progress-${run.id}`} />}
                </td>
                <td>{run.requestedBy ?? <span className="muted">the console</span>}</td>
                <td className="wrap">{run.blocked ? `blocked: ${run.blocked}` : (run.message ?? '')}</td>
                <td>
                  {run.steps.length === 0 ? (
                    <span className="muted">{run.state === 'planned' || run.state === 'applied' ? 'no changes' : '—'}</span>
                  ) : (
                    <button type="button" className="small" aria-expanded={open === run.id} onClick={() => setOpen((o) => (o === run.id ? null : run.id))} data-testid={`${testId}-toggle-${run.id}`}>
                      {run.mode === 'apply' ? stepTally(run) : `${run.steps.length} planned`}
                    </button>
                  )}
                </td>
              </tr>
              {open === run.id && (
                <tr className="detail-row">
                  <td colSpan={columns}>
                    <PlanSteps steps={run.steps} showStatus={run.mode === 'apply'} testId={`${testId}-steps-${run.id}`} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
