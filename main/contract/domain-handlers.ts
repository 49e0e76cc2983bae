import type { Session } from '../auth/session';
import type { InvokeName, InvokeOutput, ParsedInvokeInput } from './index';

/**
 * The shape of an invoke handler, generic in the services it is given. A domain declares the few
 * services its handlers use (a narrow interface in its own folder) and types its handlers with
 * it; the core passes its whole set of services, which satisfies every such interface. So a
 * domain needs nothing from main/core and the import graph runs downward.
 */
export interface HandlerContext<S> {
  services: S;
  session: Session;
}

export type InvokeHandler<N extends InvokeName, S> = (input: ParsedInvokeInput<N>, ctx: HandlerContext<S>) => InvokeOutput<N> | Promise<InvokeOutput<N>>;

export type DomainHandlers<K extends InvokeName, S> = { [N in K]: InvokeHandler<N, S> };
