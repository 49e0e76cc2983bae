import { useId, useMemo, useState } from 'react';
import { routersSelectors, useRoutersStore } from '../routers/routers-store';
import { provisioningSelectors, useProvisioningStore } from './provisioning-store';
import { RunsTable } from './runs-table';

/** Every router's provisioning runs, newest first, filtered to one router on request. */
export function RunsHistory() {
  const id = useId();
  const runs = useProvisioningStore(provisioningSelectors.runs);
  const progress = useProvisioningStore(provisioningSelectors.progress);
  const routers = useRoutersStore(routersSelectors.sorted);
  const [routerId, setRouterId] = useState<number | null>(null);
  const shown = useMemo(() => (routerId === null ? runs : runs.filter((r) => r.routerId === routerId)), [runs, routerId]);
  return (
    <section className="provisioning-part" aria-labelledby={`${id}-title`} data-testid="provisioning-history">
      <div className="detail-head">
        <h2 id={`${id}-title`}>History</h2>
        <span className="spacer" />
        <label htmlFor={`${id}-router`}>Router</label>
        <select id={`${id}-router`} value={routerId ?? ''} onChange={(e) => setRouterId(e.target.value === '' ? null : Number(e.target.value))} data-testid="provisioning-history-router">
          <option value="">All routers</option>
          {routers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <p className="muted" data-testid="provisioning-history-empty">
          No plans or applies{routerId === null ? '' : ' for this router'} yet.
        </p>
      ) : (
        <RunsTable runs={shown} progress={progress} showRouter testId="provisioning-runs" />
      )}
    </section>
  );
}
