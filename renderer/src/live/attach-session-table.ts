import type { DisconnectFailure, SessionDelta, SessionSnapshot } from '../../../main/sessions/contract';
import type { Result } from '../../../main/contract/errors';
import { attachLiveChannel } from '../bridge/live-channel';
import { invokeDisconnect, type DisconnectInvoke } from './disconnect-invoke';
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
}

/**
 * One session table's live binding: subscribe to the tenant's channel, one list invoke (its
 * `seq` skips events it already covers), then deltas. Returns the unsubscribe. `asAdmin` passes
 * the tenant to the invoke (system admins have no tenant of their own).
 */
export function attachSessionTable<S extends SessionRowBase>(binding: SessionTableBinding<S>, tenantId: number, asAdmin: boolean): () => void {
  const { actions } = binding.store;
  return attachLiveChannel<SessionSnapshot<S>>({
    channel: `tenant.${tenantId}.${binding.topic}`,
    fetchSnapshot: () => binding.list(asAdmin ? { tenantId } : {}),
    snapshotSeq: (snapshot) => snapshot.seq,
    onSnapshot: (snapshot) => actions.snapshot(snapshot.sessions),
    onEvent: (name, payload) => {
      if (name === binding.eventName) actions.delta(payload as SessionDelta<S>);
      else if (name === binding.disconnectFailedEvent) {
        const { key, message } = payload as DisconnectFailure;
        actions.disconnectFailed(key, message);
      }
    },
    onError: (message) => actions.failed(message),
  });
}

/** Disconnect: mark the row, queue the job; the row leaves when the router reports it ended. */
export async function disconnectSession<S extends SessionRowBase>(binding: SessionTableBinding<S>, key: string): Promise<void> {
  const { actions } = binding.store;
  actions.disconnectRequested(key);
  const result = await invokeDisconnect(binding.disconnect, key);
  if (result.ok) actions.disconnectQueued(key, result.data.jobId);
  else actions.disconnectFailed(key, `could not disconnect: ${result.error.message}`);
}
