import { beforeEach, describe, expect, it } from 'vitest';
import { provisioningActions, provisioningSelectors, resetProvisioningStore, useProvisioningStore } from './provisioning-store';
import { stepOf } from './runs-reducer';
import { run, step, template } from './test-runs';

const state = () => useProvisioningStore.getState();

describe('provisioning store', () => {
  beforeEach(() => resetProvisioningStore(1));

  it('keeps templates by name and follows their events', () => {
    provisioningActions.snapshot([template(2, 'site 10'), template(1, 'site 2')], []);
    expect(provisioningSelectors.templates(state()).map((t) => t.name)).toEqual(['site 2', 'site 10']);
    provisioningActions.event('ProvisioningTemplateChanged', template(3, 'hotspot'));
    provisioningActions.event('ProvisioningTemplateDeleted', { id: 1 });
    expect(provisioningSelectors.templates(state()).map((t) => t.id)).toEqual([3, 2]);
  });

  it('lists runs newest first, follows their states, and keeps only the tenant on screen', () => {
    provisioningActions.snapshot([], [run(1, { state: 'applied', finishedAt: 'x' }), run(2, { tenantId: 2 })]);
    provisioningActions.event('RouterProvisioningPlanned', run(3, { mode: 'plan' }));
    provisioningActions.event('RouterProvisioningPlanned', run(4, { tenantId: 2 }));
    expect(provisioningSelectors.runs(state()).map((r) => r.id)).toEqual([3, 1]);
    provisioningActions.event('RouterProvisioningPlanned', run(3, { mode: 'plan', state: 'planned', steps: [step('/ip/pool', 'add', 'pool')] }));
    expect(provisioningSelectors.run(3)(state())?.state).toBe('planned');
  });

  it('never takes a finished run back to an earlier state (an event held during the snapshot replays after it)', () => {
    provisioningActions.snapshot([], [run(5, { state: 'applied', stepsDone: 2, finishedAt: 'x' })]);
    provisioningActions.event('RouterProvisioningPlanned', run(5, { state: 'running' }));
    expect(state().runs.get(5)?.state).toBe('applied');
    provisioningActions.event('RouterProvisioningFailed', run(6, { state: 'failed', message: 'the router refused step 2 of 3' }));
    expect(state().runs.get(6)?.message).toBe('the router refused step 2 of 3');
  });

  it('shows an apply’s progress step by step, ignoring a late event of an earlier step', () => {
    const steps = [step('/ip/pool', 'add', 'pool'), step('/ip/address', 'add', 'address'), step('/ip/hotspot', 'add', 'server')];
    provisioningActions.event('RouterProvisioningPlanned', run(9, { state: 'running', steps }));
    provisioningActions.event('RouterProvisioningProgress', { runId: 9, routerId: 7, batchId: 9, step: 2, of: 3, label: 'address' });
    provisioningActions.event('RouterProvisioningProgress', { runId: 9, routerId: 7, batchId: 9, step: 1, of: 3, label: 'pool' });
    expect(stepOf(state().runs.get(9)!, state().progress.get(9))).toEqual({ step: 2, of: 3, label: 'address' });
    // Without a progress event, the run's own count speaks.
    expect(stepOf(run(10, { state: 'running', steps, stepsDone: 1 }), undefined)).toEqual({ step: 1, of: 3, label: 'pool' });
  });

  it('remembers this person’s plan and apply until replaced or closed', () => {
    provisioningActions.planned(3);
    expect(provisioningSelectors.planRun(state())).toBeNull();
    provisioningActions.event('RouterProvisioningPlanned', run(3, { mode: 'plan' }));
    expect(provisioningSelectors.planRun(state())?.id).toBe(3);
    provisioningActions.applying(4, [4, 5]);
    expect(state().batch).toEqual({ batchId: 4, runIds: [4, 5] });
    provisioningActions.clearBatch();
    expect(state().batch).toBeNull();
  });
});
