import { useShallow } from 'zustand/react/shallow';
import { ApplyRunRow } from './apply-run-row';
import { provisioningActions, provisioningSelectors, useProvisioningStore } from './provisioning-store';
import { isFinal } from './runs-reducer';

/** The apply this person started last: a row per router, live, until they close it. */
export function ApplyBatch() {
  const batch = useProvisioningStore(provisioningSelectors.batch);
  const runs = useProvisioningStore(useShallow((s) => (s.batch ? s.batch.runIds.map((id) => s.runs.get(id) ?? null) : [])));
  const progress = useProvisioningStore(provisioningSelectors.progress);
  if (!batch) return null;
  const known = runs.filter((r) => r !== null);
  const done = known.filter(isFinal).length;
  return (
    <section className="apply-batch" aria-labelledby="apply-batch-title" data-testid="apply-batch">
      <div className="detail-head">
        <h3 id="apply-batch-title">
          Applying {known[0]?.templateName ?? 'the template'} to {batch.runIds.length === 1 ? known[0]?.routerName ?? '1 router' : `${batch.runIds.length} routers`}
        </h3>
        <span className="muted small-text" role="status" data-testid="apply-batch-count">
          {done} of {batch.runIds.length} done
        </span>
        <span className="spacer" />
        <button type="button" className="ghost small" onClick={provisioningActions.clearBatch} data-testid="apply-batch-close">
          Close
        </button>
      </div>
      <ul className="apply-runs">
        {known.map((run) => (
          <ApplyRunRow key={run.id} run={run} progress={progress.get(run.id)} />
        ))}
      </ul>
    </section>
  );
}
