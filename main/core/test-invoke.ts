import type { Session } from '../auth/session';
import type { ContractError, InvokeInput, InvokeName, InvokeOutput } from '../contract';
import { dispatchInvoke } from './dispatch';
import type { CoreServices } from './services';

/** An invoke's refusal as a thrown error that keeps the contract error (`.error`) for assertions. */
export class InvokeRefused extends Error {
  constructor(
    readonly invoke: InvokeName,
    readonly error: ContractError,
  ) {
    super(`${invoke}: ${error.message}`);
  }
}

/**
 * Invokes through the real dispatch (permissions, validation, handler) typed by the contract, for
 * tests and benchmarks: resolves with the invoke's output, rejects with InvokeRefused.
 */
export function invoker(services: CoreServices, defaultSession: Session) {
  return async <N extends InvokeName>(name: N, input: InvokeInput<N>, session: Session = defaultSession): Promise<InvokeOutput<N>> => {
    const result = await dispatchInvoke(services, session, name, input);
    if (!result.ok) throw new InvokeRefused(name, result.error);
    return result.data as InvokeOutput<N>;
  };
}
