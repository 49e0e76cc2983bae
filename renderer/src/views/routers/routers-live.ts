import type { Result } from '../../../../main/contract/errors';
import type { InvokeInput } from '../../../../main/contract';
import type { RouterSummary, RouterTestOutcome } from '../../../../main/routers/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { answerRouterAction, answerRouterTest } from './router-answers';
import { resetRoutersStore, routersActions, useRoutersStore } from './routers-store';

/**
 * Routers: one `routers.list`, then RouterAdded / RouterUpdated / RouterRemoved /
 * RouterStatusChanged on `tenant.{id}.routers`. No seq: every event replays harmlessly.
 */
export function attachRouters(tenantId: number, asAdmin: boolean): () => void {
  resetRoutersStore();
  return attachLiveChannel<RouterSummary[]>({
    channel: `tenant.${tenantId}.routers`,
    fetchSnapshot: () => api.invoke('routers.list', asAdmin ? { tenantId } : {}),
    onSnapshot: routersActions.snapshot,
    onEvent: (name, payload) => {
      // A test this person started (still pending here) gets its answer as a toast too.
      const outcome = name === 'RouterTested' ? (payload as RouterTestOutcome) : null;
      const { routers, tests } = useRoutersStore.getState();
      const mine = outcome !== null && ['requested', 'queued'].includes(tests.get(outcome.id)?.phase ?? '');
      routersActions.event(name, payload);
      if (outcome && mine) answerRouterTest(routers.get(outcome.id)?.name ?? `router ${outcome.id}`, outcome);
    },
    onError: routersActions.failed,
  });
}

/** The saved router goes into the store at once; its RouterAdded/Updated event repeats it harmlessly. */
export async function addRouter(input: InvokeInput<'routers.add'>): Promise<Result<RouterSummary>> {
  const result = await api.invoke('routers.add', input);
  if (result.ok) routersActions.upsert(result.data);
  answerRouterAction('added', input.name, result);
  return result;
}

export async function updateRouter(input: InvokeInput<'routers.update'>): Promise<Result<RouterSummary>> {
  const result = await api.invoke('routers.update', input);
  if (result.ok) routersActions.upsert(result.data);
  answerRouterAction('saved', result.ok ? result.data.name : (useRoutersStore.getState().routers.get(input.id)?.name ?? `router ${input.id}`), result);
  return result;
}

/** An admin trusts the new certificate a pinned router presents; the router reconnects with it. */
export async function acceptCertificate(id: number, fingerprint: string): Promise<Result<RouterSummary>> {
  const result = await api.invoke('routers.acceptCertificate', { id, fingerprint });
  if (result.ok) routersActions.upsert(result.data);
  return result;
}

export async function removeRouter(id: number): Promise<Result<{ id: number }>> {
  const name = useRoutersStore.getState().routers.get(id)?.name ?? `router ${id}`;
  const result = await api.invoke('routers.remove', { id });
  if (result.ok) routersActions.removed(id);
  answerRouterAction('removed', name, result);
  return result;
}

/** Test connection: a job logs in and reads identity and resources; RouterTested carries the outcome. */
export async function testRouter(id: number): Promise<void> {
  routersActions.testRequested(id);
  const result = await api.invoke('routers.test', { id });
  if (result.ok) routersActions.testQueued(id, result.data.jobId);
  else {
    routersActions.testFailed(id, result.error.message);
    answerRouterTest(useRoutersStore.getState().routers.get(id)?.name ?? `router ${id}`, { ok: false, message: `could not start: ${result.error.message}` });
  }
}
