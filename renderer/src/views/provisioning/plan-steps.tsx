import type { ProvisioningStep, StepStatus } from '../../../../main/provisioning/contract';

const STATUS_WORDS: Record<StepStatus, string> = { planned: 'planned', applied: 'applied', refused: 'refused', 'not-applied': 'not applied', undone: 'undone' };

/** Steps by menu, menus in the order the plan first touches them (a pool before the server that uses it). */
export function stepsByMenu(steps: readonly ProvisioningStep[]): Array<{ menu: string; steps: Array<{ step: ProvisioningStep; index: number }> }> {
  const groups = new Map<string, Array<{ step: ProvisioningStep; index: number }>>();
  steps.forEach((step, index) => {
    const group = groups.get(step.menu) ?? [];
    group.push({ step, index });
    groups.set(step.menu, group);
  });
  return [...groups].map(([menu, list]) => ({ menu, steps: list }));
}

/**
 * A plan's steps as the operator reads them: per menu, each with its action, label, the RouterOS
 * command and, for a set, what changes; after an apply, what became of each step.
 */
export function PlanSteps({ steps, showStatus, testId }: { steps: readonly ProvisioningStep[]; showStatus: boolean; testId: string }) {
  return (
    <div className="plan-steps" data-testid={testId}>
      {stepsByMenu(steps).map((group) => (
        <section key={group.menu} className="plan-menu" aria-label={group.menu}>
          <h4 className="mono">{group.menu}</h4>
          <ol className="plan-step-list">
            {group.steps.map(({ step, index }) => (
              <li key={index} className="plan-step" data-testid={`${testId}-step`} data-action={step.action} data-status={step.status}>
                <div className="plan-step-head">
                  <span className={`badge action-${step.action}`}>{step.action}</span>
                  <span className="plan-step-label">
                    {index + 1}. {step.label}
                  </span>
                  {showStatus && (
                    <span className={`badge status-${step.status}`} data-testid={`${testId}-status`}>
                      {STATUS_WORDS[step.status]}
                    </span>
                  )}
                </div>
                <code className="mono plan-command" data-testid={`${testId}-command`}>
                  {step.command}
                </code>
                {step.action === 'set' && step.changes.length > 0 && (
                  <ul className="plan-changes">
                    {step.changes.map((c) => (
                      <li key={c.field}>
                        <span className="mono">{c.field}</span>: <span className="from">{c.from ?? '(none)'}</span> → <span className="to">{c.to ?? '(none)'}</span>
                      </li>
                    ))}
                  </ul>
                )}
                {step.message && (
                  <p className="error small-text" role="note">
                    {step.message}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
