import { describe, expect, it } from 'vitest';
import { routerRunsEvent, type RouterRuns } from './runs-reducer';
import { run } from './test-runs';

describe('runs reducer: a router page’s provisioning history', () => {
  it('keeps this router’s runs and progress only', () => {
    let state: RouterRuns = { runs: new Map(), progress: new Map(), loaded: true, error: null };
    state = routerRunsEvent(state, 7, 'RouterProvisioningPlanned', run(1));
    state = routerRunsEvent(state, 7, 'RouterProvisioningPlanned', run(2, { routerId: 8 }));
    state = routerRunsEvent(state, 7, 'RouterProvisioningProgress', { runId: 1, routerId: 7, batchId: 1, step: 1, of: 4, label: 'pool' });
    state = routerRunsEvent(state, 7, 'RouterProvisioningProgress', { runId: 2, routerId: 8, batchId: 2, step: 1, of: 4, label: 'pool' });
    state = routerRunsEvent(state, 7, 'ProvisioningTemplateDeleted', { id: 3 });
    expect([...state.runs.keys()]).toEqual([1]);
    expect([...state.progress.keys()]).toEqual([1]);
  });
});
