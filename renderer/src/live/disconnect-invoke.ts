import type { Result } from '../../../main/contract/errors';
import { api } from '../bridge/api';
import { toast } from '../components/toast-store';

export type DisconnectInvoke = 'sessions.hotspot.disconnect' | 'sessions.pppoe.disconnect';

/** Who is being disconnected from where, for the answer the person gets. */
export interface DisconnectTarget {
  label: string;
  routerName: string;
}

/**
 * A session Disconnect: queues a job that removes the session on its router; `{ jobId }` back.
 * A refused request is answered at once; the outcome comes later (`disconnectDone`, `disconnectFailed`).
 */
export async function invokeDisconnect(name: DisconnectInvoke, key: string, target: DisconnectTarget): Promise<Result<{ jobId: number }>> {
  const result = await api.invoke(name, { key });
  if (!result.ok) toast('bad', `could not disconnect ${target.label} from ${target.routerName}: ${result.error.message}`);
  return result;
}

/** The router confirmed: the session ended. */
export function disconnectDone(target: DisconnectTarget): void {
  toast('ok', `${target.label} disconnected from ${target.routerName}`);
}

/** The job gave up (its message says why, led by "could not disconnect:"). */
export function disconnectFailed(target: DisconnectTarget, message: string): void {
  toast('bad', `could not disconnect ${target.label} from ${target.routerName}: ${message.replace(/^could not disconnect:\s*/, '')}`);
}
