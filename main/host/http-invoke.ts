import type { Result } from '../contract/errors';
import type { Core } from '../core/app-core';

export interface InvokeCall {
  name: string;
  input: unknown;
}

/**
 * Runs invokes for one HTTP request on a connection of its own, opened and closed around them,
 * so an API request takes the WebSocket's path exactly: the core's rate limits for its address,
 * dispatch (permission, input schema, handler), audit and events. Calls run in order on the
 * same session (`auth.resume` with a bearer token first signs it in); the first failure stops
 * the rest. Returns each call's result, up to and including a failure.
 */
export async function invokeOnConnection(core: Core, remoteAddress: string | undefined, calls: readonly InvokeCall[]): Promise<Array<Result<unknown>>> {
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  const connection = core.connect(
    (message) => {
      if (message.type !== 'result') return;
      const { type: _type, id, ...result } = message;
      waiting.get(id)?.(result as Result<unknown>);
      waiting.delete(id);
    },
    { remoteAddress },
  );
  const results: Array<Result<unknown>> = [];
  try {
    for (const [index, call] of calls.entries()) {
      const id = index + 1;
      const result = await new Promise<Result<unknown>>((resolve, reject) => {
        waiting.set(id, resolve);
        connection.receive({ type: 'invoke', id, name: call.name, input: call.input }).catch(reject);
      });
      results.push(result);
      if (!result.ok) break;
    }
  } finally {
    connection.close();
  }
  return results;
}
