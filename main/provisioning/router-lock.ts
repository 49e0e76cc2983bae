/**
 * One provisioning change at a time per router, in this process: two jobs writing the same
 * router (a plan and its subscriber, a change queued while the last one ran) each read what the
 * router has and act on it, so they must not interleave. Jobs are desired state, so running them
 * one after another is always right; no deduplication of queued jobs is needed.
 */
const tails = new Map<number, Promise<unknown>>();

export function withRouterLock<T>(routerId: number, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(routerId) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(routerId, tail);
  void tail.then(() => {
    if (tails.get(routerId) === tail) tails.delete(routerId);
  });
  return run;
}

/** Whether a change to the router is under way (or queued behind one) in this process. */
export const routerLocked = (routerId: number): boolean => tails.has(routerId);
