import type { InvokeInput, InvokeOutput } from '../../../../main/contract';
import type { Result } from '../../../../main/contract/errors';
import type { SubscriberSummary } from '../../../../main/subscribers/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { toast } from '../../components/toast-store';
import { beginResync } from '../../stores/connection-store';
import { subscribersActions, type SubscriberQuery } from './subscribers-store';

const listInput = (query: SubscriberQuery, tenantId: number | null): InvokeInput<'subscribers.list'> => ({
  search: query.search.trim(),
  ...(query.status === null ? {} : { status: query.status }),
  ...(query.planId === null ? {} : { planId: query.planId }),
  ...(query.routerId === null ? {} : { routerId: query.routerId }),
  ...(tenantId === null ? {} : { tenantId }),
});

/**
 * The list for one search and filter: one `subscribers.list`, then SubscriberCreated / Updated /
 * Deleted on `tenant.{id}.subscribers`. A new search attaches again (one fetch); the rows of the
 * last one stay on screen until its answer replaces them.
 */
export function attachSubscribers(tenantId: number, asAdmin: boolean, query: SubscriberQuery): () => void {
  return attachLiveChannel<InvokeOutput<'subscribers.list'>>({
    channel: `tenant.${tenantId}.subscribers`,
    fetchSnapshot: () => api.invoke('subscribers.list', listInput(query, asAdmin ? tenantId : null)),
    onSnapshot: (data) => subscribersActions.snapshot(data.subscribers, data.total, query),
    onEvent: subscribersActions.event,
    onError: subscribersActions.failed,
  });
}

export type SubscriberDetail = InvokeOutput<'subscribers.get'>;

/**
 * One subscriber's page: `subscribers.get` (full contact for operators and admins, masked for
 * viewers, with the history) on open, and again whenever an event says this subscriber changed:
 * an event's own copy is masked, so it cannot stand in for the full one. Events that arrive
 * while a fetch runs make one more fetch after it, not one each.
 */
export function attachSubscriberDetail(tenantId: number, id: number, on: { data: (detail: SubscriberDetail) => void; deleted: () => void; error: (message: string) => void }): () => void {
  let active = true;
  let running = false;
  let again = false;
  const load = (done?: () => void) => {
    if (running) {
      again = true;
      done?.();
      return;
    }
    running = true;
    void api.invoke('subscribers.get', { id }).then((result) => {
      running = false;
      done?.();
      if (!active) return;
      if (result.ok) on.data(result.data);
      else on.error(result.error.message);
      if (again) {
        again = false;
        load();
      }
    });
  };
  const unsubscribe = api.subscribe(`tenant.${tenantId}.subscribers`, (message) => {
    if (message.kind === 'resync') load(beginResync());
    else if ((message.payload as { id?: number }).id === id) {
      if (message.name === 'SubscriberDeleted') on.deleted();
      else load();
    }
  });
  load();
  return () => {
    active = false;
    unsubscribe();
  };
}

function answer<T>(result: Result<T>, done: string, attempt: string): Result<T> {
  if (result.ok) toast('ok', done);
  else toast('bad', `could not ${attempt}: ${result.error.message}`);
  return result;
}

export async function createSubscriber(input: InvokeInput<'subscribers.create'>): Promise<Result<SubscriberSummary>> {
  const result = await api.invoke('subscribers.create', input);
  if (result.ok) subscribersActions.upsert(result.data);
  return answer(result, `subscriber ${input.username} created`, `create subscriber ${input.username}`);
}

export async function updateSubscriber(input: InvokeInput<'subscribers.update'>, username: string): Promise<Result<SubscriberSummary>> {
  const result = await api.invoke('subscribers.update', input);
  if (result.ok) subscribersActions.upsert(result.data);
  return answer(result, `subscriber ${result.ok ? result.data.username : username} saved`, `save subscriber ${username}`);
}

export async function deleteSubscriber(id: number, username: string): Promise<Result<{ id: number }>> {
  const result = await api.invoke('subscribers.delete', { id });
  if (result.ok) subscribersActions.removed(id);
  return answer(result, `subscriber ${username} deleted`, `delete subscriber ${username}`);
}

export async function reapplySubscriber(id: number, username: string): Promise<Result<{ jobIds: number[] }>> {
  return answer(await api.invoke('subscribers.reapply', { id }), `writing ${username} to its routers again`, `re-apply ${username}`);
}

/** The password, for the roles allowed; the backend audits every reveal. */
export async function revealPassword(id: number, username: string): Promise<string | null> {
  const result = await api.invoke('subscribers.revealPassword', { id });
  if (result.ok) return result.data.password;
  toast('bad', `could not show the password of ${username}: ${result.error.message}`);
  return null;
}
