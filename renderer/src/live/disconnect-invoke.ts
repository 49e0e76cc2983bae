import type { Result } from '../../../main/contract/errors';
import { api } from '../bridge/api';

export type DisconnectInvoke = 'sessions.hotspot.disconnect' | 'sessions.pppoe.disconnect';

/**
 * Calls a session Disconnect invoke: input `{ key }`, result `{ jobId }` (a queued job that
 * removes the session on the router). Typed loosely on purpose while the lead adds these two
 * invokes to main/sessions/contract.ts; once they exist this can become
 * `api.invoke(name, { key })` with no other change. Until then the host answers
 * `unknown_invoke`, which the view shows as the Disconnect's failure.
 */
export function invokeDisconnect(name: DisconnectInvoke, key: string): Promise<Result<{ jobId: number }>> {
  const invoke = api.invoke as unknown as (name: string, input: unknown) => Promise<Result<{ jobId: number }>>;
  return invoke(name, { key });
}
