import type { Result } from '../../../main/contract/errors';
import { api } from '../bridge/api';

export type DisconnectInvoke = 'sessions.hotspot.disconnect' | 'sessions.pppoe.disconnect';

/** A session Disconnect: queues a job that removes the session on its router; `{ jobId }` back. */
export function invokeDisconnect(name: DisconnectInvoke, key: string): Promise<Result<{ jobId: number }>> {
  return api.invoke(name, { key });
}
