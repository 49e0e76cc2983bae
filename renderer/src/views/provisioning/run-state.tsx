import type { ProvisioningRun } from '../../../../main/provisioning/contract';
import { stepOf, type RunProgress } from './runs-reducer';

const STATE_WORDS: Record<ProvisioningRun['state'], string> = { queued: 'queued', waiting: 'waiting', running: 'running', planned: 'planned', applied: 'applied', failed: 'failed' };

/** A run's state as a badge (colour by state; the word is what counts). */
export function RunStateBadge({ run, testId }: { run: ProvisioningRun; testId: string }) {
  const word = run.state === 'running' && run.mode === 'plan' ? 'planning' : STATE_WORDS[run.state];
  return (
    <span className={`badge run-${run.state}`} data-state={run.state} data-testid={testId}>
      {word}
    </span>
  );
}

/** An apply under way: step n of m with the step's label, and a bar. */
export function RunProgressBar({ run, progress, testId }: { run: ProvisioningRun; progress: RunProgress | undefined; testId: string }) {
  const { step, of, label } = stepOf(run, progress);
  if (of === 0) return <span className="muted small-text">reading the router…</span>;
  return (
    <div className="run-progress" data-testid={testId} data-step={step} data-of={of}>
      <progress max={of} value={step} aria-label={`${run.routerName}: step ${step} of ${of}`} />
      <span className="small-text">
        step {step} of {of}
        {label ? `: ${label}` : ''}
      </span>
    </div>
  );
}

/** What a finished apply did, in one line: "18 applied", "3 applied, 1 refused, 2 not applied, 2 undone". */
export function stepTally(run: ProvisioningRun): string {
  const counts = new Map<string, number>();
  for (const s of run.steps) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  const words: Array<[string, string]> = [
    ['applied', 'applied'],
    ['refused', 'refused'],
    ['not-applied', 'not applied'],
    ['undone', 'undone'],
    ['planned', 'planned'],
  ];
  return words
    .filter(([k]) => counts.has(k))
    .map(([k, w]) => `${counts.get(k)} ${w}`)
    .join(', ');
}
