import { beforeEach, describe, expect, it } from 'vitest';
import { plansActions, plansSelectors, resetPlansStore, usePlansStore } from './plans-store';
import { testPlan } from './test-plans';

const state = () => usePlansStore.getState();
const names = () => plansSelectors.sorted(state()).map((p) => p.name);

describe('plans store', () => {
  beforeEach(resetPlansStore);

  it('lists hotspot plans first, then by natural name', () => {
    plansActions.snapshot([testPlan(1, '12 hours'), testPlan(2, 'Home 10M', { kind: 'pppoe' }), testPlan(3, '1 hour'), testPlan(4, '2 hours')]);
    expect(names()).toEqual(['1 hour', '2 hours', '12 hours', 'Home 10M']);
    expect(plansSelectors.sorted(state())).toBe(plansSelectors.sorted(state()));
    expect(plansSelectors.ofKind('pppoe')(state()).map((p) => p.name)).toEqual(['Home 10M']);
    expect(plansSelectors.ofKind('hotspot')(state())).toBe(plansSelectors.ofKind('hotspot')(state()));
  });

  it('applies created, updated and deleted events, and replays covered ones harmlessly', () => {
    plansActions.snapshot([testPlan(1, 'Day')]);
    plansActions.event('PlanCreated', testPlan(2, 'Week'));
    plansActions.event('PlanUpdated', testPlan(1, 'Day', { routers: [{ routerId: 7, state: 'drift', message: null, drift: [{ field: 'rate-limit', console: '1M/2M', router: '1M/4M' }], updatedAt: 'x' }] }));
    plansActions.event('PlanCreated', testPlan(2, 'Week'));
    plansActions.event('PlanDeleted', { id: 9 });
    expect(names()).toEqual(['Day', 'Week']);
    expect(plansSelectors.byId(1)(state())!.routers[0]!.state).toBe('drift');
    plansActions.event('PlanDeleted', { id: 2 });
    plansActions.event('SomethingElse', {});
    expect(names()).toEqual(['Day']);
  });

  it('keeps an error until the next snapshot', () => {
    plansActions.failed('plans.list failed');
    expect(plansSelectors.error(state())).toBe('plans.list failed');
    plansActions.snapshot([]);
    expect(plansSelectors.error(state())).toBeNull();
    expect(plansSelectors.loaded(state())).toBe(true);
  });
});
