import type { DisconnectFailure, SessionDelta, SessionSnapshot } from '../../../main/sessions/contract';
import type { Result } from '../../../main/contract/errors';
import { attachLiveChannel } from '../bridge/live-channel';
import { disconnectDone, disconnectFailed, invokeDisconnect, type DisconnectInvoke, type DisconnectTarget } from './disconnect-invoke';
import { frameBatches } from './frame-batches';
import type { createSessionTableStore, SessionRowBase } from './session-table-store';

type TableStore<S extends SessionRowBase> = ReturnType<typeof createSessionTableStore<S>>;

export interface SessionTableBinding<S extends SessionRowBase> {
  store: TableStore<S>;
  /** `tenant.{id}.<topic>`. */
  topic: string;
  eventName: string;
  /** The event that says a disconnect of this table gave up. */
  disconnectFailedEvent: string;
  list: (input: { tenantId?: number }) => Promise<Result<SessionSnapshot<S>>>;
  disconnect: DisconnectInvoke;
  /** How a person names the session (its login), for the answer to a Disconnect. */
  label: (row: S) => string;
}

/**
 * One session table's live binding: subscribe to the tenant's channel, one list invoke (its
 * `seq` skips events it already covers), then deltas. Returns the unsubscribe. `asAdmin` passes
 * the tenant to the invoke (system admins have no tenant of their own).
 */
export function attachSessionTable<S extends SessionRowBase>(binding: SessionTableBinding<S>, tenantId: number, asAdmin: boolean): () => void {
  const { actions } = binding.store;
  // The batches of one frame apply together (see frameBatches): one store update, one render.
  const batches = frameBatches<SessionDelta<S>>((deltas) => {
    // Read before the deltas remove them: the ended rows this person was disconnecting.
    const { disconnecting } = binding.store.useStore.getState();
    const done = disconnecting.size === 0 ? [] : deltas.flatMap((d) => d.ended.filter((key) => disconnecting.has(key)).map((key) => targetOf(binding, key)));
    actions.deltas(deltas);
    for (const target of done) if (target) disconnectDone(target);
  });
  const detach = attachLiveChannel<SessionSnapshot<S>>({
    channel: `tenant.${tenantId}.${binding.topic}`,
    fetchSnapshot: () => binding.list(asAdmin ? { tenantId } : {}),
    snapshotSeq: (snapshot) => snapshot.seq,
    onSnapshot: (snapshot) => {
      // Batches before a (re)load are inside it; applied first, their Disconnects still finish.
      batches.flush();
      actions.snapshot(snapshot.sessions);
    },
    onEvent: (name, payload) => {
      if (name === binding.eventName) {
        batches.push(payload as SessionDelta<S>);
      } else if (name === binding.disconnectFailedEvent) {
        // In order: a batch that came first applies first.
        batches.flush();
        const { key, message } = payload as DisconnectFailure;
        const target = binding.store.useStore.getState().disconnecting.has(key) ? targetOf(binding, key) : null;
        actions.disconnectFailed(key, message);
        if (target) disconnectFailed(target, message);
      }
    },
    onError: (message) => actions.failed(message),
  });
  return () => {
    batches.discard();
    detach();
  };
}

function targetOf<S extends SessionRowBase>(binding: SessionTableBinding<S>, key: string): DisconnectTarget | null {
  const row = binding.store.useStore.getState().live.rows.get(key);
  return row ? { label: binding.label(row), routerName: row.routerName } : null;
}

/** Disconnect: mark the row, queue the job; the row leaves when the router reports it ended. */
export async function disconnectSession<S extends SessionRowBase>(binding: SessionTableBinding<S>, key: string): Promise<void> {
  const { actions } = binding.store;
  const target = targetOf(binding, key) ?? { label: key, routerName: 'its router' };
  actions.disconnectRequested(key);
  const result = await invokeDisconnect(binding.disconnect, key, target);
  if (result.ok) actions.disconnectQueued(key, result.data.jobId);
  else actions.disconnectFailed(key, `could not disconnect: ${result.error.message}`);
}
