import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The router a piece of shard work belongs to. Everything started inside `asRouter` (its sockets,
 * timers and promises) keeps the router id as its async context, so a fault that escapes can be
 * traced back to the one router whose connection caused it.
 */
const routerScope = new AsyncLocalStorage<number>();

export function asRouter<T>(routerId: number, work: () => T): T {
  return routerScope.run(routerId, work);
}

export interface ShardFault {
  /** The router whose work raised it; null when it came from outside any router's work. */
  routerId: number | null;
  kind: 'uncaught-exception' | 'unhandled-rejection';
  error: unknown;
}

/**
 * The worker-level safety net. Node ends a worker thread on an uncaught exception or an unhandled
 * rejection; a shard holds many routers' connections, so one router's defect would drop every
 * healthy router of the shard with it. The client is fixed not to leak such faults; this net is
 * the second line: it catches both kinds, attributes each to its router, and hands it to `onFault`
 * (which ends that router's connection). Returns the function that takes the net down again.
 */
export function installFaultNet(onFault: (fault: ShardFault) => void): () => void {
  const caught = (kind: ShardFault['kind']) => (error: unknown) => onFault({ routerId: routerScope.getStore() ?? null, kind, error });
  const onException = caught('uncaught-exception');
  const onRejection = caught('unhandled-rejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
