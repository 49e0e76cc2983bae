/**
 * One timer per process advances every shared-clock model (200 routers cost one interval, not
 * 200). Models on a manual clock never register.
 */
export interface Tickable {
  tick(ms: number): void;
}

const TICK_MS = 1000;
const members = new Set<Tickable>();
let timer: NodeJS.Timeout | undefined;
let last = 0;

function onTick(): void {
  const now = performance.now();
  const elapsed = now - last;
  last = now;
  for (const m of members) m.tick(elapsed);
}

/** Registers a model; returns the function that unregisters it (the timer stops with the last one). */
export function joinSharedTicker(model: Tickable): () => void {
  members.add(model);
  if (!timer) {
    last = performance.now();
    timer = setInterval(onTick, TICK_MS);
    // The servers keep the process alive; the ticker alone must not.
    timer.unref();
  }
  return () => {
    members.delete(model);
    if (members.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
