import { beforeEach, describe, expect, it } from 'vitest';
import type { RouterSummary } from '../../../../main/routers/contract';
import { resetRoutersStore, routersActions, routersSelectors, useRoutersStore } from './routers-store';

const router = (id: number, name: string, state: RouterSummary['status']['state'] = 'online'): RouterSummary => ({
  id,
  tenantId: 1,
  name,
  host: `10.0.0.${id}`,
  port: 8729,
  tls: 'pin',
  tlsCa: '',
  tlsFingerprint: 'AB:CD',
  tlsOfferedFingerprint: null,
  username: 'api',
  hasPassword: true,
  site: '',
  notes: '',
  encoding: 'utf-8',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  status: { state, identity: null, board: null, version: null, uptimeSeconds: null, cpuLoad: null, memoryUsedPercent: null, lastSeenAt: null, lastError: null },
});
const state = () => useRoutersStore.getState();
const names = () => routersSelectors.sorted(state()).map((r) => r.name);

describe('routers store', () => {
  beforeEach(resetRoutersStore);

  it('lists by natural name order and counts states', () => {
    routersActions.snapshot([router(1, 'hq-10'), router(2, 'hq-2', 'offline'), router(3, 'branch', 'auth-failed')]);
    expect(names()).toEqual(['branch', 'hq-2', 'hq-10']);
    expect(routersSelectors.counts(state())).toMatchObject({ online: 1, offline: 1, 'auth-failed': 1, degraded: 0 });
    expect(routersSelectors.sorted(state())).toBe(routersSelectors.sorted(state()));
  });

  it('puts down routers first, then by name', () => {
    routersActions.snapshot([router(1, 'a-1'), router(2, 'z-9', 'offline'), router(3, 'b-2', 'degraded'), router(4, 'm-5', 'auth-failed')]);
    expect(names()).toEqual(['m-5', 'z-9', 'a-1', 'b-2']);
    routersActions.event('RouterStatusChanged', { id: 2, status: { ...router(2, 'z-9').status, state: 'online' } });
    expect(names()).toEqual(['m-5', 'a-1', 'b-2', 'z-9']);
  });

  it('applies added, updated, removed and status events', () => {
    routersActions.snapshot([router(1, 'a')]);
    routersActions.event('RouterAdded', router(2, 'b'));
    routersActions.event('RouterUpdated', { ...router(1, 'a2') });
    routersActions.event('RouterStatusChanged', { id: 2, status: { ...router(2, 'b').status, state: 'degraded', cpuLoad: 95 } });
    expect(names()).toEqual(['a2', 'b']);
    expect(routersSelectors.byId(2)(state())!.status).toMatchObject({ state: 'degraded', cpuLoad: 95 });
    routersActions.event('RouterRemoved', { id: 1 });
    expect(names()).toEqual(['b']);
  });

  it('replays events the snapshot already covers harmlessly', () => {
    routersActions.snapshot([router(1, 'a', 'offline')]);
    routersActions.event('RouterAdded', router(1, 'a', 'offline'));
    routersActions.event('RouterRemoved', { id: 9 });
    routersActions.event('RouterStatusChanged', { id: 9, status: router(9, 'x').status });
    expect(names()).toEqual(['a']);
    expect(routersSelectors.counts(state()).offline).toBe(1);
  });

  it('follows a connection test from request to its RouterTested outcome', () => {
    routersActions.snapshot([router(1, 'a')]);
    routersActions.testRequested(1);
    expect(routersSelectors.tests(state()).get(1)).toEqual({ phase: 'requested', jobId: null });
    routersActions.testQueued(1, 12);
    expect(routersSelectors.tests(state()).get(1)).toEqual({ phase: 'queued', jobId: 12 });
    const outcome = { id: 1, ok: false, message: "router refused login: check the API user has the 'api' policy", latencyMs: null, identity: null, version: null };
    routersActions.event('RouterTested', outcome);
    expect(routersSelectors.tests(state()).get(1)).toEqual({ phase: 'done', outcome });
    // An invoke answer that arrives after the outcome does not hide it.
    routersActions.testQueued(1, 12);
    expect(routersSelectors.tests(state()).get(1)!.phase).toBe('done');
  });
});
