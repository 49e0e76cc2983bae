import { useEffect, useMemo, useState } from 'react';
import type { ProvisioningRun } from '../../../../main/provisioning/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { newestFirst, routerRunsEvent, withRun, type ProgressById, type RouterRuns, type RunsById } from './runs-reducer';

/** Runs a router's page shows (newest first). */
export const ROUTER_RUNS_SHOWN = 50;

const EMPTY: RouterRuns = { runs: new Map(), progress: new Map(), loaded: false, error: null };

/**
 * One router's provisioning history for its page: `provisioning.runs {routerId}` once, then the
 * run events of `tenant.{id}.provisioning` for that router (a gap refetches). Local to the page,
 * so it does not disturb the Provisioning view's store.
 */
export function useRouterRuns(tenantId: number, routerId: number): { runs: ProvisioningRun[]; progress: ProgressById; loaded: boolean; error: string | null } {
  const [state, setState] = useState<RouterRuns>(EMPTY);
  useEffect(() => {
    setState(EMPTY);
    return attachLiveChannel<{ runs: ProvisioningRun[] }>({
      channel: `tenant.${tenantId}.provisioning`,
      fetchSnapshot: () => api.invoke('provisioning.runs', { routerId, limit: ROUTER_RUNS_SHOWN }),
      onSnapshot: (data) => setState((s) => ({ ...s, runs: data.runs.reduce<RunsById>(withRun, new Map()), loaded: true, error: null })),
      onEvent: (name, payload) => setState((s) => routerRunsEvent(s, routerId, name, payload)),
      onError: (message) => setState((s) => ({ ...s, error: message })),
    });
  }, [tenantId, routerId]);
  const runs = useMemo(() => newestFirst(state.runs.values(), ROUTER_RUNS_SHOWN), [state.runs]);
  return { runs, progress: state.progress, loaded: state.loaded, error: state.error };
}
